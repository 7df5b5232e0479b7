// The window's side of moving papers to the Trash and back (trash-elsewhere.ts): each change in a worker of its own,
// stopped after it; the write's events are emitted here once it has committed, as a write of the window's would emit
// them. Where there is no Worker (unit tests in Node) the change runs here.
import { ServiceError } from '@shared/result'
import { EventsArriving } from '../../library/events-in-pieces'
import type { NeurorefDb } from '../../library/schema'
import { moveToTrash, restoreFromTrash } from '../../library/trash'
import type { ChangeOptions } from '../../library/write'
import type { TrashReply, TrashRequest } from './trash-elsewhere'

const STOPPED = 'the change stopped unexpectedly'

function inWorker(db: NeurorefDb, request: TrashRequest, { progress }: ChangeOptions): Promise<number> {
  const worker = new Worker(new URL('./trash.worker.ts', import.meta.url), { type: 'module', name: 'trash' })
  const arriving = new EventsArriving()
  return new Promise<number>((resolve, reject) => {
    worker.onmessage = ({ data: reply }: MessageEvent<TrashReply>) => {
      if (reply.kind === 'progress') return progress?.(reply.done)
      if (reply.kind === 'piece') return arriving.piece(reply)
      worker.terminate()
      if (reply.kind === 'failed') return reject(reply.code ? new ServiceError(reply.code, reply.message) : new Error(reply.message))
      for (const events of arriving.events(reply.events)) db.events.emit(events)
      resolve(reply.changed)
    }
    worker.onerror = event => {
      event.preventDefault()
      worker.terminate()
      reject(new Error(event.message || STOPPED))
    }
    worker.postMessage(request)
  })
}

/** Moves papers to the Trash (library/trash.ts, moveToTrash), in a worker; returns how many moved. */
export function moveToTrashInWorker(db: NeurorefDb, ids: string[], options: ChangeOptions = {}): Promise<number> {
  if (typeof Worker === 'undefined') return moveToTrash(db, ids, options)
  return inWorker(db, { dbName: db.name, change: 'moved', ids }, options)
}

/** Takes papers out of the Trash (library/trash.ts, restoreFromTrash), in a worker; returns how many came back. */
export function restoreFromTrashInWorker(db: NeurorefDb, ids: string[], options: ChangeOptions = {}): Promise<number> {
  if (typeof Worker === 'undefined') return restoreFromTrash(db, ids, options)
  return inWorker(db, { dbName: db.name, change: 'restored', ids }, options)
}
