// A write can wait behind a whole-library change (tagging or trashing 100,000
// papers). What the researcher went to or chose while it waited stays when it
// ends: a new collection or saved search is made but not opened, a deleted one
// sends them to All items only if they are still looking at it, and a trash,
// restore or paper added by identifier, from a PDF or from PubMed leaves the papers they chose meanwhile.
// The writes are held the way a long change holds them: another read-write
// transaction on the change log, which every write of the library takes.
import path from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'

// Papers the replay server knows (recorded Crossref works, e2e/fixtures/crossref/SOURCES.md).
const MICE = { doi: '10.1371/journal.pone.0033693', title: 'Methylphenidate Exposure Induces Dopamine Neuron Loss' }
const ALZHEIMER = { doi: '10.1016/j.neurobiolaging.2010.03.024', title: 'Human umbilical cord blood-derived mesenchymal stem cells' }
const SYNUCLEIN = { doi: '10.1038/srep16696', title: 'Single-molecule FRET studies on alpha-synuclein oligomerization' }
// A real article PDF (e2e/fixtures/pdf/SOURCES.md); its DOI has no recorded work, so it is added marked Needs metadata.
const CAMBRIDGE = {
  file: path.resolve(__dirname, 'fixtures/pdf/articles/cambridge_intpsychogeriatr_2014_S1041610213001804.pdf'),
  title: 'Stressful life events are not associated with the development of dementia'
}

type HeldWindow = Window & { releaseWrites?: boolean }

/** Holds every library write until the returned release is called (the transaction is open when this resolves). */
async function holdWrites(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(
    () =>
      new Promise<void>((held, failed) => {
        const opening = indexedDB.open('neuroref')
        opening.onerror = () => failed(opening.error)
        opening.onsuccess = () => {
          const tx = opening.result.transaction('changes', 'readwrite')
          const log = tx.objectStore('changes')
          const here = window as HeldWindow
          here.releaseWrites = false
          // a transaction stays open while it has requests: ask again until released
          const keepOpen = (): void => {
            if (!here.releaseWrites) log.count().onsuccess = keepOpen
          }
          log.count().onsuccess = () => (held(), keepOpen())
          tx.oncomplete = () => opening.result.close()
        }
      })
  )
  return () => page.evaluate(() => void ((window as HeldWindow).releaseWrites = true))
}

async function addPaper(page: Page, paper: { doi: string; title: string }): Promise<void> {
  await page.getByLabel('Add by identifier').fill(paper.doi)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: paper.title })).toHaveCount(1)
}

