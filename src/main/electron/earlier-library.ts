// The library of an earlier Neuroref, from before the renderer moved from
// file:// to app://neuroref. IndexedDB belongs to an origin, so the window
// at app://neuroref starts with an empty library while the papers stay in
// Chromium's folder for the file:// origin. No Electron here: this finds that
// folder and remembers the researcher's choice; electron/earlier-library-dialog.ts asks.
//
// Why not copy the folder to the new origin's name: Chromium writes the
// origin into the keys inside the LevelDB (its DatabaseNameKey carries the
// origin identifier), so a copy renamed to app_neuroref_0 would most likely
// be opened as an empty store, and a half-read copy is worse than none.
// That reading of Chromium's source could not be checked here (no Electron
// binary); so Neuroref takes the path that does not depend on it: it offers to
// open the earlier library once, as before, so the researcher can use Back up,
// then Restore in the new library. The earlier folder is never changed or deleted.
import { readFile, readdir, stat, writeFile, mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'

/** Chromium's folder names under <userData>/IndexedDB: scheme_host_port, port 0 when there is none. */
export const EARLIER_ORIGIN_FOLDER = 'file__0.indexeddb.leveldb'
export const APP_ORIGIN_FOLDER = 'app_neuroref_0.indexeddb.leveldb'
const CHOICE_FILE = 'earlier-library.json'

export type EarlierLibraryChoice = 'moved' | 'ignore'

export type EarlierLibraryPlan =
  { action: 'nothing'; why: 'no earlier library' | 'already handled' } | { action: 'ask'; folder: string; bytes: number; newLibraryExists: boolean }

/** Is there an earlier library the researcher has not dealt with yet? */
export async function planEarlierLibrary(userDataDir: string): Promise<EarlierLibraryPlan> {
  const folder = join(userDataDir, 'IndexedDB', EARLIER_ORIGIN_FOLDER)
  const bytes = await folderBytes(folder)
  // A LevelDB folder with only its lock and an empty log holds no papers: Chromium makes one when a page merely opens IndexedDB.
  if (bytes === null || bytes < 4096) return { action: 'nothing', why: 'no earlier library' }
  if (await readChoice(userDataDir)) return { action: 'nothing', why: 'already handled' }
  const newLibraryExists = (await folderBytes(join(userDataDir, 'IndexedDB', APP_ORIGIN_FOLDER))) !== null
  return { action: 'ask', folder, bytes, newLibraryExists }
}

/** Remember the answer, so the question comes once (written atomically: a torn file would ask again, never lose data). */
export async function recordEarlierLibraryChoice(userDataDir: string, choice: EarlierLibraryChoice, now: Date = new Date()): Promise<void> {
  await mkdir(userDataDir, { recursive: true })
  const path = join(userDataDir, CHOICE_FILE)
  await writeFile(`${path}.tmp`, JSON.stringify({ choice, at: now.toISOString(), folder: EARLIER_ORIGIN_FOLDER }, null, 2))
  await rename(`${path}.tmp`, path)
}

export async function readChoice(userDataDir: string): Promise<EarlierLibraryChoice | null> {
  try {
    const parsed = JSON.parse(await readFile(join(userDataDir, CHOICE_FILE), 'utf8')) as { choice?: unknown }
    return parsed.choice === 'moved' || parsed.choice === 'ignore' ? parsed.choice : null
  } catch {
    return null
  }
}

/** Total size of the files in a folder (one level: LevelDB keeps no subfolders), or null when there is no folder. */
async function folderBytes(folder: string): Promise<number | null> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return null
  }
  let total = 0
  for (const name of names) {
    const info = await stat(join(folder, name)).catch(() => null)
    if (info?.isFile()) total += info.size
  }
  return total
}
