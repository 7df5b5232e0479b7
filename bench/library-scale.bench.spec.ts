// Library at scale, in Chromium, through the real web edition: 100,000
// synthetic papers in IndexedDB, then the times a researcher feels — first
// rows after opening, search keystroke to updated list, sort, add one paper,
// importing a 10,000-entry .bib, exporting the library, opening again with the
// saved index — the main thread's long tasks (over 50 ms) in each of those
// phases, and the renderer's memory. Figures go to bench/results/library-scale.json.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test } from '../e2e/support/fixtures'
import { IMPORT_MARK } from './synthetic-bib'
import { importFormat, syntheticFile } from './synthetic-files'
import { heapSites, startHeapSampling } from './heap-sites'
import { BENCH_QUERIES, QUALIFIER_QUERIES } from './queries'
import { startProfile } from './cpu-profile'
import { startTrace } from './task-trace'
import { spreadEnds } from './grouped-papers'
import { memoryAfterGc, rendererResidentMb, samplePagePeaks } from './browser-memory'
import { sampleBrowserCpu } from './browser-cpu'
import { facetClicks, sortEveryColumn, wholeLibraryActions } from './library-actions'
import { longFramesSince, recordLongFrames } from './long-frames'
import { countShown, indexSaved, longTasksBetween, recordFirstRows, recordLongTasks, saveFigures, seedSyntheticLibrary, stats } from './page-library'

const IMPORT_SIZE = Number(process.env.NEUROREF_BENCH_IMPORT ?? 10_000)
/** NEUROREF_BENCH_IMPORT_FORMAT: the imported file's format (bib, ris or nbib) */
const IMPORT_FORMAT = importFormat()

const SIZE = Number(process.env.NEUROREF_BENCH_ITEMS ?? 100_000)

/**
 * Time from a UI action to the next painted frame. React renders input and
 * click events synchronously, so the list is already updated when the event
 * returns; the frame after it is what the researcher sees.
 */
async function timeToNextFrame(page: Page, act: 'search' | 'click', arg: string): Promise<number> {
  return page.evaluate(
    ([action, value]) =>
      new Promise<number>(resolve => {
        const start = performance.now()
        if (action === 'search') {
          const input = document.querySelector('input[aria-label="Search library"]') as HTMLInputElement
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
          setter.call(input, value)
          input.dispatchEvent(new Event('input', { bubbles: true }))
        } else {
          ;(document.querySelector(value) as HTMLElement).click()
        }
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
      }),
    [act, arg] as const
  )
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now())

/** The number the footer shows ("1,234 items"). */

/** A one-entry BibTeX file: adding one paper without any network in the way. */
function oneEntryBib(n: number): string {
  return `@article{bench${n},\n  title = {Oxytocin benchmark paper number ${n} on social defeat},\n  author = {Benchmark, Ana},\n  journal = {Neuropeptides},\n  year = {2026}\n}\n`
}

/** What every qualifier answers over the whole library, to compare with the answers right after opening again. */
async function qualifierCounts(page: Page): Promise<number[]> {
  const expected: number[] = []
  for (const query of QUALIFIER_QUERIES) {
    await timeToNextFrame(page, 'search', query)
    // a search asked before the index is in use says "Searching…" (no count) until its answer is whole
    await page.waitForFunction(() => !Number.isNaN(parseInt(document.querySelector('.library-count')?.textContent ?? '', 10)), null, { polling: 20 })
    expected.push(await countShown(page))
  }
  return expected
}

/**
 * Opening again, with the index and light form the worker saved: first rows, and how soon each qualifier answers over the whole library.
 * The qualifiers are asked one after another, each once the one before has answered; `asked` picks which (their numbers in QUALIFIER_QUERIES).
 */