test('a collection or saved search made or deleted while the researcher went elsewhere leaves them there', async ({ page, app }) => {
  await page.goto(app.url)
  await addPaper(page, MICE)
  await addPaper(page, ALZHEIMER)
  const library = page.getByRole('navigation', { name: 'Library' })
  const allItems = library.getByRole('button', { name: 'All items' })
  const unfiled = library.getByRole('button', { name: 'Unfiled' })
  const tree = page.getByRole('tree', { name: 'Collections' })
  const row = (paper: { title: string }) => page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: paper.title })
  const search = page.getByRole('searchbox', { name: 'Search library' })
  const savedSearches = page.getByRole('region', { name: 'Saved searches' })

  // A new collection whose write waits; meanwhile the researcher opens Unfiled.
  let release = await holdWrites(page)
  await page.getByRole('button', { name: 'New collection' }).click()
  await page.getByRole('textbox', { name: 'Name of the new collection' }).fill('Reward')
  await page.getByRole('button', { name: 'Create' }).click()
  await unfiled.click()
  await expect(unfiled).toHaveAttribute('aria-current', 'page')
  await release()
  const reward = tree.getByRole('treeitem', { name: 'Reward', exact: true })
  await expect(reward).toHaveAttribute('aria-selected', 'false')
  await expect(page.getByRole('textbox', { name: 'Name of the new collection' })).toHaveCount(0)
  await expect(unfiled).toHaveAttribute('aria-current', 'page')

  // Another one; meanwhile the researcher chooses a paper in All items: it stays chosen.
  await allItems.click()
  release = await holdWrites(page)
  await page.getByRole('button', { name: 'New collection' }).click()
  await page.getByRole('textbox', { name: 'Name of the new collection' }).fill('Stress')
  await page.getByRole('button', { name: 'Create' }).click()
  await row(MICE).click()
  await expect(row(MICE)).toHaveAttribute('aria-selected', 'true')
  await release()
  await expect(tree.getByRole('treeitem', { name: 'Stress', exact: true })).toHaveAttribute('aria-selected', 'false')
  await expect(allItems).toHaveAttribute('aria-current', 'page')
  await expect(row(MICE)).toHaveAttribute('aria-selected', 'true')

  // Deleting the collection shown, then going to Unfiled before the write ends: Unfiled stays.
  await tree.getByText('Reward', { exact: true }).click()
  await expect(reward).toHaveAttribute('aria-selected', 'true')
  release = await holdWrites(page)
  await page.getByRole('button', { name: 'Delete collection' }).click()
  await page.getByRole('alertdialog', { name: 'Delete the collection “Reward”?' }).getByRole('button', { name: 'Delete' }).click()
  await unfiled.click()
  await release()
  await expect(page.getByRole('status')).toContainText('Deleted the collection “Reward”.')
  await expect(reward).toHaveCount(0)
  await expect(unfiled).toHaveAttribute('aria-current', 'page')

  // A saved search whose write waits; meanwhile the researcher opens All items. The search they typed stays.
  await search.fill('dopamine')
  release = await holdWrites(page)
  await page.getByRole('button', { name: 'Save search' }).click()
  await page.getByRole('textbox', { name: 'Saved search name' }).fill('Dopamine papers')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await allItems.click()
  await release()
  await expect(page.getByRole('textbox', { name: 'Saved search name' })).toHaveCount(0)
  const saved = savedSearches.getByRole('button', { name: 'Dopamine papers' })
  await expect(saved).toBeVisible()
  await expect(saved).not.toHaveAttribute('aria-current', 'page')
  await expect(allItems).toHaveAttribute('aria-current', 'page')
  await expect(search).toHaveValue('dopamine')

  // Deleting the saved search shown, then going to Unfiled before the write ends: Unfiled stays.
  await search.fill('')
  await saved.click()
  await expect(saved).toHaveAttribute('aria-current', 'page')
  release = await holdWrites(page)
  await savedSearches.getByRole('button', { name: 'Delete saved search' }).click()
  await unfiled.click()
  await release()
  await expect(page.getByRole('status')).toContainText('Deleted the saved search “Dopamine papers”.')
  await expect(saved).toHaveCount(0)
  await expect(unfiled).toHaveAttribute('aria-current', 'page')

  // Deleting the collection shown while staying on it still goes to All items.
  await tree.getByText('Stress', { exact: true }).click()
  await page.getByRole('button', { name: 'Delete collection' }).click()
  await page.getByRole('alertdialog', { name: 'Delete the collection “Stress”?' }).getByRole('button', { name: 'Delete' }).click()
  await expect(tree.getByRole('treeitem')).toHaveCount(0)
  await expect(allItems).toHaveAttribute('aria-current', 'page')
})

