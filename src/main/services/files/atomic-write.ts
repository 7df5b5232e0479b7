// The one way main replaces a file, or writes a new one: a reader (LaTeX, a
// sync client, Word, the next start of Neuroref) sees the old file or the new
// one, never half of one, and a power cut after the call returns loses neither.
import { randomBytes } from 'node:crypto'
import { constants as fsConstants } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The file operations used; tests replace one to make a step fail. */
export type AtomicWriteFs = Pick<typeof fsp, 'open' | 'rename' | 'unlink'>

/** Temp files this helper leaves only if the process dies mid-write: `.<name>.<12 hex>.tmp`. */
export const ATOMIC_TEMP_RE = /^\..+\.[0-9a-f]{12}\.tmp$/

/**
 * Writes `data` to a temp file beside `path` (same folder, so the rename is
 * atomic), flushes it to the disk, renames it over `path`, then flushes the
 * folder so the rename itself survives a crash. On failure the temp file is
 * removed and `path` is as it was.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array, fs: AtomicWriteFs = fsp): Promise<void> {
  const temp = tempBeside(path)
  try {
    await writeFlushed(temp, data, fs)
    await fs.rename(temp, path)
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }
  await syncFolder(dirname(path), fs)
}

/** A new temp name beside `path` (same folder, so a rename or link stays on one disk). */
function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
}

/** Writes a file that must not exist yet and flushes it to the disk. */
async function writeFlushed(temp: string, data: string | Uint8Array, fs: AtomicWriteFs): Promise<void> {
  const handle = await fs.open(temp, 'wx', 0o644)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Flushes a folder's entries. Windows cannot open a folder for this (EISDIR/EPERM): there the rename is already durable enough. */
async function syncFolder(folder: string, fs: AtomicWriteFs): Promise<void> {
  let handle: fsp.FileHandle
  try {
    handle = await fs.open(folder, 'r')
  } catch (error) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) return
    throw error
  }
  try {
    await handle.sync()
  } catch (error) {
    if (!['EINVAL', 'EPERM', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
  } finally {
    await handle.close()
  }
}

/** The file operations a new file needs besides those of a replacement. */
export type NewFileFs = AtomicWriteFs & Pick<typeof fsp, 'link' | 'copyFile'>

/** File systems without hard links (FAT and exFAT drives, some network shares) answer these. */
const NO_HARD_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']

/**
 * Writes `data` as a new file at `path`, never over an existing one: the
 * temp file is flushed, then linked under its name (which fails with EEXIST
 * when the name is taken, even by a file that appeared a moment ago). Where
 * hard links do not exist, an exclusive copy does the same. On failure
 * nothing is left behind and an existing file is untouched.
 */
export async function writeNewFileAtomically(path: string, data: string | Uint8Array, fs: NewFileFs = fsp): Promise<void> {
  const temp = tempBeside(path)
  try {
    await writeFlushed(temp, data, fs)
    try {
      await fs.link(temp, path)
    } catch (error) {
      if (!NO_HARD_LINKS.includes((error as NodeJS.ErrnoException).code ?? '')) throw error
      try {
        await fs.copyFile(temp, path, fsConstants.COPYFILE_EXCL)
      } catch (copyError) {
        // a copy cut short is ours to remove; a name taken meanwhile is not
        if ((copyError as NodeJS.ErrnoException).code !== 'EEXIST') await fs.unlink(path).catch(() => undefined)
        throw copyError
      }
    }
  } finally {
    await fs.unlink(temp).catch(() => undefined)
  }
  await syncFolder(dirname(path), fs)
}

/** A file written in pieces that appears at its path whole or not at all (a backup of any size). */
export interface AtomicFile {
  append(text: string): Promise<void>
  /** Flushes the temp file and renames it over the path, then flushes the folder. */
  commit(): Promise<void>
  /** Removes the temp file; the path is as it was. */
  abort(): Promise<void>
}

/**
 * Opens a temp file beside `path` for appending: the same guarantees as
 * writeFileAtomically (a reader sees the old file or the whole new one), for
 * content too large to hold in one string.
 */
export async function openAtomicFile(path: string, fs: AtomicWriteFs = fsp): Promise<AtomicFile> {
  const folder = dirname(path)
  const temp = tempBeside(path)
  const handle = await fs.open(temp, 'wx', 0o644)
  let open = true
  const close = async (): Promise<void> => {
    if (open) await handle.close()
    open = false
  }
  const abort = async (): Promise<void> => {
    await close().catch(() => undefined)
    await fs.unlink(temp).catch(() => undefined)
  }
  return {
    append: async text => {
      try {
        await handle.writeFile(text)
      } catch (error) {
        await abort()
        throw error
      }
    },
    commit: async () => {
      try {
        await handle.sync()
        await close()
        await fs.rename(temp, path)
      } catch (error) {
        await abort()
        throw error
      }
      await syncFolder(folder, fs)
    },
    abort
  }
}
