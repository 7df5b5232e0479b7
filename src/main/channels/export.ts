// export.*: the desktop save dialog writes an export where the user chooses:
// a short one (a bibliography) whole, a large one (a data export of the
// library: 100,000 papers as BibTeX pass 200 M characters) in pieces, as a
// backup is written (pieces.ts).
import type { NamespaceHandlers } from '@shared/contract'
import { BackupFiles } from '../services/backup/backup-files'
import type { ChannelDeps } from './deps'
import { pieceHandlers, safeFileName } from './pieces'
import { requireObject, requireString } from './validate'

export function exportChannels(
  { platform, chooseExportFile }: ChannelDeps,
  files = new BackupFiles(undefined, { what: 'export', again: 'Export again.' })
): NamespaceHandlers<'export'> {
  const pieces = pieceHandlers(files, 'export', chooseExportFile, 'The web edition saves exports as browser downloads.')
  return {
    'export.saveFile': async arg => {
      const req = requireObject(arg)
      const name = requireString(req.suggestedName, 'file name', 255)
      const content = requireString(req.content, 'file content', 200_000_000)
      return platform.saveFile(safeFileName(name), content)
    },
    'export.begin': pieces.begin,
    'export.append': pieces.append,
    'export.finish': pieces.finish,
    'export.abort': pieces.abort
  }
}
