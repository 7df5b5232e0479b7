// Where index jobs run: in a Web Worker in the app (a new one per job,
// terminated after, so its memory goes with it), here in unit tests (Node has
// no Worker). Both run library/index-job.ts against the same database.
import { currentIndex, keptIndexCurrent, type BuiltIndex, type IndexJobResult, type JobIndex } from '../library/index-job'
import { marked } from './opening-marks'
import type { NeurorefDb } from '../library/schema'
import type { IndexSnapshot } from '@shared/search/index'
import { withWordStarts } from '@shared/search/postings'
import { withRunCodes } from '@shared/search/word-runs'
import { rowsFrom, type RowsChannel } from '../library/rows-for-index'
import { newIndexWorker, takeEarlyIndexWorker } from './index-worker-start'
import { SpareWorker } from './spare-worker'
import { asBytes, bytesOf, textInSteps, type SentText } from './text-as-bytes'
import { inTurns } from './turns'

export interface IndexJobRequest {
  dbName: string
  /** false when the window keeps the index it has (a save after a change): the index is not handed back */
  handBack: boolean
  /** where the rows worker sends the rows it reads at a first open (library/rows-for-index.ts) */
  rows?: MessagePort
}

/** Sent after the request when the window sees the rows worker fail or die before its last row: the job reads the rows itself. */
export type ReaderStoppedNote = { kind: 'reader stopped' }

/** progress while rebuilding; the index (its arrays transferred: `handedOver`); then what was done to the light form */
export type IndexJobReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'index'; index: HandedIndex }
  | { kind: 'saved'; index: JobIndex }
  | { kind: 'done'; light: IndexJobResult['light'] }
  | { kind: 'failed'; message: string }

/**
 * A job: resolves when the index is saved and the light form current; `onIndex` has the index before that, and the
 * result holds it too. Without `onIndex` the window keeps the index it has (a save after a change): the worker does
 * not hand its index back (at 100,000 papers reading that message was a task of ~130 ms CPU after each whole-library
 * change), and the result says only what was done. `rows`: the other end of the rows worker's channel at open, whose
 * rows a rebuild takes rather than read them again (or reads them itself if the reader stops first).
 */
export type IndexJobs = (
  db: NeurorefDb,
  onProgress?: (done: number, total: number) => void,
  onIndex?: (index: BuiltIndex) => void,
  rows?: RowsChannel
) => Promise<JobIndex & Pick<IndexJobResult, 'light'> & { snapshot?: IndexSnapshot }>

// the channel is closed when the job ends: what the reader still sends is dropped (the saved index was loaded)
export const inThisThread: IndexJobs = (db, onProgress, onIndex, rows) =>
  (onIndex
    ? currentIndex(db, { onProgress, onIndex, rows: rows && rowsFrom(rows) })
    : keptIndexCurrent(db, { onProgress, rows: rows && rowsFrom(rows) })
  ).finally(() => rows?.port.close())

/** An index worker started ahead of its job and left unused is stopped after this long (its job comes seconds after the library opens). */
const SPARE_IDLE_MS = 60_000

// the first is the one the page started as it loaded, already reading the saved index
const indexWorkers = new SpareWorker(() => takeEarlyIndexWorker() ?? newIndexWorker(), SPARE_IDLE_MS)

/**
 * Starts the next job's worker now (as the library opens), so its script is loading while the window reads its first page:
 * started with its job, the worker took 0.5-0.7 s to begin it in traced reopens at load 15.
 */
export function prepareIndexWorker(): void {
  indexWorkers.prepare()
}

