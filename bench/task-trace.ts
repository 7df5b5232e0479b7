/**
 * A Chromium trace of one page while a benchmark measures it, when NEUROREF_BENCH_TRACE names a folder: written there
 * as NAME.json, and its long tasks summed by `node bench/long-tasks.mjs FILE`, each with what ran in it (the callback,
 * timer, message or GC). A CPU profile (cpu-profile.ts) says where the time goes, not which task it was in.
 * The trace buffer holds a few tens of seconds of a busy window: Chromium stops recording when it is full, so a long
 * action's end was missing. NEUROREF_BENCH_TRACE_LAST=1 keeps the last part instead (a ring buffer of about 200 MB).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, CDPSession, Page } from '@playwright/test'

// with the CPU samples: a task that resumed an await shows only its callback, the samples say what ran
// blink.user_timing: the app's performance marks (store/opening-marks.ts), which bench/between-marks.mjs reads
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing']

export async function startTrace(browser: Browser, page: Page, name: string): Promise<{ stop(): Promise<void> }> {
  const folder = process.env.NEUROREF_BENCH_TRACE
  if (!folder) return { stop: async () => undefined }
  const save = (trace: Buffer | string): void => {
    mkdirSync(folder, { recursive: true })
    writeFileSync(path.join(folder, `${name}.json`), trace)
  }
  if (process.env.NEUROREF_BENCH_TRACE_LAST === '1') return lastPart(page, save)
  await browser.startTracing(page, { categories: CATEGORIES })
  return { stop: async () => save(await browser.stopTracing()) }
}

/** The trace recorded into a ring buffer through the inspector: what stays is the last part before `stop`. */
async function lastPart(page: Page, save: (trace: string) => void): Promise<{ stop(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordContinuously', includedCategories: CATEGORIES }
  })
  return {
    async stop() {
      const complete = new Promise<{ stream?: string }>(resolve => cdp.once('Tracing.tracingComplete', resolve))
      await cdp.send('Tracing.end')
      const { stream } = await complete
      save(await readStream(cdp, stream!))
      await cdp.detach()
    }
  }
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  const parts: string[] = []
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle, size: 8 << 20 })
    parts.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data)
    if (eof) break
  }
  await cdp.send('IO.close', { handle })
  return parts.join('')
}
