// Settings that main needs before the window exists, kept in userData (the
// renderer's Settings live in IndexedDB, which main cannot read at start).
// Today: spell-checking, off until the researcher turns it on, because on
// Linux (and Windows without the system checker) Chromium downloads its
// Hunspell dictionaries from Google's servers the moment it is on. No Electron here.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface DesktopSettings {
  spellcheck: boolean
}

const FILE = 'desktop-settings.json'
const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = { spellcheck: false }

export async function readDesktopSettings(userDataDir: string): Promise<DesktopSettings> {
  try {
    const parsed = JSON.parse(await readFile(join(userDataDir, FILE), 'utf8')) as Partial<DesktopSettings>
    return { spellcheck: parsed.spellcheck === true }
  } catch {
    return { ...DEFAULT_DESKTOP_SETTINGS }
  }
}

export async function writeDesktopSettings(userDataDir: string, settings: DesktopSettings): Promise<void> {
  await mkdir(userDataDir, { recursive: true })
  const path = join(userDataDir, FILE)
  await writeFile(`${path}.tmp`, JSON.stringify(settings, null, 2))
  await rename(`${path}.tmp`, path)
}
