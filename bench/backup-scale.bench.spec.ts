// Library backup and restore at 100,000 papers, in Chromium, through the real
// web edition and Settings → Library backup (issue 11, item 4: the backup was
// one JSON.stringify, which passes V8's string limit well below 100,000
// papers). Times from the click to the sentence, and the peak memory of the
// page's JS heap and of all the browser's processes (sampled every 250 ms).
// Every qualifier is asked over the library before the backup and again once
// the restore says it is done (timed from the start of the restored library's
// load until each shows a count): the same counts, and how soon they answer.
// Figures go to bench/results/backup-scale.json.
import { statSync } from 'node:fs'
import { browserRssMb, memoryAfterGc, samplePagePeaks } from './browser-memory'
import { loadavg } from 'node:os'
import type { Browser, Page } from '@playwright/test'
import { test, expect } from '../e2e/support/fixtures'
import { createSyntheticLibrary } from './synthetic-library'
import { forgetSavedIndex, longTasksBetween, putItemRows, recordLongTasks, saveFigures, type LongTasks } from './page-library'
import { startTrace } from './task-trace'
import { QUALIFIER_QUERIES } from './queries'

const SIZE = Number(process.env.NEUROREF_BENCH_ITEMS ?? 100_000)
const CHUNK = 5_000

/** Writes items straight into the app's IndexedDB (schema made by the app itself), a chunk at a time; what the app saved for the empty library goes. */
async function seed(page: Page, count: number): Promise<void> {
  for (let start = 0; start < count; start += CHUNK) {
    const items = createSyntheticLibrary(Math.min(CHUNK, count - start), 42 + start).items.map(item => ({ ...item, id: `item-${start}-${item.id}` }))
    await putItemRows(page, items)
  }
  await forgetSavedIndex(page)
}

/**
 * Each qualifier asked in turn, timed from `from` (the page's clock) until the count line shows a count: a search
 * asked before the index is in use says "Searching…" until its answer is whole. The search is left empty after.
 */
async function qualifiersAnswered(page: Page, from = 0): Promise<{ query: string; seconds: number; count: number }[]> {
  const answered = []
  const search = (query: string) =>
    page.evaluate(query => {
      const input = document.querySelector('input[aria-label="Search library"]') as HTMLInputElement
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, query)
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }, query)
  const count = () => page.evaluate(() => parseInt((document.querySelector('.library-count')?.textContent ?? '').replace(/,/g, ''), 10))
  for (const query of QUALIFIER_QUERIES) {
    await search(query)
    await page.waitForFunction(() => /^\d/.test(document.querySelector('.library-count')?.textContent ?? ''), null, { timeout: 900_000, polling: 20 })
    answered.push({ query, seconds: +(((await page.evaluate(() => performance.now())) - from) / 1000).toFixed(1), count: await count() })
  }
  await search('')
  return answered
}

/** Runs `act`, sampling the page's JS heap and the browser's memory; the time is measured by `act` itself or around it. */
async function sampled<T>(
  page: Page,
  browser: Browser,
  act: () => Promise<T>
): Promise<{ value: T; from: number; seconds: number; peakHeapMb: number; peakBrowserRssMb: number; longTasks: LongTasks }> {
  const from = await page.evaluate(() => performance.now())
  const peaks = await samplePagePeaks(page, () => browserRssMb(browser), 250)
  const began = Date.now()
  try {
    const value = await act()
    const seconds = +((Date.now() - began) / 1000).toFixed(1)
    const { heapMb: peakHeapMb, residentMb: peakBrowserRssMb } = await peaks.stop()
    return { value, from, seconds, peakHeapMb, peakBrowserRssMb, longTasks: await longTasksBetween(page, from) }
  } catch (error) {
    await peaks.stop()
    throw error
  }
}