test('papers chosen while a trash, restore or paper added by identifier or PDF waits stay chosen', async ({ page, app }) => {
  await page.goto(app.url)
  await addPaper(page, MICE)
  await addPaper(page, ALZHEIMER)
  const row = (paper: { title: string }) => page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: paper.title })
  const bar = page.getByRole('region', { name: 'Selection' })
  const status = page.getByRole('status')

  // A paper added by identifier is not chosen when the researcher chose another while it was written.
  let release = await holdWrites(page)
  await page.getByLabel('Add by identifier').fill(SYNUCLEIN.doi)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await row(ALZHEIMER).click()
  await expect(row(ALZHEIMER)).toHaveAttribute('aria-selected', 'true')
  await release()
  await expect(row(SYNUCLEIN)).toHaveCount(1)
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveCount(0) // the add has ended
  await expect(row(SYNUCLEIN)).toHaveAttribute('aria-selected', 'false')
  await expect(row(ALZHEIMER)).toHaveAttribute('aria-selected', 'true')

  // Two papers to the Trash; meanwhile the researcher chooses the third: it stays chosen.
  await row(MICE).click()
  await row(SYNUCLEIN).click({ modifiers: ['ControlOrMeta'] })
  await expect(bar).toContainText('2 selected')
  release = await holdWrites(page)
  await bar.getByRole('button', { name: 'Move to Trash' }).click()
  await row(ALZHEIMER).click()
  await release()
  await expect(status).toContainText('Moved 2 items to the Trash.')
  await expect(row(MICE)).toHaveCount(0)
  await expect(row(ALZHEIMER)).toHaveAttribute('aria-selected', 'true')
  await expect(bar).toContainText('1 selected')

  // In the Trash: restore one; meanwhile the researcher chooses the other: it stays chosen.
  await page.getByRole('button', { name: /^Trash/ }).click()
  await row(MICE).click()
  release = await holdWrites(page)
  await bar.getByRole('button', { name: 'Restore' }).click()
  await row(SYNUCLEIN).click()
  await release()
  await expect(status).toContainText('Restored 1 paper from the Trash.')
  await expect(row(MICE)).toHaveCount(0)
  await expect(row(SYNUCLEIN)).toHaveAttribute('aria-selected', 'true')
  await expect(bar).toContainText('1 selected')

  // A paper added from a PDF is not chosen when the researcher chose another while it was written.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'All items' }).click()
  release = await holdWrites(page)
  await page.getByLabel('Add PDFs…').setInputFiles(CAMBRIDGE.file)
  await row(MICE).click()
  await expect(row(MICE)).toHaveAttribute('aria-selected', 'true')
  await release()
  await expect(status).toContainText('marked Needs metadata') // said once the paper is added (and chosen, before)
  await expect(row(CAMBRIDGE)).toHaveAttribute('aria-selected', 'false')
  await expect(row(MICE)).toHaveAttribute('aria-selected', 'true')
})

test('PubMed results chosen while the ones added before are written stay chosen', async ({ page, app }) => {
  const BURNS = 'Patients over 75 years admitted to the National Burn Centre, Haukeland University Hospital, 2000-19.'
  const DERMATOMYOSITIS = 'Cardiac evaluation of patients with juvenile dermatomyositis.'
  await page.goto(app.url)
  await page.getByRole('region', { name: 'PubMed' }).getByRole('button', { name: 'Search PubMed' }).click()
  const view = page.getByRole('region', { name: 'Search PubMed' })
  await view.getByLabel('PubMed query').fill('patients')
  await view.getByRole('button', { name: 'Search', exact: true }).click()
  const results = view.getByRole('list', { name: 'PubMed results' }).getByRole('listitem')
  await view.getByRole('checkbox', { name: `Select ${BURNS}` }).check()
  const release = await holdWrites(page)
  await view.getByRole('button', { name: 'Add 1 selected' }).click()
  await view.getByRole('checkbox', { name: `Select ${DERMATOMYOSITIS}` }).check()
  await release()
  await expect(page.getByRole('status')).toContainText(`Added: ${BURNS}`)
  await expect(results.filter({ hasText: BURNS })).toContainText('In library')
  await expect(view.getByRole('checkbox', { name: `Select ${DERMATOMYOSITIS}` })).toBeChecked()
  await expect(view.getByRole('button', { name: 'Add 1 selected' })).toBeEnabled()
})