async function reopen(page: Page, expected: number[], profileName = 'reopen', asked = QUALIFIER_QUERIES.map((_, n) => n)) {
  await page.waitForTimeout(8_000) // the index is saved a few seconds after the last change
  await page.evaluate(() => new Promise(resolve => setTimeout(resolve, 0)))
  const profile = await startProfile(page, profileName)
  const trace = await startTrace(page.context().browser()!, page, profileName)
  await page.reload()
  await page.locator('[role=row][aria-rowindex="2"]').waitFor()
  const reopenFirstRowsMs = Math.round(await now(page))
  const reopenFirstRowsInPageMs = Math.round(await page.evaluate(() => (window as unknown as { __firstRowsAt: number }).__firstRowsAt))
  const qualifierAnsweredMs: Record<string, number> = {}
  for (const n of asked) {
    const query = QUALIFIER_QUERIES[n]
    await timeToNextFrame(page, 'search', query)
    await page.waitForFunction(
      ([size, query]) =>
        (document.querySelector('input[aria-label="Search library"]') as HTMLInputElement).value === query &&
        parseInt(document.querySelector('.library-count')?.textContent ?? '', 10) === size,
      [expected[n], query] as const,
      { timeout: 600_000, polling: 20 }
    )
    qualifierAnsweredMs[query] = Math.round(await now(page))
  }
  const reopenAllLoadedMs = Math.round(await now(page))
  // the app's steps of opening (opening-marks.ts), ms from the page's start: index worker started; index handed,
  // restored, in use; every paper in and shown
  const steps = await page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter(mark => mark.name.startsWith('neuroref:'))
        .map(mark => [mark.name.slice('neuroref:'.length), Math.round(mark.startTime)])
    )
  )
  await profile.stop()
  await trace.stop()
  const longTasksReopen = await longTasksBetween(page, 0)
  return {
    reopenFirstRowsMs,
    reopenFirstRowsInPageMs,
    qualifierAnsweredMs,
    everyQualifierAnsweredMs: Math.max(...Object.values(qualifierAnsweredMs)),
    reopenAllLoadedMs,
    steps,
    longTasksReopen
  }
}

/**
 * Importing a NEUROREF_BENCH_IMPORT-entry file (.bib, or NEUROREF_BENCH_IMPORT_FORMAT's): from choosing the file until every imported paper answers a search,
 * with the long tasks, what the status line said meanwhile, and the renderer's largest memory while it ran.
 */
