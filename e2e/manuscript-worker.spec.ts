// Formatting a long manuscript happens in a worker: the dialog shows how far
// it is, Cancel stops it with nothing written, and formatting again gives
// the document. The main thread's long tasks while formatting are counted
// and printed (bench/manuscript-window.bench.spec.ts records them; no test
// asserts a duration).
import { readFile } from 'node:fs/promises'
import { test, expect } from './support/fixtures'
import { chooseStyle } from './support/style-chooser'
import { partText, visibleText } from '@shared/manuscript/docx-package.test-support'
import { longLibraryBibtex, longManuscript } from './support/long-manuscript'

test('a long manuscript formats in the background with progress, and Cancel stops it with nothing written', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByLabel('Import file').setInputFiles({ name: 'library.bib', mimeType: 'text/plain', buffer: Buffer.from(longLibraryBibtex(150)) })
  await expect(page.getByRole('status')).toContainText('150 added')

  await page.getByRole('button', { name: 'Manuscript' }).click()
  await page.getByRole('menuitem', { name: 'Format manuscript…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Format manuscript' })
  await dialog
    .getByLabel('Manuscript document')
    .setInputFiles({ name: 'Thesis.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(longManuscript(300, 150)) })
  await expect(dialog.getByRole('status')).toHaveText('Thesis.docx: 300 citations of 150 papers, all found.')
  await chooseStyle(dialog, 'APA 7th edition')

  // APA's engine is still being built in the worker (seconds): Cancel lands while it works
  let downloads = 0
  page.on('download', () => downloads++)
  await dialog.getByRole('button', { name: 'Format and save a copy' }).click()
  await expect(dialog.getByRole('button', { name: 'Formatting…' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Formatting stopped: nothing was written.')
  await expect(dialog.getByRole('button', { name: 'Format and save a copy' })).toBeEnabled()

  // again, to the end: every progress text shown is kept, and the window's long tasks are counted
  await page.evaluate(() => {
    const seen: string[] = []
    const tasks: number[] = []
    Object.assign(window, { progressSeen: seen, longTasks: tasks })
    new MutationObserver(() => {
      const shown = document.querySelector('.manuscript-progress span')?.textContent
      if (shown && seen[seen.length - 1] !== shown) seen.push(shown)
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
    new PerformanceObserver(list => list.getEntries().forEach(entry => tasks.push(entry.duration))).observe({ type: 'longtask' })
  })
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Format and save a copy' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('Thesis (APA 7th edition).docx')
  await expect(page.getByRole('status')).toContainText('Formatted 300 citations of 150 papers in APA 7th edition')
  expect(downloads).toBe(1)
  const { seen, tasks } = await page.evaluate(() => ({
    seen: (window as unknown as { progressSeen: string[] }).progressSeen,
    tasks: (window as unknown as { longTasks: number[] }).longTasks
  }))
  expect(seen.some(text => /^Formatting citation \d+ of 300…$/.test(text))).toBe(true)
  console.log(`long tasks on the window's thread while formatting: ${tasks.length}, longest ${Math.round(Math.max(0, ...tasks))} ms`)

  const text = visibleText(partText(await readFile((await download.path())!), 'word/document.xml'))
  expect(text).not.toContain('[@')
  expect(text).toContain('(Ferrer et al., 2000a)')
})
