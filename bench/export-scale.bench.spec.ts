// Exporting the whole library in each data format, and as an APA bibliography, at scale, through the web
// edition's Export menu in Chromium (issue 13: the window never freezes): the
// time from the menu item to the download, the window's long tasks (> 50 ms)
// meanwhile, and the file's size and SHA-256, so a change of how the file is
// made can be checked to give the same bytes. Figures go to bench/results/export-scale.json.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import type { Page } from '@playwright/test'
import { test } from '../e2e/support/fixtures'
import { chooseStyle } from '../e2e/support/style-chooser'
import { startTrace } from './task-trace'
import { indexSaved, longTaskList, longTasksBetween, recordLongTasks, saveFigures, seedSyntheticLibrary } from './page-library'

const SIZE = Number(process.env.NEUROREF_BENCH_ITEMS ?? 100_000)
const APA = 'APA bibliography'
// NEUROREF_BENCH_EXPORTS="APA bibliography" measures that one alone
const FORMATS = process.env.NEUROREF_BENCH_EXPORTS?.split(',') ?? ['BibTeX', 'BibLaTeX', 'RIS', 'CSL-JSON', APA]

/** Starts the export (the bibliography's style chosen before the clock starts) and answers when its button was pressed. */
async function startExport(page: Page, format: string): Promise<number> {
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  if (format !== APA) {
    const from = await page.evaluate(() => performance.now())
    await page.getByRole('menuitem', { name: format, exact: true }).click()
    return from
  }
  await page.getByRole('menuitem', { name: 'Bibliography…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Bibliography' })
  await chooseStyle(dialog, 'APA 7th edition')
  const from = await page.evaluate(() => performance.now())
  await dialog.getByRole('button', { name: 'Save bibliography' }).click()
  return from
}

test(`export ${SIZE.toLocaleString('en')} papers in every data format and in APA`, async ({ page, app }) => {
  test.setTimeout(60 * 60_000)
  const loadAtStart = loadavg()[0]
  await recordLongTasks(page)
  await page.goto(app.url)
  await page.getByRole('grid', { name: 'Items' }).waitFor()
  await seedSyntheticLibrary(page, SIZE)
  await page.reload()
  await page.waitForFunction(() => !document.querySelector('.library-count')?.textContent?.includes('opening'), null, { timeout: 600_000 })
  await indexSaved(page)

  const exports = []
  for (const format of FORMATS) {
    // NEUROREF_BENCH_TRACE=folder: each export traced there (export-FORMAT.json; its long tasks with `node bench/long-tasks.mjs`)
    const trace = await startTrace(page.context().browser()!, page, `export-${format.replace(/\W+/g, '-')}`)
    const downloading = page.waitForEvent('download', { timeout: 1_800_000 })
    const from = await startExport(page, format)
    const download = await downloading
    const seconds = +(((await page.evaluate(() => performance.now())) - from) / 1000).toFixed(1)
    await trace.stop()
    const longTasks = { ...(await longTasksBetween(page, from)), each: await longTaskList(page, from) }
    const bytes = readFileSync((await download.path())!)
    const figures = { format, seconds, longTasks, fileMb: +(bytes.length / 2 ** 20).toFixed(1), sha256: createHash('sha256').update(bytes).digest('hex') }
    console.log(figures)
    exports.push(figures)
  }
  saveFigures('export-scale', { date: new Date().toISOString(), items: SIZE, exports, loadAverage: { start: loadAtStart, end: loadavg()[0] } })
})