async function importedAndSearchable(page: Page) {
  await timeToNextFrame(page, 'search', IMPORT_MARK)
  // A file on disk, as the file dialog gives: a buffer would be sent to the page as base64 and turned into a
  // File by Playwright's own script on the window's thread (one task of 14 s for 10,000 entries, not the app's).
  const bibPath = join(mkdtempSync(join(tmpdir(), 'neuroref-bench-')), `imported.${IMPORT_FORMAT}`)
  writeFileSync(bibPath, syntheticFile(IMPORT_FORMAT, IMPORT_SIZE))
  // every text the status line shows, as it is drawn (progress can come and go between two polls)
  await page.evaluate(() => {
    const said: { ms: number; text: string }[] = ((window as unknown as { __said: unknown }).__said = [])
    const count = () => document.querySelector('.library-count')?.textContent
    const before = count()
    new MutationObserver(() => {
      const text = document.querySelector('.status-line > span')?.textContent ?? ''
      if (text && text !== said.at(-1)?.text) said.push({ ms: performance.now(), text })
      // the first showing of the imported papers: the store takes them in from then on
      if (count() !== before) (window as unknown as { __firstShownAt?: number }).__firstShownAt ??= performance.now()
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  const browser = page.context().browser()
  const peaks = await samplePagePeaks(page, async () => Math.max(0, ...(await rendererResidentMb(browser))), 500)
  const cpu = await sampleBrowserCpu(browser)
  const phaseStart = await now(page)
  const profile = await startProfile(page, 'import')
  await page.getByLabel('Import file').setInputFiles(bibPath)
  // NEUROREF_BENCH_TRACE: a trace of the window from the imported papers' first showing on (long-tasks.mjs sums it);
  // with NEUROREF_BENCH_TRACE_ALL=1, from the file chosen on (import.json; thread-samples.mjs sums every thread's samples, the workers' too)
  const trace = process.env.NEUROREF_BENCH_TRACE_ALL
    ? await startTrace(page.context().browser()!, page, 'import')
    : process.env.NEUROREF_BENCH_TRACE
      ? await page
          .waitForFunction(() => (window as unknown as { __firstShownAt?: number }).__firstShownAt !== undefined, null, { timeout: 900_000, polling: 50 })
          .then(() => startTrace(page.context().browser()!, page, 'taking-in'))
      : undefined
  await page.waitForFunction(size => parseInt(document.querySelector('.library-count')?.textContent ?? '', 10) === size, IMPORT_SIZE, {
    timeout: 900_000,
    polling: 50
  })
  const importSearchableMs = Math.round((await now(page)) - phaseStart)
  await trace?.stop()
  const { cpuS, cpuByThreadS } = cpu.stop()
  await profile.stop()
  const { heapMb: peakHeapMb, residentMb: peakResidentMb } = await peaks.stop()
  const longTasksImport = await longTasksBetween(page, phaseStart)
  // the long tasks from the imported papers' first showing on: the store and the list taking them in (the reading and
  // writing before it are the workers', the finding of duplicates and the collector's)
  const firstShownAt = await page.evaluate(() => (window as unknown as { __firstShownAt?: number }).__firstShownAt ?? Infinity)
  const longTasksTakingIn = await longTasksBetween(page, firstShownAt)
  const firstShownMs = Math.round(firstShownAt - phaseStart)
  const takingInTasks = await page.evaluate(
    from => (window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks.filter(t => t.start >= from).map(t => Math.round(t.ms)),
    firstShownAt
  )
  console.log('long tasks while the papers are taken in (ms):', takingInTasks.join(' '))
  const importTasks = await page.evaluate(
    from =>
      (window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks
        .filter(t => t.start >= from)
        .map(t => `${Math.round(t.start - from)}+${Math.round(t.ms)}`),
    phaseStart
  )
  console.log(`import: long tasks (start+ms from the file chosen; first shown at ${Math.round(firstShownAt - phaseStart)}):`, importTasks.join(' '))
  // NEUROREF_BENCH_FRAMES=ms: the import's long frames, each with the scripts that ran in it
  for (const frame of await longFramesSince(page, phaseStart)) console.log('long frame', frame)
  const said = await page.evaluate(() => (window as unknown as { __said: { ms: number; text: string }[] }).__said)
  const progress = said.filter(s => s.text.startsWith('Importing')).map(s => ({ atMs: Math.round(s.ms - phaseStart), text: s.text }))
  const figures = { importSearchableMs, longTasksImport, firstShownMs, longTasksTakingIn, cpuS, cpuByThreadS, peakHeapMb, peakResidentMb, progress }
  console.log('imported', { ...figures, progress: `${progress.length} messages`, first: progress[0], last: progress.at(-1) })
  return figures
}

/**
 * Every text the library's count line shows in each page loaded ("opening the library…", "preparing search: N %"), with
 * when it was drawn, in `window.__countLine`: the progress a researcher sees at a first open.
 */
async function recordCountLine(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const said: { ms: number; text: string }[] = ((window as unknown as { __countLine: unknown }).__countLine = [])
    new MutationObserver(() => {
      const text = document.querySelector('.library-count')?.textContent ?? ''
      if (text && text !== said.at(-1)?.text) said.push({ ms: performance.now(), text })
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
}

/**
 * NEUROREF_BENCH_FIRST_QUALIFIERS=1: every qualifier asked in turn as soon as the first rows show, each timed until
 * the count line shows a count (a search asked before the index is in use says "Searching…" until its answer is
 * whole); the counts are compared with those asked once the index is in use (a partial answer would differ).
 */
async function firstOpenQualifiers(page: Page): Promise<{ query: string; ms: number; count: number }[]> {
  if (process.env.NEUROREF_BENCH_FIRST_QUALIFIERS !== '1') return []
  const answered = []
  for (const query of QUALIFIER_QUERIES) {
    await timeToNextFrame(page, 'search', query)
    await page.waitForFunction(() => !Number.isNaN(parseInt(document.querySelector('.library-count')?.textContent ?? '', 10)), null, {
      timeout: 600_000,
      polling: 20
    })
    answered.push({ query, ms: Math.round(await now(page)), count: await countShown(page) })
  }
  await timeToNextFrame(page, 'search', '')
  return answered
}

/** Seeds the library and opens it the first time (no saved index: the worker builds it and the light form). */
async function seededAndOpened(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('grid', { name: 'Items' }).waitFor()
  const seedStart = Date.now()
  await seedSyntheticLibrary(page, SIZE)
  const seedSeconds = (Date.now() - seedStart) / 1000

  const openProfile = await startProfile(page, 'first-open')
  const trace = await startTrace(page.context().browser()!, page, 'first-open')
  await page.reload()
  await page.locator('[role=row][aria-rowindex="2"]').waitFor()
  const firstRowsMs = await page.evaluate(() => performance.now())
  const firstRowsInPageMs = await page.evaluate(() => (window as unknown as { __firstRowsAt?: number }).__firstRowsAt)
  const qualifiers = await firstOpenQualifiers(page)
  await page.waitForFunction(() => !document.querySelector('.library-count')?.textContent?.includes('opening'), null, { timeout: 300_000 })
  const allLoadedMs = await page.evaluate(() => performance.now())
  // The first open of this library has no saved index: the worker builds it (the window keeps scanning meanwhile).
  await indexSaved(page, 600_000)
  const indexReadyMs = await now(page)
  const longTasksOpen = await longTasksBetween(page, 0, indexReadyMs)
  const longTaskList = await page.evaluate(
    to =>
      (window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks
        .filter(t => t.start < to)
        .map(t => `${Math.round(t.start)}+${Math.round(t.ms)}`),
    indexReadyMs
  )
  await trace.stop()
  await openProfile.stop()
  const countLine = (await page.evaluate(() => (window as unknown as { __countLine?: { ms: number; text: string }[] }).__countLine ?? [])).map(
    said => `${Math.round(said.ms)} ${said.text}`
  )
  const progressShown = countLine.filter(line => line.includes('preparing search'))
  console.log('opened', { firstRowsMs, firstRowsInPageMs, allLoadedMs, indexReadyMs, longTasksOpen, qualifiers })
  console.log('first open: long tasks (start+ms):', longTaskList.join(' '))
  console.log(`first open: progress shown ${progressShown.length} times:`, progressShown[0], '…', progressShown.at(-1))

  return { seedSeconds, firstRowsMs, firstRowsInPageMs, allLoadedMs, indexReadyMs, longTasksOpen, qualifiers, progressShown: progressShown.length }
}

test(`library of ${SIZE.toLocaleString('en')} papers`, async ({ page, app }) => {
  test.skip(!!process.env.NEUROREF_BENCH_PHASES, `NEUROREF_BENCH_PHASES=${process.env.NEUROREF_BENCH_PHASES} measures only that phase`)
  const cdp = await page.context().newCDPSession(page)
  await recordLongTasks(page)
  const { seedSeconds, firstRowsMs, allLoadedMs, indexReadyMs, longTasksOpen } = await seededAndOpened(page, app.url)

  const searchProfile = await startProfile(page, 'search')
  let phaseStart = await now(page)
  const search: number[] = []
  for (const query of BENCH_QUERIES) {
    search.push(await timeToNextFrame(page, 'search', query))
    search.push(await timeToNextFrame(page, 'search', ''))
  }
  const searchOnly = search.filter((_, i) => i % 2 === 0)
  const longTasksSearch = await longTasksBetween(page, phaseStart)
  await searchProfile.stop()

  const sortProfile = await startProfile(page, 'sort')
  phaseStart = await now(page)
  const sort: number[] = []
  for (let i = 0; i < 4; i++) sort.push(await timeToNextFrame(page, 'click', '[role=columnheader] button'))
  const longTasksSort = await longTasksBetween(page, phaseStart)
  await sortProfile.stop()

  // Adding one paper: from choosing a one-entry file to its row on screen (parse, one transaction, store, render).
  await timeToNextFrame(page, 'search', 'benchmark paper number')
  const add: number[] = []
  for (let n = 1; n <= 5; n++) {
    // Timed inside the page: from the file input's change event to the row in the DOM, plus the next frame.
    const timing = page.evaluate(
      text =>
        new Promise<number>(resolve => {
          let start = 0
          const input = document.querySelector('input[aria-label="Import file"]')!
          input.addEventListener('change', () => (start = performance.now()), { capture: true, once: true })
          const observer = new MutationObserver(() => {
            const rows = [...document.querySelectorAll('[role=row]')]
            if (start && rows.some(row => row.textContent?.includes(text))) {
              observer.disconnect()
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
            }
          })
          observer.observe(document.body, { subtree: true, childList: true, characterData: true })
        }),
      `paper number ${n} on`
    )
    await page.getByLabel('Import file').setInputFiles({ name: `one-${n}.bib`, mimeType: 'text/plain', buffer: Buffer.from(oneEntryBib(n)) })
    add.push(await timing)
  }

  const { importSearchableMs, longTasksImport } = await importedAndSearchable(page)

  // Exporting the whole library as BibTeX: from the menu item to the download.
  await timeToNextFrame(page, 'search', '')
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  phaseStart = await now(page)
  const download = page.waitForEvent('download', { timeout: 600_000 })
  await page.getByRole('menuitem', { name: 'BibTeX', exact: true }).click()
  await download
  const exportMs = Math.round((await now(page)) - phaseStart)
  const longTasksExport = await longTasksBetween(page, phaseStart)

  // The heap as found (garbage V8 has not yet needed to collect included), then after a
  // full collection through the inspector: page-side gc() frees far less than this does.
  const usedMb = async (): Promise<number> => (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20
  const heapBeforeGcMb = await usedMb()
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  const heapMb = await usedMb()
  // Typed arrays' contents (index lists, word runs) live outside the JS heap: counted apart.
  const arrayBuffersMb = ((await cdp.send('Runtime.getHeapUsage')) as { backingStorageSize?: number }).backingStorageSize! / 2 ** 20
  const residentMb = await rendererResidentMb(page.context().browser())
  console.log('memory', { heapMb, arrayBuffersMb, residentMb })

  const expected = await qualifierCounts(page)
  // NEUROREF_BENCH_HEAP_SITES=1: where the reopened window's live heap was allocated (sampled; a little slower).
  const sampleHeap = process.env.NEUROREF_BENCH_HEAP_SITES === '1'
  if (sampleHeap) await startHeapSampling(cdp)
  const { reopenFirstRowsMs, qualifierAnsweredMs, reopenAllLoadedMs, longTasksReopen } = await reopen(page, expected)
  // The same library opened again: what a researcher's window holds day to day.
  const reopened = await memoryAfterGc(page)
  const reopenHeapSites = sampleHeap ? await heapSites(cdp, join(process.cwd(), 'out/renderer/assets')) : undefined
  if (reopenHeapSites) console.log('heap sites after reopening', reopenHeapSites)

  const result = {
    date: new Date().toISOString(),
    load: loadavg().map(l => +l.toFixed(1)),
    items: SIZE,
    seedSeconds: +seedSeconds.toFixed(1),
    firstRowsMs: Math.round(firstRowsMs),
    allLoadedMs: Math.round(allLoadedMs),
    indexReadyMs: Math.round(indexReadyMs),
    reopenFirstRowsMs,
    everyQualifierAnsweredMs: Math.max(...Object.values(qualifierAnsweredMs)),
    reopenAllLoadedMs,
    qualifierAnsweredMs,
    importBibSearchableMs: importSearchableMs,
    importedEntries: IMPORT_SIZE,
    exportBibtexMs: exportMs,
    longTasks: {
      open: longTasksOpen,
      search: longTasksSearch,
      sort: longTasksSort,
      importBib: longTasksImport,
      export: longTasksExport,
      reopen: longTasksReopen
    },
    searchMs: stats(searchOnly),
    queries: BENCH_QUERIES.length,
    sortByTitleMs: stats(sort),
    addOneItemMs: stats(add),
    rendererHeapMb: Math.round(heapMb),
    rendererHeapBeforeGcMb: Math.round(heapBeforeGcMb),
    rendererArrayBuffersMb: Math.round(arrayBuffersMb),
    rendererResidentMb: residentMb,
    reopenHeapMb: reopened.heapMb,
    reopenArrayBuffersMb: reopened.arrayBuffersMb,
    reopenHeapSites,
    reopenResidentMb: reopened.residentMb
  }
  console.log(JSON.stringify(result, null, 2))
  saveFigures('library-scale', result)
})

// NEUROREF_BENCH_PHASES=import: only seeding, the first open and the import (NEUROREF_BENCH_ITEMS=1000 for a small library);
// with NEUROREF_BENCH_PROFILE=folder the import is profiled there (import.cpuprofile).
test(`a ${IMPORT_SIZE.toLocaleString('en')}-entry .${IMPORT_FORMAT} imported into ${SIZE.toLocaleString('en')} papers`, async ({ page, app }) => {
  test.skip(process.env.NEUROREF_BENCH_PHASES !== 'import', 'set NEUROREF_BENCH_PHASES=import to measure only the import')
  await recordLongTasks(page)
  await recordLongFrames(page)
  const opened = await seededAndOpened(page, app.url)
  const load = loadavg().map(l => +l.toFixed(1))
  const imported = await importedAndSearchable(page)
  // the groups the import wrote spread into rows after it is searchable: how long, the window's long tasks meanwhile
  // (after a first search, slow before and after grouped rows alike: 2.4-2.6 s on main at load 9), and a search while
  // it runs and one after it
  // NEUROREF_BENCH_TRACE: the window traced from searchable until the spread ends too (spread.json)
  const spreadTrace = await startTrace(page.context().browser()!, page, 'spread')
  const ended = spreadEnds(page)
  const firstSearchMs = Math.round(await timeToNextFrame(page, 'search', 'neuropeptide'))
  const spreadFrom = await now(page)
  const searchWhileSpreadingMs = Math.round(await timeToNextFrame(page, 'search', 'vasopressin'))
  const { spreadMs, groupsAtSearchable } = await ended
  await spreadTrace.stop()
  const longTasksSpread = await longTasksBetween(page, spreadFrom)
  const searchAfterSpreadMs = Math.round(await timeToNextFrame(page, 'search', 'oxytocin'))
  console.log('spread', { spreadMs, groupsAtSearchable, longTasksSpread, firstSearchMs, searchWhileSpreadingMs, searchAfterSpreadMs })
  const result = {
    date: new Date().toISOString(),
    load: [load, loadavg().map(l => +l.toFixed(1))],
    items: SIZE,
    importedEntries: IMPORT_SIZE,
    importedFormat: IMPORT_FORMAT,
    seedSeconds: +opened.seedSeconds.toFixed(1),
    ...imported,
    spreadMs,
    groupsAtSearchable,
    longTasksSpread,
    firstSearchMs,
    searchWhileSpreadingMs,
    searchAfterSpreadMs
  }
  console.log(JSON.stringify({ ...result, progress: [result.progress[0], result.progress.at(-1)] }, null, 2))
  saveFigures('library-import', result)
})

// NEUROREF_BENCH_PHASES=reopen: only seeding, the first open and NEUROREF_BENCH_REOPENS openings again (about 3 min at 100k instead of 7);
// with NEUROREF_BENCH_PROFILE=folder each opening again is profiled there (reopen-1.cpuprofile, …), with NEUROREF_BENCH_TRACE=folder
// traced there (reopen-1.json: its long tasks with `node bench/long-tasks.mjs`). NEUROREF_BENCH_REOPEN_EACH=1 first opens it
// again once per qualifier, that qualifier asked alone (library-reopen-alone.json).
test(`library of ${SIZE.toLocaleString('en')} papers, opened again`, async ({ page, app }) => {
  test.skip(process.env.NEUROREF_BENCH_PHASES !== 'reopen', 'set NEUROREF_BENCH_PHASES=reopen to measure only opening again')
  await recordLongTasks(page)
  await recordFirstRows(page)
  await recordCountLine(page)
  const opened = await seededAndOpened(page, app.url)
  const expected = await qualifierCounts(page)
  // a count shown during the first open that is not the whole library's answer: a partial answer shown
  const wrongAtFirstOpen = opened.qualifiers.filter(({ query, count }) => count !== expected[QUALIFIER_QUERIES.indexOf(query)])
  if (opened.qualifiers.length)
    console.log('first open: every qualifier answered at', Math.max(...opened.qualifiers.map(q => q.ms)), 'ms; wrong counts:', wrongAtFirstOpen)
  // NEUROREF_BENCH_REOPEN_EACH=1: each qualifier asked alone, in an opening of its own, as soon as the first rows show.
  // Asked one after another, the last waits for the 18 before it (each ~50-70 ms of the bench's round trips and its answer).
  // NEUROREF_BENCH_REOPEN_ONLY=year:1990-1999,author:smith asks only those, in that order (a name twice: two openings).
  if (process.env.NEUROREF_BENCH_REOPEN_EACH === '1') {
    const alone: Record<string, number> = {}
    const only = process.env.NEUROREF_BENCH_REOPEN_ONLY?.split(',').map(query => QUALIFIER_QUERIES.indexOf(query))
    if (only?.includes(-1)) throw new Error(`NEUROREF_BENCH_REOPEN_ONLY names a query not in QUALIFIER_QUERIES: ${process.env.NEUROREF_BENCH_REOPEN_ONLY}`)
    for (const n of only ?? QUALIFIER_QUERIES.keys()) {
      const { qualifierAnsweredMs, reopenFirstRowsMs, steps, longTasksReopen } = await reopen(page, expected, `reopen-alone-${n}`, [n])
      Object.assign(alone, qualifierAnsweredMs)
      console.log('opened again, asked alone', { load: loadavg().map(l => +l.toFixed(1)), reopenFirstRowsMs, qualifierAnsweredMs, steps, longTasksReopen })
    }
    console.log('each qualifier asked alone at opening again, answered at (ms):', JSON.stringify(alone), 'slowest', Math.max(...Object.values(alone)))
    saveFigures('library-reopen-alone', { date: new Date().toISOString(), items: SIZE, askedAloneMs: alone, slowestMs: Math.max(...Object.values(alone)) })
  }
  const reopens = []
  const count = Number(process.env.NEUROREF_BENCH_REOPENS ?? 3)
  // NEUROREF_BENCH_HEAP_SITES=1: where the window's live heap was allocated, over the last opening again
  const sites = process.env.NEUROREF_BENCH_HEAP_SITES === '1' ? await page.context().newCDPSession(page) : undefined
  for (let n = 1; n <= count; n++) {
    if (sites && n === count) await startHeapSampling(sites)
    const { longTasksReopen, ...times } = await reopen(page, expected, `reopen-${n}`)
    reopens.push({ load: loadavg().map(l => +l.toFixed(1)), ...times, longTasksReopen })
    console.log('opened again', reopens.at(-1))
  }
  // what the window holds after the last opening again, as the whole bench measures it
  const memory = await memoryAfterGc(page)
  const heapSitesAfter = sites ? await heapSites(sites, join(process.cwd(), 'out/renderer/assets')) : undefined
  if (heapSitesAfter) console.log('heap sites after opening again', heapSitesAfter)
  const result = {
    date: new Date().toISOString(),
    items: SIZE,
    seedSeconds: +opened.seedSeconds.toFixed(1),
    firstOpen: { ...opened, wrongAtFirstOpen },
    reopens,
    memory,
    heapSitesAfter
  }
  console.log(JSON.stringify(result, null, 2))
  saveFigures('library-reopen', result)
})

/** The keystrokes of words being typed, one letter at a time (each a keystroke the researcher waits on). */
const TYPED_WORDS = ['oxytocin', 'neuro', 'stress', 'author:smith']

/** Every query of the table, each after an empty search (as the full run does), then words typed letter by letter. */
async function keystrokes(page: Page, profileName: string) {
  const profile = await startProfile(page, profileName)
  // NEUROREF_BENCH_TRACE=folder: the keystrokes traced there (PROFILENAME.json: `node bench/long-tasks.mjs`)
  const trace = await startTrace(page.context().browser()!, page, profileName)
  const phaseStart = await now(page)
  const perQuery: Record<string, number> = {}
  for (const query of BENCH_QUERIES) {
    await timeToNextFrame(page, 'search', '')
    perQuery[query] = Math.round(await timeToNextFrame(page, 'search', query))
  }
  const typed: number[] = []
  for (const word of TYPED_WORDS) {
    await timeToNextFrame(page, 'search', '')
    for (let n = 1; n <= word.length; n++) typed.push(await timeToNextFrame(page, 'search', word.slice(0, n)))
  }
  const longTasks = await longTasksBetween(page, phaseStart)
  await trace.stop()
  await profile.stop()
  const slowest = Object.entries(perQuery)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
  return { load: loadavg().map(l => +l.toFixed(1)), searchMs: stats(Object.values(perQuery)), typedMs: stats(typed), slowest, longTasks }
}

// NEUROREF_BENCH_PHASES=search: only seeding, the first open, the keystrokes, then opening again (the saved index) and the
// keystrokes again; with NEUROREF_BENCH_PROFILE=folder each round of keystrokes is profiled there (search-built, search-reopened).
test(`search keystrokes in ${SIZE.toLocaleString('en')} papers`, async ({ page, app }) => {
  test.skip(process.env.NEUROREF_BENCH_PHASES !== 'search', 'set NEUROREF_BENCH_PHASES=search to measure only the search keystrokes')
  await recordLongTasks(page)
  await seededAndOpened(page, app.url)
  const built = await keystrokes(page, 'search-built')
  console.log('keystrokes, index built at open', built)
  const expected = await qualifierCounts(page)
  await reopen(page, expected)
  const reopened = await keystrokes(page, 'search-reopened')
  console.log('keystrokes, saved index', reopened)
  const result = { date: new Date().toISOString(), items: SIZE, built, reopened }
  console.log(JSON.stringify(result, null, 2))
  saveFigures('library-search', result)
})

// NEUROREF_BENCH_PHASES=actions: only seeding, the first open, then what a researcher does to the whole library through
// the list: words typed letter by letter, every column sorted both ways, a facet chosen and taken back, every paper
// tagged, added to a collection, moved to the Trash and restored (bench/library-actions.ts). NEUROREF_BENCH_ACTIONS=whole:
// only the actions on the whole library; NEUROREF_BENCH_ACTIONS=facets: only the facet chosen and taken back;
// NEUROREF_BENCH_ACTIONS=list: only the keystrokes and the sorts.
test(`actions on ${SIZE.toLocaleString('en')} papers through the list`, async ({ page, app }) => {
  test.skip(process.env.NEUROREF_BENCH_PHASES !== 'actions', 'set NEUROREF_BENCH_PHASES=actions to measure only the actions on the whole library')
  test.setTimeout(60 * 60_000)
  await recordLongTasks(page)
  await recordLongFrames(page)
  const opened = await seededAndOpened(page, app.url)
  const load = [loadavg().map(l => +l.toFixed(1))]
  // NEUROREF_BENCH_ACTIONS=whole: only the actions on the whole library (no keystrokes, sorts or facets before them)
  const only = process.env.NEUROREF_BENCH_ACTIONS
  const listToo = only !== 'whole' && only !== 'facets'
  const typed = listToo ? await keystrokes(page, 'search-actions') : undefined
  console.log('keystrokes', typed)
  await timeToNextFrame(page, 'search', '')
  const sorts = listToo ? await sortEveryColumn(page) : []
  load.push(loadavg().map(l => +l.toFixed(1)))
  const facets = only !== 'whole' && only !== 'list' ? await facetClicks(page) : []
  const whole = only !== 'facets' && only !== 'list' ? await wholeLibraryActions(page, SIZE) : []
  load.push(loadavg().map(l => +l.toFixed(1)))
  const result = { date: new Date().toISOString(), items: SIZE, load, seedSeconds: +opened.seedSeconds.toFixed(1), typed, sorts, facets, whole }
  console.log(JSON.stringify(result, null, 2))
  saveFigures('library-actions', result)
})
