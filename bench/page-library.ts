/**
 * What the Chromium benchmarks do to a page of the web edition before they measure: write
 * papers straight into the app's IndexedDB (schema made by the app itself), and record the
 * window's long tasks from the first script on; and how they read and keep their figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import type { BrowserContext, Page } from '@playwright/test'
import type { Item } from '@shared/model'
import { createSyntheticLibrary } from './synthetic-library'

/** Puts the rows into the app's `items` store in one IndexedDB transaction. */
export function putItemRows(page: Page, rows: Item[]): Promise<void> {
  return page.evaluate(
    rows =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('neuroref')
        open.onsuccess = () => {
          const tx = open.result.transaction('items', 'readwrite')
          const store = tx.objectStore('items')
          for (const row of rows) store.put(row)
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error)
        }
        open.onerror = () => reject(open.error)
      }),
    rows
  )
}

/**
 * Removes the saved search index and light form. Rows written behind the app's back are not in its change log, so
 * what the app saved for the empty library on its first open would still count as current: the next open would
 * load it and neither the list nor a search would ever show the seeded papers. Without them, the next open reads
 * every row and builds both.
 */
export function forgetSavedIndex(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('neuroref')
        open.onsuccess = () => {
          const tx = open.result.transaction(['searchIndex', 'lightCopies'], 'readwrite')
          tx.objectStore('searchIndex').clear()
          tx.objectStore('lightCopies').clear()
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error)
        }
        open.onerror = () => reject(open.error)
      })
  )
}

/** Writes the synthetic library of `count` papers straight into the app's IndexedDB, 5,000 rows a transaction (then reload the page). */
export async function seedSyntheticLibrary(page: Page, count: number): Promise<void> {
  const all = createSyntheticLibrary(count).items
  for (let start = 0; start < count; start += 5_000) await putItemRows(page, all.slice(start, start + 5_000))
  await forgetSavedIndex(page)
}

/**
 * Waits until the search index is built and saved (its meta row written) and the window searches with it (the count
 * line's data-search). The meta row alone passed while a reopened window was still restoring the saved index, and the
 * count line's "preparing search" alone passed at once when the index job had not yet reported.
 */
export async function indexSaved(page: Page, timeout = 1_200_000): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>(resolve => {
        const open = indexedDB.open('neuroref')
        open.onsuccess = () => {
          const get = open.result.transaction('searchIndex').objectStore('searchIndex').get('meta')
          get.onsuccess = () => (open.result.close(), resolve(get.result !== undefined))
          get.onerror = () => (open.result.close(), resolve(false))
        }
        open.onerror = () => resolve(false)
      }),
    null,
    { timeout, polling: 500 }
  )
  // saved is not yet in use: a reopened window still has the saved index handed over and restored
  await page.waitForFunction(() => document.querySelector('.library-count')?.getAttribute('data-search') === 'index', null, { timeout })
  await page.waitForFunction(() => !document.querySelector('.library-count')?.textContent?.includes('preparing search'), null, { timeout })
}

/** The number of papers the library's count line shows (NaN before it shows one). */
export const countShown = (page: Page): Promise<number> => page.evaluate(() => parseInt(document.querySelector('.library-count')?.textContent ?? '', 10))

/** Records every long task of each page loaded (buffered: those before the script ran too) in `window.__longTasks`. */
export async function recordLongTasks(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const tasks: { start: number; ms: number }[] = []
    ;(window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks
    new PerformanceObserver(list => list.getEntries().forEach(entry => tasks.push({ start: entry.startTime, ms: entry.duration }))).observe({
      type: 'longtask',
      buffered: true
    })
  })
}

/**
 * Notes in `window[name]` when each page loaded first drew an element matching `selector` (the frame after it is in
 * the DOM): timed in the page, so a busy window does not add the round trips of Playwright asking.
 */
export async function recordFirstDrawn(target: Page | BrowserContext, selector: string, name: string): Promise<void> {
  await target.addInitScript(
    ([selector, name]) => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector(selector)) return
        seen.disconnect()
        requestAnimationFrame(() => ((window as unknown as Record<string, number>)[name] = performance.now()))
      })
      seen.observe(document, { subtree: true, childList: true })
    },
    [selector, name]
  )
}

/** Notes in `window.__firstRowsAt` when each page loaded first showed a paper's row. */
export function recordFirstRows(target: Page | BrowserContext): Promise<void> {
  return recordFirstDrawn(target, '[role=row][aria-rowindex="2"]', '__firstRowsAt')
}

export interface LongTasks {
  count: number
  longestMs: number
  totalMs: number
}

/** The long tasks that started between two moments of the current page (performance.now()). */
export async function longTasksBetween(page: Page, from: number, to = Infinity): Promise<LongTasks> {
  // A long task is reported after it ends: give the last one a frame to arrive.
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0))))
  const all = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks)
  const inside = all.filter(task => task.start >= from && task.start < to).map(task => task.ms)
  return {
    count: inside.length,
    longestMs: Math.round(Math.max(0, ...inside)),
    totalMs: Math.round(inside.reduce((sum, ms) => sum + ms, 0))
  }
}

/** Each long task that started since a moment of the current page, as "start+ms" (ms since that moment). */
export function longTaskList(page: Page, from: number): Promise<string[]> {
  return page.evaluate(
    from =>
      (window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks
        .filter(task => task.start >= from)
        .map(task => `${Math.round(task.start - from)}+${Math.round(task.ms)}`),
    from
  )
}

/** Writes a benchmark's figures to bench/results/NAME.json (the folder is not in git: made on first use). */
export function saveFigures(name: string, figures: unknown): void {
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(`bench/results/${name}.json`, JSON.stringify(figures, null, 2) + '\n')
}

/** Median, 95th percentile and largest of a benchmark's samples, to a tenth. */
export function stats(samples: number[]): { median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { median: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), max: +sorted[sorted.length - 1].toFixed(1) }
}
