/**
 * A Chromium trace of one page while a benchmark measures it, when NEUROREF_BENCH_TRACE names a folder: written there
 * as NAME.json, and its long tasks summed by `node bench/long-tasks.mjs FILE`, each with what ran in it (the callback,
 * timer, message or GC). A CPU profile (cpu-profile.ts) says where the time goes, not which task it was in.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'

export async function startTrace(browser: Browser, page: Page, name: string): Promise<{ stop(): Promise<void> }> {
  const folder = process.env.NEUROREF_BENCH_TRACE
  if (!folder) return { stop: async () => undefined }
  // with the CPU samples: a task that resumed an await shows only its callback, the samples say what ran
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.cpu_profiler'] })
  return {
    async stop() {
      const trace = await browser.stopTracing()
      mkdirSync(folder, { recursive: true })
      writeFileSync(path.join(folder, `${name}.json`), trace)
    }
  }
}
