/**
 * The window's JS heap through an action, when NEUROREF_BENCH_HEAP_EVERY names a period (ms): sampled through the
 * inspector (Runtime.getHeapUsage), each sample with the seconds since the start. The inspector answers on the
 * window's thread, so a long task shows as a gap between samples; a heap near its limit makes V8 collect often and long.
 */
import type { Page } from '@playwright/test'

export interface HeapSample {
  /** seconds since the start */
  s: number
  /** MB used, and MB the heap holds (used and free) */
  usedMb: number
  totalMb: number
}

export async function sampleHeap(page: Page): Promise<{ stop(): Promise<{ limitMb: number; samples: HeapSample[] } | undefined> }> {
  const every = Number(process.env.NEUROREF_BENCH_HEAP_EVERY ?? 0)
  if (!every) return { stop: async () => undefined }
  const cdp = await page.context().newCDPSession(page)
  const limitMb = await page.evaluate(() => Math.round((performance as unknown as { memory: { jsHeapSizeLimit: number } }).memory.jsHeapSizeLimit / 2 ** 20))
  const from = Date.now()
  const samples: HeapSample[] = []
  let running = true
  const sampling = (async () => {
    while (running) {
      const { usedSize, totalSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }
      samples.push({ s: +((Date.now() - from) / 1000).toFixed(2), usedMb: Math.round(usedSize / 2 ** 20), totalMb: Math.round(totalSize / 2 ** 20) })
      await new Promise(resolve => setTimeout(resolve, every))
    }
  })()
  return {
    async stop() {
      running = false
      await sampling
      await cdp.detach()
      return { limitMb, samples }
    }
  }
}
