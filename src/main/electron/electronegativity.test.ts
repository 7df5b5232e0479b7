// The security scan that `npm run lint` runs (scripts/electronegativity.mjs):
// a new finding fails it, offline.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const dir = mkdtempSync(join(tmpdir(), 'neuroref-scan-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const scan = (input: string, allowList: string) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/electronegativity.mjs'), input, allowList], { encoding: 'utf8', timeout: 120_000 })

describe('the electronegativity scan', () => {
  it('fails on a finding that is not in the reviewed list, naming it and where it is', () => {
    const code = join(dir, 'code')
    writeFileSync(join(dir, 'allowed.json'), '[]')
    mkdirSync(code)
    writeFileSync(
      join(code, 'main.ts'),
      "import { BrowserWindow } from 'electron'\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } })\n"
    )
    const run = scan(code, join(dir, 'allowed.json'))
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('new finding NODE_INTEGRATION_JS_CHECK')
    expect(run.stderr).toContain('new finding CONTEXT_ISOLATION_JS_CHECK')
    expect(run.stderr).toMatch(/\d+ new\. Fix each new finding/)
    expect(run.stderr + run.stdout).not.toContain('tried to use the network')
  })

  it('refuses an allow-list entry without a reason', () => {
    writeFileSync(join(dir, 'no-reason.json'), JSON.stringify([{ check: 'PRELOAD_JS_CHECK', code: 'preload: x,' }]))
    const run = scan(join(dir, 'code'), join(dir, 'no-reason.json'))
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('every entry needs check, code and a reason')
  })
})
