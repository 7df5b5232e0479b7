// Collections and saved searches, as a researcher uses them: nest
// collections, file papers by drag and by menu, rename, delete without losing
// a paper, and a saved search that picks up a newly added paper by itself.
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'

// Papers the replay server knows (recorded Crossref works, e2e/fixtures/crossref/SOURCES.md).
const MICE = { doi: '10.1371/journal.pone.0033693', title: 'Methylphenidate Exposure Induces Dopamine Neuron Loss' }
const ALZHEIMER = { doi: '10.1016/j.neurobiolaging.2010.03.024', title: 'Human umbilical cord blood-derived mesenchymal stem cells' }
const SYNUCLEIN = { doi: '10.1038/srep16696', title: 'Single-molecule FRET studies on alpha-synuclein oligomerization' }

async function addPaper(page: Page, paper: { doi: string; title: string }): Promise<void> {
  await page.getByLabel('Add by identifier').fill(paper.doi)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: paper.title })).toHaveCount(1)
}

// Playwright decides whether a drag started with a zero-delay timer after the pointer moves (its Chromium drag);
// when the window still has queued work just after the view changed (tag counts run in slices), dragstart can come
// after that timer and Playwright drops the drag (4 of 4 runs lost on a loaded machine) — a person's drag is not lost.
// So a drag starts once the window has an idle moment, as a hand would after the list appeared.
async function idle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise(done => requestIdleCallback(done, { timeout: 5_000 })))
}

test('nested collections hold papers; deleting one keeps them; a saved search stays current', async ({ page, app }) => {
  await page.goto(app.url)
  await addPaper(page, MICE)
  await addPaper(page, ALZHEIMER)

  const library = page.getByRole('navigation', { name: 'Library' })
  const tree = page.getByRole('tree', { name: 'Collections' })
  const grid = page.getByRole('grid', { name: 'Items' })
  const row = (paper: { title: string }) => grid.getByRole('row').filter({ hasText: paper.title })
  const status = page.getByRole('status')

  // A collection, then a sub-collection inside it (the new collection is chosen).
  await page.getByRole('button', { name: 'New collection' }).click()
  await page.getByRole('textbox', { name: 'Name of the new collection' }).fill('Dopamine')
  await page.getByRole('button', { name: 'Create' }).click()
  const parent = tree.getByRole('treeitem', { name: 'Dopamine', exact: true })
  await expect(parent).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByText('This collection is empty.')).toBeVisible()

  await page.getByRole('button', { name: 'New collection' }).click()
  await page.getByRole('textbox', { name: 'Name of the new sub-collection in “Dopamine”' }).fill('Microglia')
  await page.getByRole('button', { name: 'Create' }).click()
  const child = parent.getByRole('treeitem', { name: 'Microglia', exact: true })
  await expect(child).toHaveAttribute('aria-level', '2')
  await expect(parent).toHaveAttribute('aria-expanded', 'true')

  // Drag a paper from All items onto the sub-collection.
  await library.getByRole('button', { name: 'All items' }).click()
  await idle(page)
  await row(MICE).dragTo(child.getByText('Microglia', { exact: true }))
  await expect(status).toContainText('Added 1 paper to “Microglia”.')

  await child.getByText('Microglia', { exact: true }).click()
  await expect(row(MICE)).toHaveCount(1)
  await expect(row(ALZHEIMER)).toHaveCount(0)
  await tree.getByText('Dopamine', { exact: true }).click()
  await expect(parent).toHaveAttribute('aria-selected', 'true')
  await expect(row(MICE)).toHaveCount(1) // the parent shows its sub-collection's papers
  await library.getByRole('button', { name: 'Unfiled' }).click()
  await expect(row(MICE)).toHaveCount(0)
  await expect(row(ALZHEIMER)).toHaveCount(1)

  // Add the other paper through the menu.
  await row(ALZHEIMER).click()
  await page.getByRole('button', { name: 'Add to collection' }).click()
  await page.getByRole('menuitem', { name: 'Dopamine' }).click()
  await expect(status).toContainText('Added 1 paper to “Dopamine”.')
  await expect(page.getByText('Every paper is in a collection.')).toBeVisible()

  // Rename the sub-collection.
  await child.getByText('Microglia', { exact: true }).click()
  await page.getByRole('button', { name: 'Rename collection' }).click()
  await page.getByRole('textbox', { name: 'Collection name' }).fill('Microglia activation')
  await page.getByRole('button', { name: 'Rename', exact: true }).click()
  await expect(tree.getByRole('treeitem', { name: 'Microglia activation', exact: true })).toHaveAttribute('aria-selected', 'true')
  await expect(row(MICE)).toHaveCount(1)

  // Delete the parent: it asks first, and no paper leaves the library.
  await tree.getByText('Dopamine', { exact: true }).click()
  await page.getByRole('button', { name: 'Delete collection' }).click()
  const ask = page.getByRole('alertdialog', { name: 'Delete the collection “Dopamine”?' })
  await expect(ask).toContainText('Its sub-collection goes too. The papers in it stay in your library.')
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(parent).toBeVisible()
  await page.getByRole('button', { name: 'Delete collection' }).click()
  await ask.getByRole('button', { name: 'Delete' }).click()
  await expect(tree.getByRole('treeitem')).toHaveCount(0)
  await expect(library.getByRole('button', { name: 'All items' })).toHaveAttribute('aria-current', 'page')
  await expect(row(MICE)).toHaveCount(1)
  await expect(row(ALZHEIMER)).toHaveCount(1)
  await library.getByRole('button', { name: 'Unfiled' }).click()
  await expect(row(MICE)).toHaveCount(1)
  await expect(row(ALZHEIMER)).toHaveCount(1)

  // Save a search; it shows a paper added afterwards without being asked.
  await library.getByRole('button', { name: 'All items' }).click()
  await page.getByRole('searchbox', { name: 'Search library' }).fill('synuclein')
  await page.getByRole('button', { name: 'Save search' }).click()
  await page.getByRole('textbox', { name: 'Saved search name' }).fill('Synuclein papers')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  const saved = page.getByRole('region', { name: 'Saved searches' }).getByRole('button', { name: 'Synuclein papers' })
  await expect(saved).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('searchbox', { name: 'Search library' })).toHaveValue('')
  await expect(page.getByText('No paper matches this saved search.')).toBeVisible()

  await addPaper(page, SYNUCLEIN)
  await expect(saved).toHaveAttribute('aria-current', 'page')
  await expect(grid.getByRole('row')).toHaveCount(2) // the header and the new paper
  await expect(row(MICE)).toHaveCount(0)

  // And it survives a reload.
  await page.reload()
  await page.getByRole('region', { name: 'Saved searches' }).getByRole('button', { name: 'Synuclein papers' }).click()
  await expect(row(SYNUCLEIN)).toHaveCount(1)
})

