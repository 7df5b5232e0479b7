// 500 PMIDs through the UI in Chromium, as a researcher does it: the built web
// edition against the replay server (serving bench/pubmed-copies.ts, copies of
// the recorded records, with NCBI's spacing kept by the app's own client),
// the search box set to the copies' title word, the PMIDs pasted into "Add by
// identifier", Add clicked, until the list shows all 500 (so all 500 are
// stored, shown and found by a search). Times are taken in the page; the
// replay's clock gives when each efetch arrived. Each run has a fresh browser
// context (a fresh IndexedDB). NEUROREF_BENCH=1: 5 runs and
// bench/results/import-pmids-ui.json. Asserts what the researcher gets, never a time.
import { mkdtemp } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { ncbiRoutes, requestsPerSecondMax } from '../e2e/replay/ncbi-corpus'
import { replayEnvironment } from '../e2e/replay/recorded'
import { startReplayServer, type ReplayServer } from '../e2e/replay/server'
import { startWebEditionProcess, type RunningWebEdition } from '../e2e/support/web-edition'
import { startProfile } from './cpu-profile'
import { sampleBrowserCpu } from './browser-cpu'
import { readFileSync } from 'node:fs'
import { longTasksBetween, recordLongTasks, saveFigures, stats } from './page-library'
import { benchmarkCorpus } from './pubmed-copies'

const SIZE = 500
const RUNS = process.env.NEUROREF_BENCH === '1' ? 5 : 1
/**
 * NEUROREF_BENCH_NCBI_MS: each efetch answered that much later, as NCBI answers (its replies of 200 full records
 * take a second or more); without it the replay answers at once, from memory.
 */
const NCBI_MS = Number(process.env.NEUROREF_BENCH_NCBI_MS ?? 0)
/** Every copy's title ends " [benchmark copy n]": searching this word finds exactly the imported papers. */
const MARK = 'benchmark'

const { corpus, pmids } = benchmarkCorpus(SIZE)
let replay: ReplayServer
let app: RunningWebEdition

test.beforeAll(async () => {
  const [efetch, ...others] = ncbiRoutes(corpus)
  replay = await startReplayServer([{ ...efetch, delayMs: NCBI_MS }, ...others])
  app = await startWebEditionProcess({
    ...replayEnvironment(replay.url),
    NEUROREF_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'neuroref-pmids-bench-'))
  })
})
test.afterAll(async () => {
  await app?.stop()
  await replay?.close()
})

