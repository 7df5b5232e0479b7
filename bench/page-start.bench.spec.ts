// The window's start (issue 13, "the window never freezes"): the built web edition opened in a fresh browser
// profile (an empty library, its first open), then reloaded (opening again), several times; for each, the long
// tasks from the first script until the library's grid was first drawn, when that was, and the scripts the window
// loaded until then (KB, files; the workers' own not counted). Prints figures for bench/RESULTS.md;
// asserts only that the window opened. NEUROREF_BENCH_TRACE, NEUROREF_BENCH_PROFILE: a trace or CPU profile of
// the last first open (bench/long-tasks.mjs, bench/profile-summary.mjs read them).
import { mkdtemp } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { test, expect } from '../e2e/support/fixtures'
import { startWebEditionProcess } from '../e2e/support/web-edition'
import { startTrace } from './task-trace'
import { startProfile } from './cpu-profile'
import { longTasksBetween, recordFirstDrawn, recordLongTasks, saveFigures, stats, type LongTasks } from './page-library'

const ROUNDS = Number(process.env.NEUROREF_PAGE_START_ROUNDS ?? 8)

interface Start extends LongTasks {
  shownAtMs: number
  /** the window's scripts fetched before the grid was drawn */
  scriptKb: number
  scripts: number
}

/** The scripts the window fetched before `at` (its own timeline: a worker's scripts are in the worker's). */
function scriptsBefore(page: Page, at: number): Promise<{ scriptKb: number; scripts: number }> {
  return page.evaluate(at => {
    const scripts = performance
      .getEntriesByType('resource')
      .filter(entry => entry.startTime < at && /\.m?js$/.test(new URL(entry.name).pathname)) as PerformanceResourceTiming[]
    return { scriptKb: Math.round(scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0) / 1024), scripts: scripts.length }
  }, at)
}

/** The page's long tasks until it first drew the library's grid (recorded from its first script on). */
async function pageStart(page: Page, open: () => Promise<unknown>): Promise<Start> {
  await open()
  await expect(page.getByRole('grid', { name: 'Items' })).toBeVisible()
  const shownAtMs = await page
    .waitForFunction(() => (window as unknown as { __appShownAt?: number }).__appShownAt)
    .then(handle => handle.jsonValue() as Promise<number>)
  return { ...(await longTasksBetween(page, 0, shownAtMs)), shownAtMs: Math.round(shownAtMs), ...(await scriptsBefore(page, shownAtMs)) }
}

const line = (starts: Start[]): string =>
  `${starts.map(s => s.count).join('/')} long tasks, longest ${starts.map(s => s.longestMs).join('/')} ms (median ${stats(starts.map(s => s.longestMs)).median}); ` +
  `grid drawn at median ${stats(starts.map(s => s.shownAtMs)).median} ms, after ${starts[0].scriptKb} KB of script in ${starts[0].scripts} files`

test('the page start of an empty library, first open and opening again', async ({ browser }) => {
  test.setTimeout(10 * 60_000)
  const app = await startWebEditionProcess({ NEUROREF_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'neuroref-page-start-')) })
  const first: Start[] = []
  const again: Start[] = []
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const context: BrowserContext = await browser.newContext()
      await recordLongTasks(context)
      await recordFirstDrawn(context, '[role=grid]', '__appShownAt')
      const page = await context.newPage()
      const trace = await startTrace(browser, page, 'page-start')
      const profile = await startProfile(page, 'page-start')
      first.push(await pageStart(page, () => page.goto(app.url)))
      await profile.stop()
      await trace.stop()
      again.push(await pageStart(page, () => page.reload()))
      await context.close()
    }
  } finally {
    await app.stop()
  }
  const load = loadavg()
    .map(l => l.toFixed(2))
    .join(' ')
  console.log(`[bench page start] ${ROUNDS} rounds; ` + `first open: ${line(first)}; opening again: ${line(again)}; load ${load}`)
  saveFigures('page-start', { first, again, load })
  expect(first).toHaveLength(ROUNDS)
})
