// A file written in pieces where the researcher chose (a library backup, a
// large export): begin asks the save dialog and hands out an id, append adds
// a piece, finish puts the file in place whole, abort leaves nothing. The
// bodies of the backup.* and export.* channels of that shape.
import { ServiceError } from '@shared/result'
import type { BackupFiles } from '../services/backup/backup-files'
import { safeFileName as safeName } from '@shared/file-name'
import { requireObject, requireString } from './validate'

/** A suggested name never becomes a path (shared/file-name.ts). */
export function safeFileName(name: string): string {
  return safeName(name, { fallback: 'export.bib' })
}

/** A piece is a few million characters (backup-lines.ts, save-export.ts); this leaves room for one very long row. */
const PIECE_CHARS = 64_000_000

/** `choose`: the desktop's save dialog (absent in the web edition, which downloads: `unsupported` says so). */
export function pieceHandlers(files: BackupFiles, what: string, choose: ((suggestedName: string) => Promise<string | null>) | undefined, unsupported: string) {
  const idOf = (arg: unknown): string => {
    const id = requireString(requireObject(arg).id, `${what} id`, 32)
    if (!/^[0-9a-f]{32}$/.test(id)) throw new ServiceError('INVALID_INPUT', `That is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} id.`)
    return id
  }
  return {
    begin: async (arg: unknown): Promise<{ id: string; path: string } | null> => {
      const name = requireString(requireObject(arg).suggestedName, 'file name', 255)
      if (!choose) throw new ServiceError('UNSUPPORTED', unsupported)
      const path = await choose(safeFileName(name))
      return path === null ? null : { id: await files.begin(path), path }
    },
    append: async (arg: unknown): Promise<void> => {
      const id = idOf(arg)
      await files.append(id, requireString(requireObject(arg).text, `${what} text`, PIECE_CHARS))
    },
    finish: async (arg: unknown): Promise<{ path: string }> => ({ path: await files.finish(idOf(arg)) }),
    abort: async (arg: unknown): Promise<void> => files.abort(idOf(arg))
  }
}