/** In the page: each progress text and the moment the list first counts `size` papers (the frame after it is drawn). */
function watchTheImport(page: Page, size: number): Promise<void> {
  return page.evaluate(size => {
    const seen: { progress: { ms: number; text: string }[]; allShownMs?: number } = { progress: [] }
    ;(window as unknown as { __import: typeof seen }).__import = seen
    new MutationObserver(() => {
      const progress = document.querySelector('[aria-label="Import progress"]')?.textContent ?? ''
      if (progress && progress !== seen.progress.at(-1)?.text) seen.progress.push({ ms: performance.now(), text: progress })
      const count = parseInt(document.querySelector('.library-count')?.textContent ?? '', 10)
      if (count === size && seen.allShownMs === undefined) {
        seen.allShownMs = -1
        requestAnimationFrame(() => setTimeout(() => (seen.allShownMs = performance.now()), 0))
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  }, size)
}

/** CPU seconds a process has used (Linux /proc; 0 elsewhere). */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

/** Clicks Add in the page, so the clock starts where the researcher's click lands; the page's time then and its epoch. */
function clickAdd(page: Page): Promise<{ at: number; epoch: number }> {
  return page.evaluate(() => {
    const at = performance.now()
    ;(document.querySelector('form.add-by-identifier button[type=submit]') as HTMLButtonElement).click()
    return { at, epoch: performance.timeOrigin + at }
  })
}

async function oneRun(page: Page) {
  await recordLongTasks(page)
  await page.goto(app.url)
  await page.getByRole('grid', { name: 'Items' }).waitFor()
  await page.getByLabel('Search library').fill(MARK)
  await page.getByLabel('Add by identifier').fill(pmids.join('\n'))
  await watchTheImport(page, SIZE)
  replay.requests.length = 0
  const load = loadavg()[0]
  const profile = await startProfile(page, 'import-pmids')
  const browserCpu = await sampleBrowserCpu(page.context().browser())
  const mainCpuFrom = cpuSecondsOf(app.pid)
  const replayCpuFrom = process.cpuUsage()
  const click = await clickAdd(page)
  await page.waitForFunction(() => ((window as unknown as { __import: { allShownMs?: number } }).__import.allShownMs ?? -1) > 0, null, {
    timeout: 120_000,
    polling: 100
  })
  const mainCpuS = cpuSecondsOf(app.pid) - mainCpuFrom
  const replayCpu = process.cpuUsage(replayCpuFrom)
  const { cpuS: browserCpuS, cpuByThreadS } = browserCpu.stop()
  await profile.stop()
  const seen = await page.evaluate(() => (window as unknown as { __import: { progress: { ms: number; text: string }[]; allShownMs: number } }).__import)
  // the lookups as the window saw them: sent, and their answer read
  const lookups = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(e => e.name.includes('/api/lookup.identifiers'))
      .map(e => ({ sent: (e as PerformanceResourceTiming).requestStart || e.startTime, read: (e as PerformanceResourceTiming).responseEnd }))
  )
  const longTasks = await longTasksBetween(page, click.at)
  await expect(page.getByRole('status')).toContainText(`${SIZE} added.`)
  const efetch = replay.requests.filter(r => r.path === '/eutils/efetch.fcgi')
  const since = (ms: number): number => Math.round(ms - click.at)
  const lastReply = Math.max(...lookups.map(l => l.read))
  return {
    load: +load.toFixed(2),
    ncbiAnswersAfterMs: NCBI_MS,
    allShownMs: since(seen.allShownMs),
    efetchAtMs: efetch.map(r => Math.round(r.receivedAt - click.epoch)),
    efetchIds: efetch.map(r => (r.query.id ?? '').split(',').length),
    ncbiPerSecondMax: requestsPerSecondMax(replay.requests, '/eutils/'),
    lookupsMs: lookups.map(l => ({ sent: since(l.sent), read: since(l.read) })),
    lastReplyMs: since(lastReply),
    afterLastReplyMs: Math.round(seen.allShownMs - lastReply),
    cpuS: {
      main: +mainCpuS.toFixed(2),
      browser: browserCpuS,
      window: Object.entries(cpuByThreadS).find(([thread]) => thread.startsWith('renderer: chromium'))?.[1] ?? 0,
      replayAndPlaywright: +((replayCpu.user + replayCpu.system) / 1e6).toFixed(2),
      byThread: cpuByThreadS
    },
    progress: seen.progress.map(p => `${p.text} @${since(p.ms)}`),
    longTasks
  }
}

test(`${SIZE} PMIDs pasted into Add by identifier: all shown and found by a search`, async ({ browser }) => {
  test.setTimeout(RUNS * 120_000 + 60_000)
  const runs = []
  for (let n = 0; n < RUNS; n++) {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      runs.push(await oneRun(page))
      // all 500 are there and found: the count line and the rows of the search
      await expect(page.locator('.library-count').first()).toHaveText(new RegExp(`^${SIZE} items`))
      console.log(`run ${n + 1}`, JSON.stringify(runs.at(-1)))
    } finally {
      await context.close()
    }
  }
  const summary = {
    date: new Date().toISOString(),
    loadAfter: loadavg().map(l => +l.toFixed(2)),
    papers: SIZE,
    allShownMs: stats(runs.map(r => r.allShownMs)),
    lastReplyMs: stats(runs.map(r => r.lastReplyMs)),
    afterLastReplyMs: stats(runs.map(r => r.afterLastReplyMs)),
    runs
  }
  console.log(JSON.stringify({ ...summary, runs: undefined }, null, 2))
  if (RUNS > 1) saveFigures('import-pmids-ui', summary)
})
