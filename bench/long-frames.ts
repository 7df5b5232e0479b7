/**
 * What ran in the window's longest frames, when NEUROREF_BENCH_FRAMES names a length (ms): Chromium's long animation
 * frames, each with the scripts that ran in it (what called them, the function and where it is in the bundle) and
 * the JS heap when the frame was reported. Cheap enough to leave the timing as it is, where a trace or a profile
 * changed it (the 4-5 s tasks after a whole-library collect did not show in traced runs).
 */
import type { BrowserContext, Page } from '@playwright/test'

const LONG_FRAME_MS = Number(process.env.NEUROREF_BENCH_FRAMES ?? 0)

interface LongFrame {
  start: number
  ms: number
  heapMb: number
  scripts: string[]
}

/** Records each frame longer than LONG_FRAME_MS of every page loaded in `window.__longFrames`. */
export async function recordLongFrames(target: Page | BrowserContext): Promise<void> {
  if (!LONG_FRAME_MS) return
  await target.addInitScript(longest => {
    const frames: LongFrame[] = []
    ;(window as unknown as { __longFrames: typeof frames }).__longFrames = frames
    const heapMb = () => Math.round((performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20)
    type Script = { invoker: string; sourceFunctionName: string; sourceURL: string; sourceCharPosition: number; duration: number }
    new PerformanceObserver(list => {
      for (const frame of list.getEntries() as (PerformanceEntry & { scripts: Script[] })[]) {
        if (frame.duration < longest) continue
        const scripts = frame.scripts.map(
          s => `${Math.round(s.duration)} ms ${s.invoker} ${s.sourceFunctionName || '?'} ${s.sourceURL.split('/').pop()}:${s.sourceCharPosition}`
        )
        frames.push({ start: frame.startTime, ms: frame.duration, heapMb: heapMb(), scripts })
      }
    }).observe({ type: 'long-animation-frame', buffered: true })
  }, LONG_FRAME_MS)
}

/** The long frames since `from` (the page's clock), each as a line with its scripts. */
export async function longFramesSince(page: Page, from: number): Promise<string[]> {
  if (!LONG_FRAME_MS) return []
  const frames = await page.evaluate(() => (window as unknown as { __longFrames: LongFrame[] }).__longFrames)
  return frames
    .filter(frame => frame.start >= from)
    .map(frame => `${Math.round(frame.start - from)}+${Math.round(frame.ms)} (heap after ${frame.heapMb} MB): ${frame.scripts.join('; ')}`)
}
