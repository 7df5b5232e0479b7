// Every paper's light copy, read when the library opens: in a Web Worker in
// the app, here in unit tests (Node has no Worker). It reads the saved light
// form (library/light-form.ts: a few hundred parts, saved as they cross) and the rows of the
// papers changed since; only without a usable form does it read every full
// row (abstracts, references, author details: most of a minute at 100,000
// papers) and send the window their light copies, a chunk at a time. Both go
// to the window made ready to cross (part-bytes.ts): papers read from their rows
// are packed as a part of the form is, their abstracts beside them as bytes
// (library/abstract-bytes.ts).
import type { ItemBasics } from '@shared/model'
import { recognitionHashes } from '@shared/duplicates'
import { fieldValue } from '@shared/search/fields'
import { changedPapers, lastChangeSeq } from '../library/change-log'
import { forgetLightForm, readLightMarker, readStoredParts } from '../library/light-form'
import { savedIndexMarked } from '../library/saved-index'
import type { NeurorefDb } from '../library/schema'
import { basics } from '../library/item-basics'
import { PartSender, partTransfer, type PartOnTheWay } from './part-bytes'
import { packPapers, type PackedPapers } from '../library/light-packing'
import { abstractsOnTheWay, abstractsTransfer, type AbstractsOnTheWay } from '../library/abstract-bytes'
import { RowsToIndex } from '../library/rows-for-index'

/**
 * Papers read from their rows, with their abstracts (kept while searches read papers: the form is only used when the
 * saved index is there to answer them soon) and the hashes of the keys the duplicate finder knows each by (worked out
 * by the reader, not the window).
 */
export type RowsChunk = { kind: 'rows'; items: ItemBasics[]; abstracts: (string | undefined)[]; hashes: number[][] }

/**
 * Papers for the window: a part of the saved light form (its papers, but those in `except`, changed since the form
 * was saved: they come as rows), or papers read from their rows.
 */
type FormChunk = { kind: 'packed'; part: PackedPapers; except: string[] } | RowsChunk

/** What the reader yields: papers, and before every row is read, the word that it is (for the index job). */
export type LightChunk = FormChunk | EveryRow

/** Every row is read next, from the change log's `seq` read before them (the index job builds from them: rows-for-index.ts). */
type EveryRow = { kind: 'every row'; seq: number; total: number }

/**
 * Papers as they reach the window: a part of the saved form on its way (part-bytes.ts), or papers read from their rows
 * packed as a part is, with their abstracts (none where they were not read); `toIndex` when they went on to the index
 * job too (rows-for-index.ts).
 */
export type ArrivingChunk = { kind: 'part'; part: PartOnTheWay; abstracts?: AbstractsOnTheWay; toIndex?: true }

/** What a message carrying the chunk hands over rather than copies. */
export const arrivingTransfer = (chunk: ArrivingChunk): ArrayBuffer[] =>
  partTransfer(chunk.part).concat(chunk.abstracts ? abstractsTransfer(chunk.abstracts) : [])

/** `everyRow`: read every row, with the abstracts, even when a saved form could be read; `index`: where the rows read go on to the index job */
export type LightRowsRequest = { dbName: string; everyRow?: boolean; index?: MessagePort }

export type LightRowsReply = ArrivingChunk | { kind: 'done' } | { kind: 'failed'; message: string }

const CHUNK = 1000

/**
 * Reads the rows by key, the order in one request and the next chunk read while this one is sent:
 * paging with offset() walked a cursor one row per round trip to IndexedDB (4-5 s per 5,000 rows).
 */
async function* fullRows(db: NeurorefDb, ids: string[], withAbstracts: boolean): AsyncGenerator<FormChunk> {
  const read = (start: number) => (start < ids.length ? db.items.bulkGet(ids.slice(start, start + CHUNK)) : Promise.resolve([]))
  let next = read(0)
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await next
    next = read(start + CHUNK)
    const chunk: RowsChunk = { kind: 'rows', items: [], abstracts: [], hashes: [] }
    for (const row of rows) {
      if (!row) continue // deleted since the order was read
      chunk.items.push(basics(row))
      chunk.abstracts.push(withAbstracts ? fieldValue(row, undefined, 'abstract')[0] : undefined)
      chunk.hashes.push(recognitionHashes(row))
    }
    yield chunk
  }
}

/**
 * Parts read per transaction (≈ 2.4 MB). Reading the whole form in one transaction (120 MB at 100,000 papers) held
 * IndexedDB for seconds before the window had a paper; a few parts at a time reach the window as they are read.
 */
const PARTS_PER_READ = 4

/**
 * The saved light form and the papers changed since, or null when it can't be used (missing, a part missing, behind
 * what the log holds, or no saved index). Its parts are read a few at a time, each read its own transaction, so a
 * save may commit in between: it removes the parts it replaced, never rewrites one, so a part still stored is the
 * one the marker named, and the papers of one no longer stored are read from their rows with those the log names.
 */
