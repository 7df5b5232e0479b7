// The same first flow against the desktop app. Electron's binary cannot be
// downloaded on every machine (no internet here); where it is missing this
// spec says so in the output and does not run.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { startReplayServer } from './replay/server'
import { crossrefWorkRoutes, replayEnvironment } from './replay/recorded'

const ROOT = path.resolve(__dirname, '..')

function electronBinary(): { path?: string; reason?: string } {
  const dir = path.join(ROOT, 'node_modules', 'electron')
  const pathFile = path.join(dir, 'path.txt')
  if (!existsSync(pathFile))
    return { reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing; this machine cannot reach its download server)' }
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { reason: `the Electron binary is missing at ${binary}` }
}

const found = electronBinary()
if (found.reason) console.log(`[electron.spec] not run: ${found.reason}. The web edition specs cover the same flow.`)

test('desktop app: add a DOI, see it, export BibTeX', async () => {
  test.skip(!found.path, `Electron not run: ${found.reason}`)
  const replay = await startReplayServer(crossrefWorkRoutes())
  const app = await electron.launch({
    executablePath: found.path,
    args: [path.join(ROOT, 'out/main/index.js')],
    env: { ...process.env, ...replayEnvironment(replay.url), NEUROREF_DATA_DIR: path.join(ROOT, 'test-results', 'electron-data') }
  })
  try {
    const page = await app.firstWindow()
    // served from the app's own origin (app://), not file://
    expect(page.url()).toBe('app://neuroref/index.html')
    await page.getByLabel('Add by identifier').fill('10.1016/j.neurobiolaging.2010.03.024')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(page.getByRole('grid', { name: 'Items' }).getByRole('row').filter({ hasText: 'mesenchymal stem cells' })).toHaveCount(1)
    const isolated = await page.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined')
    expect(isolated).toBe(true)
  } finally {
    await app.close()
    await replay.close()
  }
})
