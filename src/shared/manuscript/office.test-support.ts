// Test support: real LibreOffice (`soffice --headless`) converting documents,
// the way a researcher's word processor opens them. Each test file keeps one
// profile folder for all its calls (a start with a new profile costs about a
// second of CPU more), so parallel files never share one. CI installs LibreOffice
// (libreoffice-writer-nogui); locally: apt-get install -y --no-install-recommends libreoffice-writer-nogui
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll } from 'vitest'

// one per test file (each file imports this afresh); calls are synchronous (spawnSync), so two starts never use it at once
const PROFILE = mkdtempSync(join(tmpdir(), 'neuroref-office-profile-'))
afterAll(() => rmSync(PROFILE, { recursive: true, force: true }))

export interface Converted {
  /** false when LibreOffice could not open the file */
  ok: boolean
  bytes: Uint8Array
  text: string
}

/**
 * Converts every file with one LibreOffice start (each start costs seconds):
 * `to` is "txt" (plain text, UTF-8), "docx" or "odt".
 */
export function convertWithLibreOffice(files: { name: string; bytes: Uint8Array }[], to: 'txt' | 'docx' | 'odt'): Map<string, Converted> {
  const dir = mkdtempSync(join(tmpdir(), 'neuroref-office-'))
  try {
    for (const file of files) writeFileSync(join(dir, file.name), file.bytes)
    const filter = to === 'txt' ? 'txt:Text (encoded):UTF8' : to === 'docx' ? 'docx:MS Word 2007 XML' : 'odt'
    const run = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(PROFILE).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        join(dir, 'out'),
        ...files.map(f => join(dir, f.name))
      ],
      { encoding: 'utf8', timeout: 240_000 }
    )
    if (run.error)
      throw new Error(`LibreOffice could not be run (${run.error.message}). Install it: apt-get install -y --no-install-recommends libreoffice-writer-nogui`)
    const out = new Map<string, Converted>()
    for (const file of files) {
      const target = join(dir, 'out', file.name.replace(/\.[^.]+$/, `.${to}`))
      const bytes = existsSync(target) ? new Uint8Array(readFileSync(target)) : new Uint8Array()
      out.set(file.name, { ok: bytes.length > 0, bytes, text: new TextDecoder().decode(bytes).replace(/^\uFEFF/, '') })
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