test('collections move by drag and by “Move…”, never into themselves; papers leave a collection on request', async ({ page, app }) => {
  await page.goto(app.url)
  await addPaper(page, MICE)
  const library = page.getByRole('navigation', { name: 'Library' })
  const tree = page.getByRole('tree', { name: 'Collections' })
  const grid = page.getByRole('grid', { name: 'Items' })
  for (const name of ['Stress', 'Reward']) {
    await library.getByRole('button', { name: 'All items' }).click()
    await page.getByRole('button', { name: 'New collection' }).click()
    await page.getByRole('textbox', { name: 'Name of the new collection' }).fill(name)
    await page.getByRole('button', { name: 'Create' }).click()
  }
  const stress = tree.getByRole('treeitem', { name: 'Stress', exact: true })
  const reward = tree.getByRole('treeitem', { name: 'Reward', exact: true })
  await expect(reward).toHaveAttribute('aria-level', '1')

  await tree.getByText('Reward', { exact: true }).dragTo(tree.getByText('Stress', { exact: true }))
  await expect(page.getByRole('status')).toContainText('Moved “Reward” into “Stress”.')
  await expect(stress.getByRole('treeitem', { name: 'Reward', exact: true })).toHaveAttribute('aria-level', '2')

  // The tree works from the keyboard too.
  await tree.getByText('Stress', { exact: true }).click()
  await page.keyboard.press('ArrowLeft')
  await expect(stress).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('ArrowRight')
  await expect(stress).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(stress.getByRole('treeitem', { name: 'Reward', exact: true })).toHaveAttribute('aria-selected', 'true')

  // A parent dropped on its own child stays where it is.
  await tree.getByText('Stress', { exact: true }).dragTo(tree.getByText('Reward', { exact: true }))
  await expect(stress).toHaveAttribute('aria-level', '1')

  await tree.getByText('Reward', { exact: true }).click()
  await page.getByRole('button', { name: 'Move collection' }).click()
  await expect(page.getByRole('menu', { name: 'Move collection' }).getByRole('menuitem')).toHaveText(['Top level', 'Stress'])
  await page.getByRole('menuitem', { name: 'Top level' }).click()
  await expect(reward).toHaveAttribute('aria-level', '1')
  await expect(stress).toHaveAttribute('aria-level', '1')

  // File the paper in Reward, then take it out again: it is back in Unfiled.
  await library.getByRole('button', { name: 'All items' }).click()
  await idle(page)
  await grid
    .getByRole('row')
    .filter({ hasText: MICE.title })
    .dragTo(tree.getByText('Reward', { exact: true }))
  await tree.getByText('Reward', { exact: true }).click()
  await grid.getByRole('row').filter({ hasText: MICE.title }).click()
  await page.getByRole('button', { name: 'Remove from collection' }).click()
  await expect(page.getByRole('status')).toContainText('Removed 1 paper from “Reward”. They stay in your library.')
  await expect(page.getByText('This collection is empty.')).toBeVisible()
  await library.getByRole('button', { name: 'Unfiled' }).click()
  await expect(grid.getByRole('row').filter({ hasText: MICE.title })).toHaveCount(1)
})
