// backup.*: a library backup written in pieces (docs/ARCHITECTURE.md, Backup).
// Desktop: the save dialog picks the file, the pieces go to a temp file
// beside it, and finish puts it there whole. The web edition's backup is a
// browser download built in the page, so these answer UNSUPPORTED there.
import type { NamespaceHandlers } from '@shared/contract'
import { BackupFiles } from '../services/backup/backup-files'
import type { ChannelDeps } from './deps'
import { pieceHandlers } from './pieces'

export function backupChannels({ chooseBackupFile }: ChannelDeps, files = new BackupFiles()): NamespaceHandlers<'backup'> {
  const pieces = pieceHandlers(files, 'backup', chooseBackupFile, 'The web edition saves backups as browser downloads.')
  return { 'backup.begin': pieces.begin, 'backup.append': pieces.append, 'backup.finish': pieces.finish, 'backup.abort': pieces.abort }
}
