// Sync in Chromium (issue 14): the web edition, two browser contexts (two
// IndexedDBs: two computers), the replicas on PouchDB's idb adapter, through
// the CouchDB-compatible test server. A holds 10,000 papers (written straight
// into its IndexedDB, as the library-at-scale benchmark does) and pushes them;
// B opens empty and syncs them all. Measures A's first push and B's initial
// sync, the long tasks of each window meanwhile (the UI's responsiveness) and
// the browser's peak memory (NEUROREF_BENCH_PROFILE: CPU profiles of both windows; NEUROREF_BENCH_TRACE: a trace of
// B's, its long tasks summed by bench/long-tasks.mjs). Prints figures for bench/RESULTS-sync.md;
// asserts only that everything arrived.
import { mkdtemp } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from '../e2e/support/fixtures'
import { startTestCouch } from '../e2e/support/couch-server'
import { startWebEditionProcess } from '../e2e/support/web-edition'
import { countShown, recordFirstDrawn, recordLongTasks, seedSyntheticLibrary } from './page-library'
import { startProfile } from './cpu-profile'
import { startTrace } from './task-trace'
import { samplePeakMemory } from './browser-memory'

const SIZE = Number(process.env.NEUROREF_SYNC_BENCH_SIZE ?? 10_000)
const USER = { name: 'ann', password: 'ann-password' }

/**
 * The page's requests to the server by kind (_bulk_docs, _revs_diff, _local…): how many, the time to their last
 * byte summed, and when the first of each kind was sent (s after the call).
 */
function timeServerRequests(page: Page, server: string): () => string {
  const from = Date.now()
  const kinds = new Map<string, { n: number; ms: number; first: number }>()
  const kindOf = (url: string): string => /\/(_[a-z_]+)/.exec(new URL(url).pathname)?.[1] ?? 'document'
  page.on('request', request => {
    if (request.url().startsWith(server) && !kinds.has(kindOf(request.url()))) kinds.set(kindOf(request.url()), { n: 0, ms: 0, first: Date.now() - from })
  })
  page.on('requestfinished', request => {
    const sum = request.url().startsWith(server) ? kinds.get(kindOf(request.url())) : undefined
    if (sum) kinds.set(kindOf(request.url()), { ...sum, n: sum.n + 1, ms: sum.ms + Math.max(0, request.timing().responseEnd) })
  })
  const s = (ms: number): string => (ms / 1000).toFixed(1)
  return () => [...kinds].map(([kind, { n, ms, first }]) => `${kind} ${n} × ${s(ms)} s (first at ${s(first)} s)`).join(', ')
}

/** The window's long tasks so far (those from `from` on, in the page's clock): how many, the longest, how many over 200 ms. */
async function longTasksOf(page: Page, from = 0, to = Infinity): Promise<string> {
  const all = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks)
  const tasks = all.filter(t => t.start >= from && t.start < to).map(t => t.ms)
  return `${tasks.length} long tasks, longest ${Math.max(0, ...tasks).toFixed(0)} ms, ${tasks.filter(ms => ms > 200).length} over 200 ms`
}

const syncLine = (page: Page) => page.getByRole('navigation', { name: 'Library' }).getByRole('status', { name: 'Sync' })

test(`sync of ${SIZE.toLocaleString('en')} papers to an empty second browser profile`, async ({ browser }) => {
  test.setTimeout(30 * 60_000)
  const couch = await startTestCouch()
  const app = await startWebEditionProcess({ NEUROREF_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'neuroref-sync-bench-')) })
  try {
    await couch.createUser(USER.name, USER.password)
    const database = 'neuroref-ann-bench'
    // the library and its PDFs database, as the server's administrator makes them (docs/SYNC.md)
    await couch.createLibrary(database, [USER.name])

    const contextA = await browser.newContext()
    // A's window reloads when the account is saved: the tasks counted are those after that, during its push
    await recordLongTasks(contextA)
    const a = await contextA.newPage()
    await a.goto(app.url)
    await expect(a.getByRole('grid', { name: 'Items' })).toBeVisible()
    await seedSyntheticLibrary(a, SIZE)
    await a.reload()
    await expect.poll(() => countShown(a), { timeout: 300_000 }).toBe(SIZE)
    await a.getByRole('button', { name: 'Settings' }).click()
    const section = a.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Sync' })
    await section.getByLabel('Server address').fill(couch.url)
    await section.getByLabel('Database').fill(database)
    await section.getByLabel('User name').fill(USER.name)
    await section.getByLabel('Password').fill(USER.password)
    const profileA = await startProfile(a, 'sync-push')
    const serverTime = timeServerRequests(a, couch.url)
    const memoryA = samplePeakMemory()
    const pushFrom = Date.now()
    await section.getByRole('button', { name: 'Start syncing' }).click()
    await expect(a.getByRole('grid', { name: 'Items' })).toBeVisible()
    await expect(syncLine(a)).toHaveText(/^Synced at \d\d:\d\d$/, { timeout: 20 * 60_000 })
    const pushed = Date.now() - pushFrom
    const peakA = memoryA.stop()
    await profileA.stop()
    const tasksA = await longTasksOf(a)
    console.log(`[bench sync chromium] A's requests to the server during its first push: ${serverTime()}`)

    // B: main keeps the account, so the second profile syncs as soon as it opens
    const context = await browser.newContext()
    await recordLongTasks(context)
    // the page's script run and first render, until it first drew the library's grid
    await recordFirstDrawn(context, '[role=grid]', '__appShownAt')
    const b = await context.newPage()
    const profileB = await startProfile(b, 'sync-initial')
    const traceB = await startTrace(browser, b, 'sync-initial')
    const memoryB = samplePeakMemory()
    const from = Date.now()
    await b.goto(app.url)
    await expect.poll(() => countShown(b), { timeout: 20 * 60_000, intervals: [250] }).toBe(SIZE)
    const initial = Date.now() - from
    const appShownAt = await b.evaluate(() => (window as unknown as { __appShownAt: number }).__appShownAt)
    const peakB = memoryB.stop()
    await profileB.stop()
    await traceB.stop()
    console.log(
      `[bench sync chromium] ${SIZE} papers: A's first push ${(pushed / 1000).toFixed(1)} s, A's window ${tasksA}, browser peak ${peakA} MB; ` +
        `B's initial sync ${(initial / 1000).toFixed(1)} s, B's window ${await longTasksOf(b)} (the page's own start, until it first drew ` +
        `the library: ${await longTasksOf(b, 0, appShownAt)}; after it, while syncing: ${await longTasksOf(b, appShownAt)}), browser peak ${peakB} MB; load ${loadavg()
          .map(l => l.toFixed(2))
          .join(' ')}`
    )
    expect(await countShown(b)).toBe(SIZE)
  } finally {
    await app.stop()
    await couch.close()
  }
})
