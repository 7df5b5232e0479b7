import { defineConfig } from '@playwright/test'

// Debian's Chromium (never `playwright install`: its download is unreachable here).
export default defineConfig({
  testDir: './e2e',
  // its paths give the @shared and @renderer aliases
  tsconfig: './tsconfig.test.json',
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  // a user waits for a worker or a first catalogue load on two shared cores: 5 s failed under load, never idle
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic'
      ]
    }
  }
})
