// Filing many papers — moving them to the Trash and back, adding them to a collection — done by a worker
// (filing.worker.ts) on the same database: reading, changing and saving a whole library's rows on the window's thread
// was most of its long tasks (IndexedDB copying rows in and out, and collecting them: 38 over 50 ms trashing 30,000
// papers, traced at load 11). The worker makes the change as the window would (library/trash.ts, collections.ts: the
// same transaction, log entry and events) and hands the window what it says: how far it has got, then the write's
// events, which the window emits as its own writes' (events-in-pieces.ts).
import { ServiceError, type ErrorCode } from '@shared/result'
import { sendApart, type EventsCrossing, type ListPiece } from '../../library/events-in-pieces'
import type { LibraryEvent } from '../../library/events'
import type { NeurorefDb } from '../../library/schema'
import { moveToTrash, restoreFromTrash } from '../../library/trash'
import { addItemsToCollection } from '../../library/collections'
import type { ChangeOptions } from '../../library/write'

export type FilingChange = { change: 'moved' | 'restored' } | { change: 'filed'; collectionId: string }

export type FilingRequest = FilingChange & { dbName: string; ids: string[] }

export type FilingReply =
  /** the share of the change done, 0 to 1 (said once for each whole percent) */
  | { kind: 'progress'; done: number }
  | ({ kind: 'piece' } & ListPiece)
  /** committed: how many papers it changed, and the events of its write */
  | { kind: 'done'; changed: number; events: EventsCrossing }
  | { kind: 'failed'; message: string; code?: ErrorCode }

/** The change asked for, made on `db` (where there is no worker, the window's own). */
export function fileHere(db: NeurorefDb, request: FilingChange & { ids: string[] }, options: ChangeOptions): Promise<number> {
  if (request.change === 'filed') return addItemsToCollection(db, request.collectionId, request.ids, options)
  return (request.change === 'moved' ? moveToTrash : restoreFromTrash)(db, request.ids, options)
}

/** Makes the change on `db` (the worker's own connection), telling `reply` how far it has got and what it wrote. */
export async function fileElsewhere(db: NeurorefDb, request: FilingRequest, reply: (message: FilingReply) => void): Promise<void> {
  const written: (readonly LibraryEvent[])[] = []
  const stop = db.events.subscribe(events => written.push(events))
  let said = -1
  const progress = (done: number): void => {
    const percent = Math.floor(done * 100)
    if (percent > said) reply({ kind: 'progress', done: (said = percent) / 100 })
  }
  try {
    const changed = await fileHere(db, request, { progress })
    const events = sendApart(written, piece => reply({ kind: 'piece', ...piece }))
    reply({ kind: 'done', changed, events })
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error), code: error instanceof ServiceError ? error.code : undefined })
  } finally {
    stop()
  }
}
