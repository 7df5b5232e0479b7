// Where index jobs run: in a Web Worker in the app (a new one per job,
// terminated after, so its memory goes with it), here in unit tests (Node has
// no Worker). Both run library/index-job.ts against the same database.
import { currentIndex, type BuiltIndex, type IndexJobResult } from '../library/index-job'
import type { NeurorefDb } from '../library/schema'

export interface IndexJobRequest {
  dbName: string
}

/** progress while rebuilding; the index (a copy: the worker saves it next); then what was done to the light form */
export type IndexJobReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'index'; index: BuiltIndex }
  | { kind: 'done'; light: IndexJobResult['light'] }
  | { kind: 'failed'; message: string }

/** A job: resolves when the index is saved and the light form current; `onIndex` has the index before that. */
export type IndexJobs = (db: NeurorefDb, onProgress?: (done: number, total: number) => void, onIndex?: (index: BuiltIndex) => void) => Promise<IndexJobResult>

export const inThisThread: IndexJobs = (db, onProgress, onIndex) => currentIndex(db, { onProgress, onIndex })

const inWorker: IndexJobs = (db, onProgress, onIndex) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-index.worker.ts', import.meta.url), { type: 'module', name: 'search index' })
    const finish = () => worker.terminate()
    let built: BuiltIndex | undefined
    worker.onmessage = (event: MessageEvent<IndexJobReply>) => {
      const reply = event.data
      if (reply.kind === 'progress') return onProgress?.(reply.done, reply.total)
      if (reply.kind === 'index') return onIndex?.((built = reply.index))
      finish()
      if (reply.kind === 'done' && built) resolve({ ...built, light: reply.light })
      else reject(new Error(reply.kind === 'failed' ? reply.message : 'the search index worker ended without an index'))
    }
    worker.onerror = event => {
      event.preventDefault()
      finish()
      reject(new Error(event.message || 'the search index worker stopped unexpectedly'))
    }
    worker.postMessage({ dbName: db.name } satisfies IndexJobRequest)
  })

export const defaultIndexJobs: IndexJobs = typeof Worker === 'undefined' ? inThisThread : inWorker
