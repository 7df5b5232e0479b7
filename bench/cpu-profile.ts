/**
 * A Chromium CPU profile of one page while a benchmark measures it, when NEUROREF_BENCH_PROFILE names a folder:
 * written there as NAME.cpuprofile (open it in Chrome's DevTools, or sum it with `node bench/profile-summary.mjs`).
 * Without the variable nothing is recorded: the profiler slows the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'

export async function startProfile(page: Page, name: string): Promise<{ stop(): Promise<void> }> {
  const folder = process.env.NEUROREF_BENCH_PROFILE
  if (!folder) return { stop: async () => undefined }
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop')
      mkdirSync(folder, { recursive: true })
      writeFileSync(path.join(folder, `${name}.cpuprofile`), JSON.stringify(profile))
      await cdp.detach()
    }
  }
}
