// SCRATCH (to be deleted): heap snapshot of the loaded library.
import { createWriteStream } from 'node:fs'
import type { Page } from '@playwright/test'
import { test } from '../e2e/support/fixtures'
import { createSyntheticLibrary } from './synthetic-library'

const SIZE = Number(process.env.NEUROREF_BENCH_ITEMS ?? 20_000)
async function seed(page: Page, count: number): Promise<void> {
  const all = createSyntheticLibrary(count).items
  for (let start = 0; start < count; start += 5000) {
    const items = all.slice(start, start + 5000)
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
        }),
      items
    )
  }
}

test('heap', async ({ page, app }) => {
  const cdp = await page.context().newCDPSession(page)
  await page.goto(app.url)
  await page.getByRole('grid', { name: 'Items' }).waitFor()
  await seed(page, SIZE)
  await page.reload()
  await page.locator('[role=row][aria-rowindex="2"]').waitFor()
  await page.waitForFunction(() => !document.querySelector('.library-count')?.textContent?.includes('opening'), null, { timeout: 300_000 })
  await page.waitForTimeout(1500)
  await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.())
  await cdp.send('Performance.enable')
  const metrics = (await cdp.send('Performance.getMetrics')).metrics
  console.log('heapMB', (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20)
  const usage = async (label: string) => {
    const m = (await cdp.send('Performance.getMetrics')).metrics
    const u = await cdp.send('Runtime.getHeapUsage')
    console.log(label, 'metric', ((m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20).toFixed(1), 'usage', (u.usedSize / 2 ** 20).toFixed(1), 'total', (u.totalSize / 2 ** 20).toFixed(1), 'embedder', ((u as any).embedderHeapUsedSize / 2 ** 20).toFixed(1), 'backing', ((u as any).backingStorageSize / 2 ** 20).toFixed(1))
  }
  await usage('after gc')
  for (let i = 0; i < 3; i++) await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.())
  await usage('after 3 gc')
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await usage('after HeapProfiler.collectGarbage')
  if (process.env.SNAP) {
    const out = createWriteStream('/tmp/scale/heap.heapsnapshot')
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => out.write(e.chunk))
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    await new Promise((r) => out.end(r))
    await usage('after snapshot')
  }
})
