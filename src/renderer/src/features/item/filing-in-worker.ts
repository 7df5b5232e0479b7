// The window's side of filing many papers in a worker (filing-elsewhere.ts): each change in a worker of its own,
// stopped after it; the write's events are emitted here once it has committed, as a write of the window's would emit
// them. Where there is no Worker (unit tests in Node), or the worker fails before it says anything (its script could not
// be loaded: the web edition's page cut off from its server), the change runs here.
import { ServiceError } from '@shared/result'
import { EventsArriving } from '../../library/events-in-pieces'
import type { NeurorefDb } from '../../library/schema'
import type { ChangeOptions } from '../../library/write'
import { fileHere, type FilingChange, type FilingReply, type FilingRequest } from './filing-elsewhere'

const STOPPED = 'the change stopped unexpectedly'

function inWorker(db: NeurorefDb, request: FilingRequest, { progress }: ChangeOptions): Promise<number> {
  const worker = new Worker(new URL('./filing.worker.ts', import.meta.url), { type: 'module', name: 'filing' })
  const arriving = new EventsArriving()
  // nothing commits before the worker's first reply (its one transaction commits after the last chunk, and each chunk is
  // followed by its progress), so a worker that fails before it replies leaves the change to the window
  let heard = false
  return new Promise<number>((resolve, reject) => {
    worker.onmessage = ({ data: reply }: MessageEvent<FilingReply>) => {
      heard = true
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
      if (!heard) fileHere(db, request, { progress }).then(resolve, reject)
      else reject(new Error(event.message || STOPPED))
    }
    worker.postMessage(request)
  })
}

/** The change made in a worker; returns how many papers it changed. */
function filed(db: NeurorefDb, change: FilingChange, ids: string[], options: ChangeOptions): Promise<number> {
  if (typeof Worker === 'undefined') return fileHere(db, { ...change, ids }, options)
  return inWorker(db, { ...change, dbName: db.name, ids }, options)
}

/** Moves papers to the Trash (library/trash.ts, moveToTrash), in a worker; returns how many moved. */
export const moveToTrashInWorker = (db: NeurorefDb, ids: string[], options: ChangeOptions = {}): Promise<number> => filed(db, { change: 'moved' }, ids, options)

/** Takes papers out of the Trash (library/trash.ts, restoreFromTrash), in a worker; returns how many came back. */
export const restoreFromTrashInWorker = (db: NeurorefDb, ids: string[], options: ChangeOptions = {}): Promise<number> =>
  filed(db, { change: 'restored' }, ids, options)

/** Adds papers to a collection (library/collections.ts, addItemsToCollection), in a worker; returns how many it gained. */
export const addToCollectionInWorker = (db: NeurorefDb, collectionId: string, ids: string[], options: ChangeOptions = {}): Promise<number> =>
  filed(db, { change: 'filed', collectionId }, ids, options)
