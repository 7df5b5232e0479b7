// The browser's memory while a benchmark runs: the resident size of its whole
// process tree (the browser, its renderers and their workers), read from ps
// once a second, or of the processes the browser names (from /proc); the
// page's JS heap, after a full collection or at its peak while something runs.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from '@playwright/test'

/** Resident kB of the browsers this test process started and every process below them (not the web edition's Node). */
function browserKb(): number {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(line => line.trim().split(/\s+/))
  const inTree = new Set(rows.filter(([, ppid, , comm]) => Number(ppid) === process.pid && /chrom/i.test(comm)).map(([pid]) => Number(pid)))
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, ppid] of rows)
      if (inTree.has(Number(ppid)) && !inTree.has(Number(pid))) {
        inTree.add(Number(pid))
        grew = true
      }
  }
  return rows.reduce((sum, [pid, , rss]) => (inTree.has(Number(pid)) ? sum + Number(rss) : sum), 0)
}

/** Samples until `stop()`, which answers the peak in MB. */
export function samplePeakMemory(): { stop: () => number } {
  let peak = 0
  const sample = (): void => {
    peak = Math.max(peak, browserKb())
  }
  sample()
  const timer = setInterval(sample, 1000)
  return {
    stop: () => {
      clearInterval(timer)
      sample()
      return Math.round(peak / 1024)
    }
  }
}

/** Resident kB of each process the browser names, with its type (from /proc: Linux only, else none). */
async function processesKb(browser: Browser | null): Promise<{ type: string; kb: number }[]> {
  if (!browser || process.platform !== 'linux') return []
  const session = await browser.newBrowserCDPSession()
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number; type: string }[] }
    return processInfo.map(({ id, type }) => {
      try {
        return { type, kb: Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) }
      } catch {
        return { type, kb: 0 } // the process ended meanwhile
      }
    })
  } finally {
    await session.detach()
  }
}

/** Resident memory of every process of this browser, in MB. */
export async function browserRssMb(browser: Browser): Promise<number> {
  return Math.round((await processesKb(browser)).reduce((sum, { kb }) => sum + kb, 0) / 1024)
}

/** Resident memory (VmRSS) of the renderer processes, MB, the largest first. */
export async function rendererResidentMb(browser: Browser | null): Promise<number[]> {
  return (await processesKb(browser))
    .filter(p => p.type === 'renderer')
    .map(p => Math.round(p.kb / 1024))
    .filter(mb => mb > 0)
    .sort((a, b) => b - a)
}

/** The window's heap after a full collection through the inspector (page-side gc() frees far less), its typed arrays (outside the heap) and the renderers' resident memory. */
export async function memoryAfterGc(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await page.evaluate(() => new Promise(resolve => setTimeout(resolve, 0)))
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number }
  await cdp.detach()
  return {
    heapMb: Math.round(heap.usedSize / 2 ** 20),
    arrayBuffersMb: Math.round((heap.backingStorageSize ?? 0) / 2 ** 20),
    residentMb: await rendererResidentMb(page.context().browser())
  }
}

/** Samples the page's JS heap and `residentMb()` every `everyMs` until `stop()`, which answers both peaks in MB. */
export async function samplePagePeaks(
  page: Page,
  residentMb: () => Promise<number>,
  everyMs: number
): Promise<{ stop: () => Promise<{ heapMb: number; residentMb: number }> }> {
  const cdp = await page.context().newCDPSession(page)
  let heap = 0
  let resident = 0
  let running = true
  const sampling = (async () => {
    while (running) {
      try {
        heap = Math.max(heap, ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 2 ** 20)
        resident = Math.max(resident, await residentMb())
      } catch {
        // the page is busy navigating: sample again
      }
      await new Promise(resolve => setTimeout(resolve, everyMs))
    }
  })()
  return {
    stop: async () => {
      running = false
      await sampling
      await cdp.detach()
      return { heapMb: Math.round(heap), residentMb: resident }
    }
  }
}
