// Writes a library backup where the researcher keeps it, a few million
// characters at a time (never the whole library in one string). Desktop: the
// save dialog, then the pieces go to main (backup.* channels), which puts
// the file in place whole. Web edition: the pieces become a Blob the browser
// downloads (the browser keeps large Blobs on disk, not in the page). The
// lines are written in a Web Worker (backup-in-worker.ts); the window only
// passes its pieces on.
import { orThrow } from '@shared/result'
import { api, db } from '../../root'
import { edition } from '../../transport'
import { backupFileName } from '../../library/backup'
import type { TableCounts } from '../../library/backup-lines'
import { downloadBlob } from '../export'
import { writeBackupInWorker } from './backup-in-worker'

export interface SavedBackup {
  /** where it went: a path on the desktop, the file name of the download in the web edition */
  where: string
  counts: TableCounts
}

async function appVersion(): Promise<string> {
  const info = await api['app.info'](undefined)
  return info.ok ? info.value.version : 'unknown'
}

/** Backs up the library; null when the researcher cancelled the save dialog. Throws a sentence. */
export async function saveBackup(now = new Date()): Promise<SavedBackup | null> {
  const name = backupFileName(now)
  const version = await appVersion()
  if (edition !== 'desktop') {
    const parts: Blob[] = []
    const counts = await writeBackupInWorker(db, version, now, async piece => void parts.push(piece))
    downloadBlob(name, new Blob(parts, { type: 'application/x-ndjson' }))
    return { where: name, counts }
  }
  const begun = orThrow(await api['backup.begin']({ suggestedName: name }))
  if (!begun) return null
  try {
    const counts = await writeBackupInWorker(db, version, now, async piece => orThrow(await api['backup.append']({ id: begun.id, text: await piece.text() })))
    const { path } = orThrow(await api['backup.finish']({ id: begun.id }))
    return { where: path, counts }
  } catch (error) {
    await api['backup.abort']({ id: begun.id })
    throw error
  }
}
