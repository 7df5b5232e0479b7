import base from '../playwright.config'
import { defineConfig } from '@playwright/test'

// The library-at-scale benchmark drives the built web edition in Chromium.
export default defineConfig({
  ...base,
  testDir: '.',
  tsconfig: '../tsconfig.test.json',
  testMatch: /.*\.bench\.spec\.ts$/,
  timeout: 15 * 60_000,
  use: {
    ...base.use,
    // Tracing snapshots the page and would be measured with it.
    trace: 'off',
    launchOptions: {
      ...base.use?.launchOptions,
      args: [...(base.use?.launchOptions?.args ?? []), '--enable-precise-memory-info', '--js-flags=--expose-gc']
    }
  }
})
