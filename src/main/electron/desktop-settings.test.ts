import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readDesktopSettings, writeDesktopSettings } from './desktop-settings'

const dir = mkdtempSync(join(tmpdir(), 'neuroref-settings-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('desktop settings', () => {
  it('start with spell-checking off (no dictionary download), and remember turning it on', async () => {
    expect(await readDesktopSettings(dir)).toEqual({ spellcheck: false })
    await writeDesktopSettings(dir, { spellcheck: true })
    expect(JSON.parse(readFileSync(join(dir, 'desktop-settings.json'), 'utf8'))).toEqual({ spellcheck: true })
    expect(await readDesktopSettings(dir)).toEqual({ spellcheck: true })
  })

  it('treat a damaged or odd file as off', async () => {
    writeFileSync(join(dir, 'desktop-settings.json'), '{"spellcheck": "yes"}')
    expect(await readDesktopSettings(dir)).toEqual({ spellcheck: false })
    writeFileSync(join(dir, 'desktop-settings.json'), '{"spell')
    expect(await readDesktopSettings(dir)).toEqual({ spellcheck: false })
  })
})
