/**
 * Where the window's live heap was allocated: V8's sampling heap profiler (CDP
 * `HeapProfiler`), started before a phase and read after a full collection, so
 * only what survived is counted. The bundle is minified, so each site is named
 * by its function, file and line plus the bundle's text at that place (property
 * names survive minifying: enough to find the source).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession } from '@playwright/test'

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  selfSize: number
  children: ProfileNode[]
}

export interface HeapSite {
  site: string
  mb: number
}

export async function startHeapSampling(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1 << 15 })
}

/** The code at a bundle position, for a minified frame. */
function codeAt(assets: string, url: string, line: number, column: number): string {
  const file = url.split('/').pop()?.split('?')[0] ?? ''
  try {
    if (!readdirSync(assets).includes(file)) return ''
    const text = readFileSync(join(assets, file), 'utf8').split('\n')[line] ?? ''
    return text.slice(Math.max(0, column - 30), column + 50)
  } catch {
    return ''
  }
}

/** The sites holding the most live heap, largest first: the allocating frame and the nearest frame of the app's own code. */
export async function heapSites(cdp: CDPSession, assets: string, top = 20): Promise<HeapSite[]> {
  const { profile } = (await cdp.send('HeapProfiler.getSamplingProfile')) as unknown as { profile: { head: ProfileNode } }
  await cdp.send('HeapProfiler.stopSampling')
  const bytes = new Map<string, number>()
  const walk = (node: ProfileNode, ownCode: string): void => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame
    const here = url.includes('/assets/')
      ? `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1} «${codeAt(assets, url, lineNumber, columnNumber)}»`
      : ownCode
    if (node.selfSize > 0) {
      const site = `${functionName || '(native)'} ← ${here || '(no app frame)'}`
      bytes.set(site, (bytes.get(site) ?? 0) + node.selfSize)
    }
    for (const child of node.children) walk(child, here)
  }
  walk(profile.head, '')
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([site, size]) => ({ site, mb: +(size / 2 ** 20).toFixed(1) }))
}
