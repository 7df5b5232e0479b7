// A restore's saved forms (library/restored-forms.ts) made by a second worker while the restore's worker writes the
// rows: the two talk over a MessagePort. The rows' worker says where the forms begin once it has emptied the tables,
// and that every row is written once it has; the forms' worker reads the backup's file again meanwhile, and answers
// once the forms are saved (or why they could not be). On one worker the forms took ≈ 50 s more at 100,000 papers.
import type { RowPage } from '../../library/library-pages'
import { formsOfPages, type FormsStart, type MakeForms } from '../../library/restored-forms'
import type { NeurorefDb } from '../../library/schema'
import type { WorkerAnswer } from '../../worker-answer'

/** What the window sends the forms' worker: the library, the backup's file, and its end of the rows' worker's port. */
export interface FormsRequest {
  dbName: string
  file: Blob
  port: MessagePort
}

type FormsMessage = { kind: 'start'; start: FormsStart } | { kind: 'rows written' }

/** The rows' side: forms made at the other end of `port`; the last row written, it waits for them to be saved. */
export function formsElsewhere(port: MessagePort): MakeForms {
  const saved = new Promise<void>((resolve, reject) => {
    port.onmessage = (event: MessageEvent<WorkerAnswer<object>>) => (event.data.ok ? resolve() : reject(new Error(event.data.message)))
  })
  // a failure before the rows are written is said when the restore waits for the forms
  saved.catch(() => undefined)
  const send = (message: FormsMessage): void => port.postMessage(message)
  return start => {
    send({ kind: 'start', start })
    return {
      take: async () => undefined,
      commit: async () => {
        send({ kind: 'rows written' })
        await saved
      }
    }
  }
}

/** The forms' side: once told where they begin, makes them from `pages` (the backup read again) and answers on `port`. */
export function makeFormsOnPort(port: MessagePort, db: NeurorefDb, pages: () => AsyncIterable<RowPage>): Promise<void> {
  let rowsWritten = (): void => undefined
  const written = new Promise<void>(resolve => (rowsWritten = resolve))
  return new Promise(done => {
    port.onmessage = (event: MessageEvent<FormsMessage>) => {
      if (event.data.kind === 'rows written') return rowsWritten()
      formsOfPages(db, pages(), event.data.start, written)
        .then(
          () => port.postMessage({ ok: true } satisfies WorkerAnswer<object>),
          (error: unknown) => port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerAnswer<object>)
        )
        .finally(done)
    }
  })
}
