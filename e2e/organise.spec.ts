// Organising papers: manual tags and the tag filter, notes found by search,
// hand edits with Undo, read status and rating, the Trash, and the keyboard.
// Papers come from recorded Crossref responses (e2e/fixtures/crossref/works/,
// see SOURCES.md); Crossref records carry no keywords or MeSH, so only
// manual tags are expected on them.
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'

const PLOS = { doi: '10.1371/journal.pone.0033693', title: 'Methylphenidate Exposure Induces Dopamine Neuron Loss' }
const SREP = { doi: '10.1038/srep16696', title: 'Single-molecule FRET studies on alpha-synuclein oligomerization' }

async function addByIdentifier(page: Page, doi: string, title: string): Promise<void> {
  await page.getByLabel('Add by identifier').fill(doi)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: title })).toHaveCount(1)
}

test('tag, filter, rename, note, edit with undo, rate, trash and restore', async ({ page, app }) => {
  await page.goto(app.url)
  await addByIdentifier(page, PLOS.doi, PLOS.title)
  await addByIdentifier(page, SREP.doi, SREP.title)

  const grid = page.getByRole('grid', { name: 'Items' })
  const row = (title: string) => grid.getByRole('row').filter({ hasText: title })
  const details = page.getByRole('region', { name: 'Item details' })
  const paneTags = details.getByRole('region', { name: 'Tags' })
  const selector = page.getByRole('navigation', { name: 'Library' }).getByRole('region', { name: 'Tags', exact: true })

  // A manual tag on one paper; Crossref gave no keywords or MeSH headings.
  await row(PLOS.title).click()
  await paneTags.getByLabel('Add tag').fill('stimulants')
  await paneTags.getByLabel('Add tag').press('Enter')
  await expect(paneTags.getByRole('listitem')).toContainText(['Manual: stimulants'])
  await expect(paneTags.getByRole('listitem').filter({ hasText: /^(Keyword|MeSH):/ })).toHaveCount(0)

  // The tag selector filters the view.
  await selector.getByRole('button', { name: /^Manual: stimulants/ }).click()
  await expect(selector.getByRole('button', { name: /^Manual: stimulants/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(row(PLOS.title)).toHaveCount(1)
  await expect(row(SREP.title)).toHaveCount(0)

  // Renaming keeps the filter and the paper's tag.
  await selector.getByRole('button', { name: 'Manage tag “stimulants”' }).click()
  const manager = page.getByRole('dialog', { name: 'Tag “stimulants”' })
  await manager.getByLabel('New name').fill('Psychostimulants')
  await manager.getByRole('button', { name: 'Rename' }).click()
  await expect(page.getByRole('status')).toContainText('Renamed “stimulants” to “Psychostimulants” on 1 paper.')
  await expect(selector.getByRole('button', { name: /^Manual: Psychostimulants/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(row(PLOS.title)).toHaveCount(1)
  await row(PLOS.title).click()
  await expect(paneTags.getByRole('listitem')).toContainText(['Manual: Psychostimulants'])
  await selector.getByRole('button', { name: 'Clear tag filter' }).click()
  await expect(row(SREP.title)).toHaveCount(1)

  // A note, saved as typed, makes the paper findable by its words.
  await row(PLOS.title).click()
  await details.getByRole('textbox', { name: 'Note', exact: true }).fill('Compare with the vasopressin data from the hamster study.')
  await expect(details.getByText('Note saved.')).toBeVisible()
  await page.getByLabel('Search library').fill('hamster')
  await expect(row(PLOS.title)).toHaveCount(1)
  await expect(row(SREP.title)).toHaveCount(0)
  await page.getByLabel('Search library').fill('')
  await expect(row(SREP.title)).toHaveCount(1)

  // Edit the title, then Undo from the status line; again, then Ctrl+Z.
  await row(PLOS.title).click()
  await details.getByRole('button', { name: 'Edit' }).click()
  const form = details.getByRole('form', { name: 'Edit paper' })
  await form.getByLabel('Title').fill('A title typed by hand')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('A title typed by hand')
  await expect(row('A title typed by hand')).toHaveCount(1)
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect(details.getByRole('heading', { level: 2 })).toContainText(PLOS.title)
  await expect(row('A title typed by hand')).toHaveCount(0)

  await details.getByRole('button', { name: 'Edit' }).click()
  await form.getByLabel('Year').fill('2013')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(row(PLOS.title)).toContainText('2013')
  await row(PLOS.title).click()
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('status')).toContainText('Undone')
  await expect(row(PLOS.title)).toContainText('2012')

  // Read status and rating survive a reload.
  await details.getByLabel('Read status').selectOption('read')
  await details.getByRole('group', { name: 'Rating' }).getByRole('button', { name: '4 stars' }).click()
  await expect(details.getByRole('button', { name: '4 stars' })).toHaveAttribute('aria-pressed', 'true')
  await page.reload()
  await row(PLOS.title).click()
  await expect(details.getByLabel('Read status')).toHaveValue('read')
  await expect(details.getByRole('button', { name: '4 stars' })).toHaveAttribute('aria-pressed', 'true')
  await expect(details.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('Compare with the vasopressin data from the hamster study.')

  // Keyboard: ArrowDown moves the selection, Ctrl+A selects all; bulk tag; Delete trashes.
  const first = grid.getByRole('row').nth(1)
  const second = grid.getByRole('row').nth(2)
  await first.click()
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowDown')
  await expect(second).toHaveAttribute('aria-selected', 'true')
  await expect(first).toHaveAttribute('aria-selected', 'false')
  await page.keyboard.press('Control+a')
  const bar = page.getByRole('region', { name: 'Selection' })
  await expect(bar).toContainText('2 selected')
  await bar.getByLabel('Add tag').fill('to discuss')
  await bar.getByLabel('Add tag').press('Enter')
  await expect(page.getByRole('status')).toContainText('Tagged 2 papers “to discuss”.')
  await expect(selector.getByRole('button', { name: /^Manual: to discuss/ })).toContainText('2')
  await grid.focus()
  await page.keyboard.press('Delete')
  await expect(page.getByRole('status')).toContainText('Moved 2 items to the Trash.')
  await expect(page.getByText('Your library is empty.')).toBeVisible()

  // Trash: restore one, empty the rest after confirming.
  await page.getByRole('button', { name: /^Trash/ }).click()
  await expect(grid.getByRole('row')).toHaveCount(3)
  await row(SREP.title).click()
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByRole('status')).toContainText('Restored 1 paper from the Trash.')
  await expect(row(SREP.title)).toHaveCount(0)
  await page.getByRole('button', { name: 'Empty Trash' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Empty the Trash?' })
  await expect(confirm).toContainText('1 paper in the Trash will be deleted for good')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(row(PLOS.title)).toHaveCount(1)
  await page.getByRole('button', { name: 'Empty Trash' }).click()
  await confirm.getByRole('button', { name: 'Empty Trash' }).click()
  await expect(page.getByRole('status')).toContainText('Deleted 1 paper for good.')
  await expect(page.getByText('The Trash is empty.')).toBeVisible()

  await page.getByRole('button', { name: /^All items/ }).click()
  await expect(row(SREP.title)).toHaveCount(1)
  await expect(row(PLOS.title)).toHaveCount(0)
})
