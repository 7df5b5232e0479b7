// The one way main replaces a file: a reader (LaTeX, a sync client, the next
// start of Neuroref) sees the old file or the new one, never half of one, and
// a power cut after the call returns loses neither.
import { randomBytes } from 'node:crypto'
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
  const folder = dirname(path)
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await fs.open(temp, 'wx', 0o644)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, path)
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }
  await syncFolder(folder, fs)
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
