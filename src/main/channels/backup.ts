// backup.*: a library backup written in pieces (docs/ARCHITECTURE.md, Backup).
// Desktop: the save dialog picks the file, the pieces go to a temp file
// beside it, and finish puts it there whole. The web edition's backup is a
// browser download built in the page, so these answer UNSUPPORTED there.
import type { NamespaceHandlers } from '@shared/contract'
import { ServiceError } from '@shared/result'
import { BackupFiles } from '../services/backup/backup-files'
import type { ChannelDeps } from './deps'
import { safeFileName } from './export'
import { requireObject, requireString } from './validate'

/** A piece is a few million characters (backup-lines.ts); this leaves room for one very long row. */
const PIECE_CHARS = 64_000_000

const backupId = (arg: unknown): string => {
  const id = requireString(requireObject(arg).id, 'backup id', 32)
  if (!/^[0-9a-f]{32}$/.test(id)) throw new ServiceError('INVALID_INPUT', 'That is not a backup id.')
  return id
}

export function backupChannels({ chooseBackupFile }: ChannelDeps, files = new BackupFiles()): NamespaceHandlers<'backup'> {
  return {
    'backup.begin': async arg => {
      const name = requireString(requireObject(arg).suggestedName, 'file name', 255)
      if (!chooseBackupFile) throw new ServiceError('UNSUPPORTED', 'The web edition saves backups as browser downloads.')
      const path = await chooseBackupFile(safeFileName(name))
      return path === null ? null : { id: await files.begin(path), path }
    },
    'backup.append': async arg => {
      const id = backupId(arg)
      await files.append(id, requireString(requireObject(arg).text, 'backup text', PIECE_CHARS))
    },
    'backup.finish': async arg => ({ path: await files.finish(backupId(arg)) }),
    'backup.abort': async arg => files.abort(backupId(arg))
  }
}
