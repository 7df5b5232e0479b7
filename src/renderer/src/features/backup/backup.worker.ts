// Writes a library backup off the window's thread: the rows read a page of
// 2,000 at a time and turned into lines (library/backup.ts) here, each piece
// of a few million characters handed to the window as a Blob (a handle: the
// window copies nothing) and the next one written once the window has taken
// it, so pieces never pile up while the desktop app saves them.
import { writeBackup } from '../../library/backup'
import { openLibrary } from '../../library/schema'
import type { BackupStep, BackupReply } from './backup-in-worker'

const scope = self as unknown as { onmessage: (event: MessageEvent<BackupStep>) => void; postMessage(data: BackupReply): void }

let taken: (() => void) | undefined

scope.onmessage = async event => {
  const message = event.data
  if (message.kind === 'taken') return taken?.()
  const db = openLibrary(message.dbName)
  try {
    const sink = (text: string): Promise<void> =>
      new Promise(resolve => {
        taken = resolve
        scope.postMessage({ kind: 'piece', piece: new Blob([text]) })
      })
    const counts = await writeBackup(db, message.appVersion, sink, new Date(message.now))
    scope.postMessage({ kind: 'done', counts })
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  } finally {
    db.close()
  }
}
