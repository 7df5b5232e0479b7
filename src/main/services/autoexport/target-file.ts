// What Neuroref checks about an auto-export file before it takes it over and
// before every write, so that a researcher's own .bib is never replaced
// without their word: an existing file only after a confirmation that names
// it (and a copy kept beside it), never through a link, never in a folder
// that was swapped for a link after the file was added, never over changes
// made by another program since Neuroref's last write.
import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ServiceError } from '@shared/result'

/** What Neuroref last wrote: enough to notice an edit made by someone else. */
export interface WrittenFingerprint {
  size: number
  mtimeMs: number
  sha256: string
}

export type TargetFs = Pick<typeof fsp, 'lstat' | 'realpath' | 'readFile' | 'copyFile'>

/** The file as it is now: absent, a regular file (size, time), or something Neuroref must not write through. */
export async function existingFile(path: string, fs: TargetFs = fsp): Promise<{ size: number; mtimeMs: number } | undefined> {
  const info = await fs.lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (!info) return undefined
  if (info.isSymbolicLink()) {
    const to = await fs.realpath(path).catch(() => 'a missing file')
    throw new ServiceError('INVALID_INPUT', `${path} is a link to ${to}. Neuroref writes only real files: choose ${to} itself, or another name.`)
  }
  if (!info.isFile()) throw new ServiceError('INVALID_INPUT', `${path} is not a regular file (it is a folder or a device).`)
  return { size: info.size, mtimeMs: info.mtimeMs }
}

/** The folder the file was added in, resolved again now: a folder replaced by a link since then is refused. */
export async function sameRealFolder(path: string, realFolder: string, fs: TargetFs = fsp): Promise<string> {
  const now = await fs.realpath(dirname(path)).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? Object.assign(new Error('its folder no longer exists'), { code: 'ENOENT' }) : error
  })
  if (now !== realFolder) {
    throw new ServiceError(
      'INVALID_INPUT',
      `The folder of ${path} now leads somewhere else (${now}). Neuroref stopped writing there; remove this auto-export and add the file again if that is right.`
    )
  }
  return join(realFolder, basename(path))
}

/** Refuses to write over a file changed by another program since Neuroref's last write. */
export async function checkUnchanged(
  path: string,
  real: string,
  written: WrittenFingerprint | undefined,
  takenOver: boolean,
  fs: TargetFs = fsp
): Promise<void> {
  const now = await existingFile(real, fs)
  if (!now) return
  if (!written) {
    if (takenOver) return
    throw new ServiceError(
      'INVALID_INPUT',
      `${path} appeared after it was added, and Neuroref does not replace a file it did not write. Remove this auto-export and add the file again to replace it.`
    )
  }
  if (now.size === written.size && now.mtimeMs === written.mtimeMs) return
  if (now.size === written.size && sha256(await fs.readFile(real)) === written.sha256) return
  throw new ServiceError(
    'INVALID_INPUT',
    `${path} was changed by another program since Neuroref last wrote it, so Neuroref did not overwrite it. Remove this auto-export and add the file again to let Neuroref replace it (a copy is kept).`
  )
}

/** Keeps the researcher's file as NAME.bak (or NAME.bak2, …, never over an existing one) before it is taken over. */
export async function keepCopy(real: string, fs: TargetFs = fsp): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const copy = `${real}.bak${n === 1 ? '' : n}`
    try {
      await fs.copyFile(real, copy, constants.COPYFILE_EXCL)
      return copy
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  throw new ServiceError('IO', `Neuroref could not keep a copy of ${real}: there are already 99 copies beside it.`)
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}
