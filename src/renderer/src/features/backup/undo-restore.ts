// "Undo restore": puts back the library as it was just before the latest
// restore, from the copy the restore kept (library/before-restore.ts), the
// rows written by a Web Worker. Lives
// outside the Settings section so the notification's button still works
// after Settings is closed.
import { db, store } from '../../root'
import { undoRestore } from '../../library/restore'
import { rowWorkInWorker } from './restore-in-worker'
import type { Message } from '../../components/StatusMessage'
import { problemText } from '../../messages'

const papers = (n: number): string => `${n.toLocaleString('en')} ${n === 1 ? 'paper' : 'papers'}`

/** Runs the undo and says what the library is now; `done` lets Settings refresh what it shows. */
export async function undoLastRestore(): Promise<Message> {
  try {
    const about = await undoRestore(db, () => store.settled(), rowWorkInWorker(db))
    return {
      kind: 'info',
      text: `Put back the library as it was before the restore (${papers(about.fingerprint.counts.items)}, taken ${new Date(about.takenAt).toLocaleString()}; every row checked).`
    }
  } catch (error) {
    return { kind: 'error', text: problemText(error) }
  }
}
