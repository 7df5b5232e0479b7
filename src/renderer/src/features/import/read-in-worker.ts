// Runs the parse step in a Web Worker, one per file: the window stays
// responsive whatever the file holds, and a file that still takes too long
// is stopped (terminating the worker frees all it allocated). The next
// file's worker is started when the caller's import is over (prepareReader,
// store/spare-worker.ts): started as the read finished, its script and tagger took
// CPU from the import's last batch and its announcement.
import type { Item, ItemBasics } from '@shared/model'
import type { AbstractsOnTheWay } from '../../library/abstract-bytes'
import { LIGHT } from '../../store/light-item'
import type { ReaderMessage, ReadOutcome, ReadRequest } from './read-file'
import { SpareWorker } from '../../store/spare-worker'
import { itemsFromWire } from './items-wire'
import { PapersReceiver } from './papers-for-window'

/**
 * What the window does with a file's papers as the reader sends them: `read` hears how many are ready of how many;
 * `items` takes them whole, `papers` as the window keeps them where a writer worker has them whole (`request.writer`):
 * their light copies (marked as such) and their abstracts (paper n's at `n` in the block).
 */
export interface ReadListener {
  read?(ready: number, total: number): void
  items?(items: Item[]): void
  papers?(papers: ItemBasics[], abstracts: AbstractsOnTheWay): void
}

/** A read file; without a listener taking the papers, its records come at the end as items ready to store (index fields, peptide tags). */
export type ReadInWorkerOutcome = ReadOutcome & { items?: Item[] }

/** Generous: a 100,000-entry library reads in well under a minute here. */
const READ_TIME_LIMIT_MS = 180_000

/** A spare reader is kept this long after a read (a researcher importing files one after another), then stopped. */
const SPARE_IDLE_MS = 120_000

const readers = new SpareWorker(
  () => new Worker(new URL('./read-file.worker.ts', import.meta.url), { type: 'module', name: 'read bibliography file' }),
  SPARE_IDLE_MS
)

/** Starts a reader ahead of a file about to be chosen or dropped (the pointer on Import file, files dragged over the window, an import just over). */
export function prepareReader(): void {
  readers.prepare()
}

/** `request.bytes` is handed to the worker (bytes: their buffer is detached here; a file: the worker reads it). */
export function readInWorker(request: ReadRequest, listener: ReadListener = {}, limitMs = READ_TIME_LIMIT_MS): Promise<ReadInWorkerOutcome> {
  return new Promise(resolve => {
    const kept: Item[] = []
    const take = listener.items ?? (items => kept.push(...items))
    // parsed with the mark of the light copies the store keeps (store/light-item.ts) in place, not given it after
    const receiver = new PapersReceiver(LIGHT)
    let ready = 0
    let total = 0
    let finished = false
    let stop = () => undefined as void
    const finish = (outcome: ReadInWorkerOutcome) => {
      if (finished) return
      finished = true
      stop()
      resolve(outcome)
    }
    const receive = (message: ReaderMessage) => {
      if (finished) return
      if (message.kind === 'read') total = message.total
      else if (message.kind === 'items') {
        const items = itemsFromWire(message.json)
        take(items)
        listener.read?.((ready += items.length), Math.max(total, ready))
      } else if (message.kind === 'papers') {
        const papers = receiver.papers(message)
        listener.papers?.(papers, message.abstracts)
        listener.read?.((ready += papers.length), Math.max(total, ready))
      } else if (!message.outcome.ok || listener.items) finish(message.outcome)
      // the items are the records, with what the library adds
      else finish({ ok: true, result: { ...message.outcome.result, records: kept }, items: kept })
    }
    // no Worker (unit tests in Node): read here, the same messages
    if (typeof Worker === 'undefined') return void import('./read-file').then(({ readAndSend }) => readAndSend(request, receive))
    const worker = readers.take()
    const timer = setTimeout(
      () => finish({ ok: false, sentence: `Reading ${request.name} took longer than ${Math.round(limitMs / 60_000)} minutes, so it was stopped.` }),
      limitMs
    )
    stop = () => {
      clearTimeout(timer)
      worker.terminate()
    }
    worker.onmessage = (event: MessageEvent<ReaderMessage>) => receive(event.data)
    // the worker script could not start or crashed (out of memory): say so rather than wait for the time limit
    worker.onerror = event => {
      event.preventDefault()
      finish({ ok: false, sentence: `${request.name} could not be read (${event.message || 'the reader stopped unexpectedly'}).` })
    }
    // handed over, not copied: the window has no more use for the bytes (a file crosses as a handle)
    const bytes = request.bytes instanceof Uint8Array ? [request.bytes.buffer] : []
    worker.postMessage(request, request.writer ? [...bytes, request.writer] : bytes)
  })
}
