// Library at scale, in Chromium, through the real web edition: 100,000
// synthetic papers in IndexedDB, then the times a researcher feels — first
// rows after opening, search keystroke to updated list, sort, add one paper —
// and the renderer's memory. Figures go to bench/results/library-scale.json.
import { writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test } from '../e2e/support/fixtures'
import { createSyntheticLibrary } from './synthetic-library'
import { BENCH_QUERIES } from './queries'

const SIZE = Number(process.env.NEUROREF_BENCH_ITEMS ?? 100_000)
const CHUNK = 5_000

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { median: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), max: +sorted[sorted.length - 1].toFixed(1) }
}

/** Writes items straight into the app's IndexedDB (schema made by the app itself). */
async function seed(page: Page, count: number): Promise<void> {
  const all = createSyntheticLibrary(count).items
  for (let start = 0; start < count; start += CHUNK) {
    const items = all.slice(start, start + CHUNK)
    await page.evaluate(
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
      items
    )
  }
}

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

/** A one-entry BibTeX file: adding one paper without any network in the way. */
function oneEntryBib(n: number): string {
  return `@article{bench${n},\n  title = {Oxytocin benchmark paper number ${n} on social defeat},\n  author = {Benchmark, Ana},\n  journal = {Neuropeptides},\n  year = {2026}\n}\n`
}

test(`library of ${SIZE.toLocaleString('en')} papers`, async ({ page, app }) => {
  const cdp = await page.context().newCDPSession(page)
  await page.goto(app.url)
  await page.getByRole('grid', { name: 'Items' }).waitFor()
  const seedStart = Date.now()
  await seed(page, SIZE)
  const seedSeconds = (Date.now() - seedStart) / 1000

  await page.reload()
  await page.locator('[role=row][aria-rowindex="2"]').waitFor()
  const firstRowsMs = await page.evaluate(() => performance.now())
  await page.waitForFunction(() => !document.querySelector('.library-count')?.textContent?.includes('opening'), null, { timeout: 300_000 })
  const allLoadedMs = await page.evaluate(() => performance.now())

  const search: number[] = []
  for (const query of BENCH_QUERIES) {
    search.push(await timeToNextFrame(page, 'search', query))
    search.push(await timeToNextFrame(page, 'search', ''))
  }
  const searchOnly = search.filter((_, i) => i % 2 === 0)

  const sort: number[] = []
  for (let i = 0; i < 4; i++) sort.push(await timeToNextFrame(page, 'click', '[role=columnheader] button'))

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

  // The heap as found (garbage V8 has not yet needed to collect included), then after a
  // full collection through the inspector: page-side gc() frees far less than this does.
  const usedMb = async (): Promise<number> => (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20
  const heapBeforeGcMb = await usedMb()
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  const heapMb = await usedMb()
  // Typed arrays' contents (index lists, word runs, packed abstracts) live outside the JS heap: counted apart.
  const arrayBuffersMb = ((await cdp.send('Runtime.getHeapUsage')) as { backingStorageSize?: number }).backingStorageSize! / 2 ** 20

  const result = {
    date: new Date().toISOString(),
    items: SIZE,
    seedSeconds: +seedSeconds.toFixed(1),
    firstRowsMs: Math.round(firstRowsMs),
    allLoadedMs: Math.round(allLoadedMs),
    searchMs: stats(searchOnly),
    queries: BENCH_QUERIES.length,
    sortByTitleMs: stats(sort),
    addOneItemMs: stats(add),
    rendererHeapMb: Math.round(heapMb),
    rendererHeapBeforeGcMb: Math.round(heapBeforeGcMb),
    rendererArrayBuffersMb: Math.round(arrayBuffersMb)
  }
  console.log(JSON.stringify(result, null, 2))
  writeFileSync('bench/results/library-scale.json', JSON.stringify(result, null, 2) + '\n')
})