const inWorker: IndexJobs = (db, onProgress, onIndex, rows) =>
  new Promise((resolve, reject) => {
    const worker = indexWorkers.take()
    const finish = () => worker.terminate()
    let built: JobIndex | undefined
    // the index handed back, its ids and words decoded a slice at a time: the job ends once it is whole
    let received: Promise<unknown> = Promise.resolve()
    worker.onmessage = (event: MessageEvent<IndexJobReply>) => {
      const reply = event.data
      if (reply.kind === 'progress') return onProgress?.(reply.done, reply.total)
      if (reply.kind === 'index') {
        marked('index handed')
        return void (received = inTurns(receivedInSteps(reply.index)).then(index => onIndex?.((built = index))))
      }
      if (reply.kind === 'saved') return void (built = reply.index)
      finish()
      if (reply.kind === 'failed') return reject(new Error(reply.message))
      received.then(() => (built ? resolve({ ...built, light: reply.light }) : reject(new Error('the search index worker ended without an index'))), reject)
    }
    worker.onerror = event => {
      event.preventDefault()
      finish()
      reject(new Error(event.message || 'the search index worker stopped unexpectedly'))
    }
    worker.postMessage({ dbName: db.name, handBack: onIndex !== undefined, rows: rows?.port } satisfies IndexJobRequest, rows ? [rows.port] : [])
    rows?.readerStopped.addEventListener('abort', () => worker.postMessage({ kind: 'reader stopped' } satisfies ReaderStoppedNote), { once: true })
  })

export const defaultIndexJobs: IndexJobs = typeof Worker === 'undefined' ? inThisThread : inWorker

// The worker hands the window its index with its typed arrays transferred, not copied again as the window reads the
// message (a copy of tens of MB at 100,000 papers, read in one task of the window: 124 and 708 ms in two traced reopens
// at load 20). A saved index as loaded is handed over itself (the job is done with it); one caught up or built is
// copied in the worker first (it saves it next), so the copying is the worker's, not the window's.

// Its ids and words, two long strings, are sent as bytes (text-as-bytes.ts): copied as strings, they were a task of
// 1.1-1.7 s of the window's after a whole-library tag at 100,000 papers (load 3), the message read at once.

/** The index as handed to the window: its ids and words as sent (`SentText`). */
export type HandedIndex = Omit<BuiltIndex, 'snapshot'> & {
  snapshot: Omit<IndexSnapshot, 'ids' | 'postings'> & { ids: SentText; postings: Omit<IndexSnapshot['postings'], 'words'> & { words: SentText } }
}

/** The index and the buffers a message carrying it transfers. */
export function handedOver(index: BuiltIndex): { index: HandedIndex; transfer: ArrayBuffer[] } {
  const kept = index.how === 'loaded' ? index.snapshot : copied(index.snapshot)
  // where each word begins and the runs' table of codes, made here: the window restores the index without making them
  // on its thread (0.1 s of looking for NULs and a 127 ms task at the first phrase in a traced reopen at load 19)
  const made = { ...kept, postings: withWordStarts(kept.postings), runs: withRunCodes(kept.runs) }
  const { years, postings, runs } = made
  const ids = asBytes(made.ids)
  const words = asBytes(postings.words)
  const arrays = [years, postings.offsets, postings.entries, postings.starts!, runs.starts, runs.lengths, runs.words, runs.codes!, ...runs.pages]
  // one buffer may hold several arrays (read from one stored value): each is transferred once
  const transfer = [...new Set([...arrays.map(array => array.buffer as ArrayBuffer), ...bytesOf(ids), ...bytesOf(words)])]
  return { index: { ...index, snapshot: { ...made, ids, postings: { ...postings, words } } }, transfer }
}

/** The index handed over, its ids and words as strings again, decoded a step at a time (yield). */
export function* receivedInSteps(handed: HandedIndex): Generator<void, BuiltIndex> {
  const { snapshot } = handed
  const ids = yield* textInSteps(snapshot.ids)
  const words = yield* textInSteps(snapshot.postings.words)
  return { ...handed, snapshot: { ...snapshot, ids, postings: { ...snapshot.postings, words } } }
}

function copied(snapshot: IndexSnapshot): IndexSnapshot {
  const { years, postings, runs } = snapshot
  return {
    ids: snapshot.ids,
    years: years.slice(),
    postings: { words: postings.words, offsets: postings.offsets.slice(), entries: postings.entries.slice() },
    runs: { pages: runs.pages.map(page => page.slice()), starts: runs.starts.slice(), lengths: runs.lengths.slice(), words: runs.words.slice() }
  }
}
