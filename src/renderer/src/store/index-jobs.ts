// Where index jobs run: in a Web Worker in the app (a new one per job,
// terminated after, so its memory goes with it), here in unit tests (Node has
// no Worker). Both run library/index-job.ts against the same database.
import { currentIndex, type IndexJobResult } from '../library/index-job'
import type { NeurorefDb } from '../library/schema'

export interface IndexJobRequest {
  dbName: string
}

export type IndexJobReply = { kind: 'progress'; done: number; total: number } | { kind: 'done'; result: IndexJobResult } | { kind: 'failed'; message: string }

export type IndexJobs = (db: NeurorefDb, onProgress?: (done: number, total: number) => void) => Promise<IndexJobResult>

export const inThisThread: IndexJobs = (db, onProgress) => currentIndex(db, { onProgress })

const inWorker: IndexJobs = (db, onProgress) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-index.worker.ts', import.meta.url), { type: 'module', name: 'search index' })
    const finish = () => worker.terminate()
    worker.onmessage = (event: MessageEvent<IndexJobReply>) => {
      const reply = event.data
      if (reply.kind === 'progress') return onProgress?.(reply.done, reply.total)
      finish()
      if (reply.kind === 'done') resolve(reply.result)
      else reject(new Error(reply.message))
    }
    worker.onerror = event => {
      event.preventDefault()
      finish()
      reject(new Error(event.message || 'the search index worker stopped unexpectedly'))
    }
    worker.postMessage({ dbName: db.name } satisfies IndexJobRequest)
  })

export const defaultIndexJobs: IndexJobs = typeof Worker === 'undefined' ? inThisThread : inWorker
