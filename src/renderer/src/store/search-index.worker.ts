// Brings the saved search index up to date (library/index-job.ts) away from
// the window: tokenising a large library takes tens of seconds. Answers with
// progress while rebuilding, then the index itself as soon as it is had, if the window wants it (its
// arrays transferred, a copy if this worker saves it next: `handedOver` in
// index-jobs.ts; the window puts it in use meanwhile), then what was done to
// the light form once both are saved. At a first open it indexes the rows the
// rows worker reads, sent on to it (library/rows-for-index.ts), not reading them again.
import { currentIndex, keptIndexCurrent } from '../library/index-job'
import { readSavedIndex, type SavedIndex } from '../library/saved-index'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { rowsFrom } from '../library/rows-for-index'
import { handedOver, type IndexJobReply, type IndexJobRequest, type ReaderStoppedNote } from './index-jobs'
import type { ReadAhead } from './index-worker-start'

const post = (reply: IndexJobReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer)

// the window says so when the rows worker fails or dies before its last row (a worker killed says nothing on the channel)
const readerStopped = new AbortController()

// the saved index, read as the page started this worker, before the window asked (index-worker-start.ts)
let ahead: { dbName: string; db: NeurorefDb; saved: Promise<SavedIndex> } | undefined

function readAhead(dbName: string): void {
  const db = openLibrary(dbName)
  const saved = readSavedIndex(db)
  // a read that fails is the job's to report, when it asks for it
  saved.catch(() => undefined)
  ahead = { dbName, db, saved }
}

/** The database to work on, and its saved index if it was read ahead for a job that hands the index back. */
function takeAhead(dbName: string, handBack: boolean): { db: NeurorefDb; saved?: Promise<SavedIndex> } {
  const read = ahead
  ahead = undefined
  if (read?.dbName !== dbName) {
    read?.db.close()
    return { db: openLibrary(dbName) }
  }
  return handBack ? read : { db: read.db }
}

self.onmessage = async (event: MessageEvent<IndexJobRequest | ReaderStoppedNote | ReadAhead>) => {
  if ('kind' in event.data) return event.data.kind === 'read ahead' ? readAhead(event.data.dbName) : readerStopped.abort()
  const { dbName, handBack, rows } = event.data
  const { db, saved } = takeAhead(dbName, handBack)
  try {
    const options = {
      saved,
      rows: rows && rowsFrom({ port: rows, readerStopped: readerStopped.signal }),
      onProgress: (done: number, total: number) => post({ kind: 'progress', done, total })
    }
    // a window that keeps its own index is told what was done, without it (and after a filing-only change no part is read)
    const result = handBack
      ? await currentIndex(db, {
          ...options,
          onIndex: built => {
            const { index, transfer } = handedOver(built)
            post({ kind: 'index', index }, transfer)
          }
        })
      : await keptIndexCurrent(db, {
          ...options,
          // what was done, named field by field: an index caught up or rebuilt is had here too, and is not to be copied
          onIndex: ({ seq, how, reason }) => post({ kind: 'saved', index: { seq, how, reason } })
        })
    post({ kind: 'done', light: result.light })
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  } finally {
    db.close()
    rows?.close()
  }
}
