// The window's side of writing a backup in a Web Worker (backup.worker.ts):
// reading 100,000 papers' rows and turning them into lines took the window a
// long task per page. Each piece arrives as a Blob; `onPiece` keeps or sends
// it, and the worker writes the next one when it is done. Where there is no
// Worker (unit tests in Node) the backup is written here.
import { writeBackup } from '../../library/backup'
import type { TableCounts } from '../../library/backup-lines'
import type { NeurorefDb } from '../../library/schema'

export type BackupStep = { kind: 'write'; dbName: string; appVersion: string; now: string } | { kind: 'taken' }

export type BackupReply = { kind: 'piece'; piece: Blob } | { kind: 'done'; counts: TableCounts } | { kind: 'failed'; message: string }

/** Writes `db`'s backup, piece by piece to `onPiece` (awaited before the next); the rows written per table. */
export function writeBackupInWorker(db: NeurorefDb, appVersion: string, now: Date, onPiece: (piece: Blob) => Promise<void>): Promise<TableCounts> {
  if (typeof Worker === 'undefined') return writeBackup(db, appVersion, text => onPiece(new Blob([text])), now)
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'backup' })
    const fail = (error: unknown): void => {
      worker.terminate()
      reject(error instanceof Error ? error : new Error(String(error)))
    }
    worker.onmessage = (event: MessageEvent<BackupReply>) => {
      const reply = event.data
      if (reply.kind === 'piece') {
        onPiece(reply.piece).then(() => worker.postMessage({ kind: 'taken' } satisfies BackupStep), fail)
        return
      }
      worker.terminate()
      if (reply.kind === 'done') resolve(reply.counts)
      else reject(new Error(reply.message))
    }
    worker.onerror = event => {
      event.preventDefault()
      fail(new Error(event.message || 'the backup stopped unexpectedly'))
    }
    worker.postMessage({ kind: 'write', dbName: db.name, appVersion, now: now.toISOString() } satisfies BackupStep)
  })
}