test(`backup and restore of ${SIZE.toLocaleString('en')} papers`, async ({ page, app, browser }, testInfo) => {
  const loadAtStart = loadavg()[0]
  await recordLongTasks(page)
  await page.goto(app.url)
  await page.getByRole('grid', { name: 'Items' }).waitFor()
  await seed(page, SIZE)
  await page.reload()
  await page.waitForFunction(() => !document.querySelector('.library-count')?.textContent?.includes('opening'), null, { timeout: 600_000 })
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const status = settings.getByRole('status')
  const papers = SIZE.toLocaleString('en')

  // what every qualifier answers over the library backed up (waits for its search index): the restored one must answer the same
  const expected = await qualifiersAnswered(page)
  const loadedBrowserRssMb = await browserRssMb(browser)
  const loadedPageHeapMb = Math.round((await (await page.context().newCDPSession(page)).send('Runtime.getHeapUsage')).usedSize / 2 ** 20)
  // the heap as found holds what the first open let go and V8 has not yet collected: the backup's own peak is measured from a full collection
  const loadedAfterGc = await memoryAfterGc(page)
  await page.getByRole('button', { name: 'Settings' }).click()
  const path = testInfo.outputPath('backup.ndjson')
  // NEUROREF_BENCH_TRACE_ROWS=1 (with NEUROREF_BENCH_TRACE): the backup (backup.json) and the restore until the restored
  // library's load (restore-rows.json) traced instead of that load (one trace at a time; with NEUROREF_BENCH_TRACE_LAST=1 their last part)
  const traceRows = process.env.NEUROREF_BENCH_TRACE_ROWS === '1'
  const backupTrace = traceRows ? await startTrace(browser, page, 'backup') : undefined
  const backup = await sampled(page, browser, async () => {
    const downloading = page.waitForEvent('download', { timeout: 600_000 })
    await settings.getByRole('button', { name: 'Back up library' }).click()
    await expect(status).toContainText(`Backed up ${papers} papers`, { timeout: 600_000 })
    return downloading
  })
  await backupTrace?.stop()
  await (await backup.value).saveAs(path)
  const fileMb = Math.round(statSync(path).size / 2 ** 20)

  const check = await sampled(page, browser, async () => {
    await settings.getByLabel('Restore library').setInputFiles(path)
    await expect(page.getByRole('alertdialog', { name: 'Restore library' })).toContainText(`It holds ${papers} papers`, { timeout: 600_000 })
  })
  // When the store starts loading the restored library (the rows are written by then): the restore's long tasks before and after.
  await page.evaluate(() => {
    const marks = window as unknown as { __reloadAt?: number }
    const seen = (): void => {
      if (marks.__reloadAt === undefined && document.querySelector('.library-count')?.textContent?.includes('opening')) marks.__reloadAt = performance.now()
    }
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  // NEUROREF_BENCH_TRACE: a trace of the window from the store's start on the restored library (restore-load.json)
  const rowsTrace = traceRows ? await startTrace(browser, page, 'restore-rows') : undefined
  const trace = page
    .waitForFunction(() => (window as unknown as { __reloadAt?: number }).__reloadAt !== undefined, null, { timeout: 1_200_000, polling: 50 })
    .then(() => (rowsTrace ? rowsTrace.stop().then(() => ({ stop: async () => undefined })) : startTrace(browser, page, 'restore-load')))
  const restore = await sampled(page, browser, async () => {
    await page.getByRole('alertdialog', { name: 'Restore library' }).getByRole('button', { name: 'Replace library' }).click()
    await expect(status).toContainText(`Restored the library from the backup of`, { timeout: 1_200_000 })
  })
  await expect(status).toContainText(`${papers} papers`)
  const reloadAt = await page.evaluate(() => (window as unknown as { __reloadAt?: number }).__reloadAt ?? Infinity)
  // every qualifier asked in turn once the restore says it is done, timed from the start of the restored library's load
  const answered = await qualifiersAnswered(page, reloadAt)
  const qualifiers = {
    firstAnsweredSeconds: answered[0].seconds,
    everyAnsweredSeconds: answered.at(-1)!.seconds,
    notAsBefore: answered.filter(({ count }, n) => count !== expected[n].count).map(({ query, count }, n) => ({ query, count, before: expected[n].count }))
  }
  const restoreRows = { untilLoadSeconds: +((reloadAt - restore.from) / 1000).toFixed(1), longTasks: await longTasksBetween(page, restore.from, reloadAt) }
  // the restored library's search index is built again in its worker (the count line says 'preparing search: N %'): until it is in use
  await page.waitForFunction(() => !/opening|preparing search/.test(document.querySelector('.library-count')?.textContent ?? ''), null, {
    timeout: 900_000,
    polling: 100
  })
  const indexReadyAt = await page.evaluate(() => performance.now())
  await (await trace).stop()
  const restoreLoad = {
    untilIndexReadySeconds: +((indexReadyAt - reloadAt) / 1000).toFixed(1),
    longTasks: await longTasksBetween(page, reloadAt),
    each: await page.evaluate(
      from => (window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks.filter(t => t.start >= from).map(t => Math.round(t.ms)),
      reloadAt
    )
  }

  const result = {
    date: new Date().toISOString(),
    items: SIZE,
    fileMb,
    loaded: { pageHeapMb: loadedPageHeapMb, pageHeapAfterGcMb: loadedAfterGc.heapMb, browserRssMb: loadedBrowserRssMb },
    backup: { seconds: backup.seconds, peakPageHeapMb: backup.peakHeapMb, peakBrowserRssMb: backup.peakBrowserRssMb, longTasks: backup.longTasks },
    checkInWorker: { seconds: check.seconds, peakPageHeapMb: check.peakHeapMb, peakBrowserRssMb: check.peakBrowserRssMb, longTasks: check.longTasks },
    restore: { seconds: restore.seconds, peakPageHeapMb: restore.peakHeapMb, peakBrowserRssMb: restore.peakBrowserRssMb, longTasks: restore.longTasks },
    // the copy and the rows written, until the store starts loading the restored library; then that load (as at start)
    restoreRows,
    restoreLoad,
    qualifiers,
    loadAverage: { start: loadAtStart, end: loadavg()[0] }
  }
  console.log(JSON.stringify(result, null, 2))
  saveFigures('backup-scale', result)
})
