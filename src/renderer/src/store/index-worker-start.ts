// The search index's worker, started as the page's first module runs and told which library to read, so it reads the
// saved index while the window's other modules load and run, its database opens and its first page is read: created
// from the library store as it loaded, its script began 250-450 ms after the page (traced reopens at 100,000 papers)
// and it read nothing until the store asked for the index. The store's first index job takes this worker
// (index-jobs.ts): one worker, one read.

import { marked } from './opening-marks'

/** Sent before the job: the library whose saved index to read now (search-index.worker.ts). */
export interface ReadAhead {
  kind: 'read ahead'
  dbName: string
}

export function newIndexWorker(): Worker {
  marked('index worker started')
  return new Worker(new URL('./search-index.worker.ts', import.meta.url), { type: 'module', name: 'search index' })
}

/** Not taken by then (no library store opened), it is stopped with what it read. */
const UNTAKEN_MS = 60_000

let early: { worker: Worker; timer: ReturnType<typeof setTimeout> } | undefined

/** Starts the worker for the library `dbName` (where workers exist: not in Node's tests). */
export function startIndexWorkerEarly(dbName: string): void {
  if (early || typeof Worker === 'undefined') return
  const worker = newIndexWorker()
  // one whose script fails to load is dropped: the store starts another
  worker.onerror = event => {
    event.preventDefault()
    if (early?.worker === worker) dropEarly()?.terminate()
  }
  early = { worker, timer: setTimeout(() => dropEarly()?.terminate(), UNTAKEN_MS) }
  worker.postMessage({ kind: 'read ahead', dbName } satisfies ReadAhead)
}

/** The worker started early, once: it has begun reading its library's saved index. */
export function takeEarlyIndexWorker(): Worker | undefined {
  const worker = dropEarly()
  if (worker) worker.onerror = null
  return worker
}

function dropEarly(): Worker | undefined {
  const worker = early?.worker
  clearTimeout(early?.timer)
  early = undefined
  return worker
}
