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
      (rows) =>
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

/** Time from a UI action to the list showing its result (next painted frame). */
async function timeUntilListChanges(page: Page, act: string, arg: string): Promise<number> {
  return page.evaluate(
    ([action, value]) =>
      new Promise<number>((resolve) => {
        const grid = document.querySelector('[role=grid][aria-label=Items]')!
        const count = document.querySelector('.library-count')!
        const start = performance.now()
        const done = (): void => void requestAnimationFrame(() => resolve(performance.now() - start))
        const observer = new MutationObserver(() => {
          observer.disconnect()
          done()
        })
        observer.observe(grid, { subtree: true, childList: true, characterData: true })
        observer.observe(count, { subtree: true, childList: true, characterData: true })
        if (action === 'search') {
          const input = document.querySelector('input[aria-label="Search library"]') as HTMLInputElement
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
          setter.call(input, value)
          input.dispatchEvent(new Event('input', { bubbles: true }))
        } else {
          ;(document.querySelector(value) as HTMLElement).click()
        }
        setTimeout(() => (observer.disconnect(), resolve(performance.now() - start)), 5000)
      }),
    [act, arg] as const
  )
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
    search.push(await timeUntilListChanges(page, 'search', query))
    search.push(await timeUntilListChanges(page, 'search', ''))
  }
  const searchOnly = search.filter((_, i) => i % 2 === 0)

  const sort: number[] = []
  for (let i = 0; i < 4; i++) sort.push(await timeUntilListChanges(page, 'click', '[role=columnheader] button'))

  const add: number[] = []
  for (const doi of ['10.1371/journal.pone.0033693', '10.1038/srep16696', '10.1016/j.neurobiolaging.2010.03.024']) {
    await page.getByLabel('Add by identifier').fill(doi)
    const t0 = Date.now()
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await page.getByRole('status').filter({ hasText: /Added|Already/ }).waitFor()
    add.push(Date.now() - t0)
  }

  await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.())
  await cdp.send('Performance.enable')
  const metrics = (await cdp.send('Performance.getMetrics')).metrics
  const heapMb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20

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
    rendererHeapMb: Math.round(heapMb)
  }
  console.log(JSON.stringify(result, null, 2))
  writeFileSync('bench/results/library-scale.json', JSON.stringify(result, null, 2) + '\n')
})
