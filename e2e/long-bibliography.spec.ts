// A long reference list (over 500 papers, so it is made in groups by the two
// bibliography workers): progress while it is made, year suffixes across the
// whole list, a paper edited since shows its new title, and after a reload
// (new workers, entries kept in IndexedDB) the same papers give the same file.
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { chooseStyle } from './support/style-chooser'

const PAPERS = 600
/** 600 papers by 150 first authors, and three by Smith in 2021 (APA writes 2021a, b, c). */
const BIB = [
  ...Array.from(
    { length: PAPERS },
    (_, i) => `@article{paper${i},
  author = {Family${i % 150}, Given and Second${i % 7}, Other},
  title = {Neuropeptide paper number ${i}},
  journal = {Journal of Peptides},
  year = {${2000 + (i % 20)}},
  volume = {${1 + (i % 30)}},
  pages = {${i}--${i + 9}}
}`
  ),
  ...['a', 'b', 'c'].map(
    n => `@article{smith2021${n},
  author = {Smith, John},
  title = {Oxytocin study ${n}},
  journal = {Journal of Peptides},
  year = {2021}
}`
  )
].join('\n\n')
const TOTAL = PAPERS + 3

async function saveBibliography(page: Page, watchProgress = false): Promise<string> {
  await page.getByRole('grid', { name: 'Items' }).focus()
  await page.keyboard.press('Control+a')
  await page.getByRole('button', { name: 'Export' }).click()
  await page.getByRole('menuitem', { name: 'Bibliography…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Bibliography' })
  await chooseStyle(dialog, 'APA 7th edition')
  // Progress is noted by the page as it is drawn: on an idle machine the list is made in about a second, between two polls of a locator.
  if (watchProgress) await page.evaluate(noteProgressShown)
  const downloading = page.waitForEvent('download', { timeout: 300_000 })
  await dialog.getByRole('button', { name: 'Save bibliography' }).click()
  const download = await downloading
  if (watchProgress)
    expect(await page.evaluate(() => (window as unknown as { progressShown: string[] }).progressShown)).toContainEqual(
      expect.stringMatching(/^Formatting [\d,]+ of 603…$/)
    )
  return readFile((await download.path())!, 'utf8')
}

/** In the page: keeps every "Formatting … of …" text a button of the Bibliography dialog shows. */
function noteProgressShown(): void {
  const shown: string[] = []
  Object.assign(window, { progressShown: shown })
  new MutationObserver(() => {
    for (const button of document.querySelectorAll('[role=dialog] button')) {
      const text = button.textContent ?? ''
      if (text.startsWith('Formatting') && !shown.includes(text)) shown.push(text)
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true })
}

const entries = (text: string): string[] => text.split('\n').filter(line => line.trim())

test('a long bibliography shows progress, writes year suffixes, shows an edited title, and is the same after a reload', async ({ page, app }) => {
  test.setTimeout(900_000)
  await page.goto(app.url)
  await page.getByLabel('Import file').setInputFiles({ name: 'long.bib', mimeType: 'text/plain', buffer: Buffer.from(BIB) })
  await expect(page.getByRole('status')).toContainText(`long.bib (BibTeX, utf-8): ${TOTAL} added.`, { timeout: 120_000 })

  const first = await saveBibliography(page, true)
  expect(entries(first)).toHaveLength(TOTAL)
  expect(first).toContain('Smith, J. (2021a). Oxytocin study')
  expect(first).toContain('Smith, J. (2021c). Oxytocin study')
  expect(entries(first)[0]).toMatch(/^Family0, G\./)

  // Edit one paper's title: the next list shows it, and nothing of the old title.
  await page.getByRole('searchbox', { name: 'Search library' }).fill('"paper number 417"')
  const row = page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: 'Neuropeptide paper number 417' })
  await expect(row).toHaveCount(1)
  await row.click()
  const details = page.getByRole('region', { name: 'Item details' })
  await details.getByRole('button', { name: 'Edit' }).click()
  const form = details.getByRole('form', { name: 'Edit paper' })
  await form.getByLabel('Title').fill('Galanin paper corrected by hand')
  await form.getByRole('button', { name: 'Save' }).click()
  // The search no longer finds it by its old title: the whole library again, with the new one.
  await page.getByRole('searchbox', { name: 'Search library' }).fill('')
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: 'Galanin paper corrected by hand' })).toHaveCount(1)

  const edited = await saveBibliography(page)
  expect(entries(edited)).toHaveLength(TOTAL)
  expect(edited).toContain('Galanin paper corrected by hand')
  expect(edited).not.toContain('Neuropeptide paper number 417.')
  expect(edited).toContain('Family117, G., & Second4, O. (2017). Galanin paper corrected by hand.')

  // The groups' entries were kept in the browser (their own database); a reload starts new workers, which make the same file from them.
  expect((await page.evaluate(() => indexedDB.databases())).map(db => db.name)).toContain('neuroref-bibliography-entries')
  await page.reload()
  await expect(page.getByRole('button', { name: `All items ${TOTAL}` })).toBeVisible()
  expect(await saveBibliography(page)).toBe(edited)
})

test('on a computer with four cores, a lead and three helper workers make the same long bibliography', async ({ page, app }) => {
  test.setTimeout(900_000)
  // The window reads the number of cores once, when it starts the bibliography workers.
  await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }))
  await page.goto(app.url)
  await page.getByLabel('Import file').setInputFiles({ name: 'long.bib', mimeType: 'text/plain', buffer: Buffer.from(BIB) })
  await expect(page.getByRole('status')).toContainText(`long.bib (BibTeX, utf-8): ${TOTAL} added.`, { timeout: 120_000 })

  const text = await saveBibliography(page)
  expect(page.workers().filter(worker => worker.url().includes('bibliography.worker'))).toHaveLength(4)
  expect(entries(text)).toHaveLength(TOTAL)
  expect(text).toContain('Smith, J. (2021a). Oxytocin study')
  expect(text).toContain('Smith, J. (2021c). Oxytocin study')
  expect(entries(text)[0]).toMatch(/^Family0, G\./)
  expect(text).toContain('Family117, G., & Second4, O. (2017). Neuropeptide paper number 417.')
})
