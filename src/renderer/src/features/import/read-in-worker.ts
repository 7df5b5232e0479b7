// Runs the parse step in a Web Worker, one per file: the window stays
// responsive whatever the file holds, and a file that still takes too long
// is stopped (terminating the worker frees all it allocated). The next
// file's worker is started as this one finishes (spare-worker.ts).
import type { Item } from '@shared/model'
import { readFileInWords, type ReadOutcome, type ReadRequest } from './read-file'
import { SpareWorker } from './spare-worker'
import { itemsFromWire } from './items-wire'

/** What the reader worker sends: how many papers the file holds, the papers a few hundred at a time, then how the read went. */
export type ReaderMessage = { kind: 'read'; total: number } | { kind: 'items'; json: string } | { kind: 'done'; outcome: ReadOutcome }

/** Papers made ready so far out of those the file holds, told as they arrive from the worker. */
export type ReadProgress = (ready: number, total: number) => void

/** A read file; from the worker, its records come as items ready to store (index fields, peptide tags). */
export type ReadInWorkerOutcome = ReadOutcome & { items?: Item[] }

/** Generous: a 100,000-entry library reads in well under a minute here. */
const READ_TIME_LIMIT_MS = 180_000

/** A spare reader is kept this long after a read (a researcher importing files one after another), then stopped. */
const SPARE_IDLE_MS = 120_000

const readers = new SpareWorker(
  () => new Worker(new URL('./read-file.worker.ts', import.meta.url), { type: 'module', name: 'read bibliography file' }),
  SPARE_IDLE_MS
)

/** Starts a reader ahead of a file about to be chosen or dropped (the pointer on Import file, files dragged over the window). */
export function prepareReader(): void {
  if (typeof Worker !== 'undefined') readers.prepare()
}

/** `request.bytes` is handed to the worker (its buffer is detached here). */
export function readInWorker(request: ReadRequest, onProgress?: ReadProgress, limitMs = READ_TIME_LIMIT_MS): Promise<ReadInWorkerOutcome> {
  // no Worker (unit tests in Node): read here
  if (typeof Worker === 'undefined') return Promise.resolve(readFileInWords(request))
  return new Promise(resolve => {
    const worker = readers.take()
    const items: Item[] = []
    let total = 0
    const finish = (outcome: ReadInWorkerOutcome) => {
      clearTimeout(timer)
      worker.terminate()
      readers.prepare()
      resolve(outcome)
    }
    const timer = setTimeout(
      () => finish({ ok: false, sentence: `Reading ${request.name} took longer than ${Math.round(limitMs / 60_000)} minutes, so it was stopped.` }),
      limitMs
    )
    worker.onmessage = (event: MessageEvent<ReaderMessage>) => {
      const message = event.data
      if (message.kind === 'read') total = message.total
      else if (message.kind === 'items') {
        items.push(...itemsFromWire(message.json))
        onProgress?.(items.length, total)
      } else if (!message.outcome.ok) finish(message.outcome)
      // the items are the records, with what the library adds
      else finish({ ok: true, result: { ...message.outcome.result, records: items }, items })
    }
    // the worker script could not start or crashed (out of memory): say so rather than wait for the time limit
    worker.onerror = event => {
      event.preventDefault()
      finish({ ok: false, sentence: `${request.name} could not be read (${event.message || 'the reader stopped unexpectedly'}).` })
    }
    // handed over, not copied: the window has no more use for the bytes
    worker.postMessage(request, [request.bytes.buffer])
  })
}