async function savedForm(db: NeurorefDb, partsPerRead: number): Promise<AsyncGenerator<FormChunk> | null> {
  const [form, index] = await Promise.all([readLightMarker(db), savedIndexMarked(db)])
  // a part missing (the marker and its parts disagree): the next index job builds it again
  if (form.state === 'damaged') await forgetLightForm(db, form.generation)
  if (form.state !== 'ok' || !index) return null
  const { meta } = form
  const changed = await changedPapers(db, meta)
  if ('reason' in changed) return null
  return (async function* () {
    const fromRows = new Set(changed.ids)
    let partGone = false
    // the next parts are read while these go to the window (IndexedDB sat idle between two reads)
    const read = (start: number) => readStoredParts(db, meta.parts.slice(start, start + partsPerRead))
    let next = read(0)
    for (let start = 0; start < meta.parts.length; start += partsPerRead) {
      const refs = meta.parts.slice(start, start + partsPerRead)
      const parts = await next
      if (start + partsPerRead < meta.parts.length) next = read(start + partsPerRead)
      for (const [n, part] of parts.entries()) {
        if (part !== undefined) {
          yield { kind: 'packed', part, except: refs[n].ids.filter(id => changed.ids.has(id)) }
        } else {
          for (const id of refs[n].ids) fromRows.add(id)
          partGone = true
        }
      }
    }
    // gone while the marker still names it (of another size): damaged, the next index job builds the form again
    if (partGone) await forgetLightForm(db, meta.generation)
    yield* fullRows(db, [...fromRows], false)
  })()
}

/** The saved light form's papers and the rows of those changed since, or null when it can't be used (then read the rows). */
export const savedLightForm = (db: NeurorefDb): Promise<AsyncGenerator<FormChunk> | null> => savedForm(db, PARTS_PER_READ)

/** Every paper's light copy: from the saved light form when it can be used, else (or when asked) from every row. */
export async function* readLightRows(db: NeurorefDb, everyRow = false, partsPerRead = PARTS_PER_READ): AsyncGenerator<LightChunk> {
  const saved = everyRow ? null : await savedForm(db, partsPerRead)
  if (saved) return yield* saved
  // read before the rows: a change written meanwhile is in the log after it, and the index built from them catches it up
  const seq = await lastChangeSeq(db)
  const ids = await db.items.orderBy('addedAt').primaryKeys()
  yield { kind: 'every row', seq, total: ids.length }
  yield* fullRows(db, ids, true)
}

/**
 * The chunks read, made ready to cross to the window: the saved form's parts, and papers read from their rows packed
 * as a part is (a message of 250 papers as JSON was a string the window copied, parsed and collected; their key hashes
 * a list per paper), their shared values numbered across parts. When every row is read, the same papers and
 * abstracts go on to the index job too (`toIndex`), before the window's are handed over.
 */
export async function* arriving(chunks: AsyncIterable<LightChunk>, toIndex = new RowsToIndex()): AsyncGenerator<ArrivingChunk> {
  const sender = new PartSender()
  try {
    for await (const chunk of chunks) {
      if (chunk.kind === 'every row') toIndex.everyRow(chunk.seq, chunk.total)
      else if (chunk.kind === 'packed') {
        toIndex.fromForm()
        yield { kind: 'part', part: sender.onTheWay(chunk.part, chunk.except) }
      } else {
        const papers = packPapers(chunk.items, chunk.hashes)
        const abstracts = abstractsOnTheWay(chunk.abstracts)
        toIndex.papers(papers, abstracts)
        yield { kind: 'part', part: sender.onTheWay(papers, []), abstracts, ...(toIndex.sending ? { toIndex: true } : {}) }
      }
    }
    toIndex.end()
  } finally {
    // stopped or failed part of the way: the job must not wait for rows that will not come
    toIndex.failed('the library could not be read')
  }
}

/** In unit tests (Node has no Worker): read here, made ready as the worker makes them. */
const inThisThread = (db: NeurorefDb, everyRow = false, index?: MessagePort): AsyncGenerator<ArrivingChunk> =>
  arriving(readLightRows(db, everyRow), new RowsToIndex(index))

function inWorker(db: NeurorefDb, everyRow = false, index?: MessagePort): AsyncGenerator<ArrivingChunk> {
  const worker = new Worker(new URL('./light-rows.worker.ts', import.meta.url), { type: 'module', name: 'library rows' })
  const replies: LightRowsReply[] = []
  let wake: (() => void) | undefined
  const arrive = (reply: LightRowsReply) => {
    replies.push(reply)
    wake?.()
  }
  worker.onmessage = (event: MessageEvent<LightRowsReply>) => arrive(event.data)
  worker.onerror = event => {
    event.preventDefault()
    arrive({ kind: 'failed', message: event.message || 'the worker reading the library stopped unexpectedly' })
  }
  worker.postMessage({ dbName: db.name, everyRow, index } satisfies LightRowsRequest, index ? [index] : [])
  return (async function* () {
    try {
      for (;;) {
        const reply = replies.shift()
        if (!reply) await new Promise<void>(resolve => (wake = resolve))
        else if (reply.kind === 'part') yield reply
        else if (reply.kind === 'done') return
        else throw new Error(reply.message)
      }
    } finally {
      worker.terminate()
    }
  })()
}

/** `index`: the channel to the index job, which takes the rows read when every row is read (rows-for-index.ts) */
export const lightRows: (db: NeurorefDb, everyRow?: boolean, index?: MessagePort) => AsyncGenerator<ArrivingChunk> =
  typeof Worker === 'undefined' ? inThisThread : inWorker
