// Every paper's light copy, read when the library opens: in a Web Worker in
// the app, here in unit tests (Node has no Worker). Reading 100,000 full rows
// (abstracts, references, author details) and turning them into light copies
// was most of the window's work while a large library opened; the worker
// does it on another thread and sends only the light copies, a chunk at a time.
import type { ItemBasics } from '@shared/model'
import { fieldValue } from '@shared/search/fields'
import type { NeurorefDb } from '../library/schema'
import { basics } from './light-item'

/** Papers in the order they were added: their light fields and abstracts (kept while searches read papers). */
export interface LightChunk {
  items: ItemBasics[]
  abstracts: (string | undefined)[]
}

export type LightRowsRequest = { dbName: string }

export type LightRowsReply = { kind: 'chunk'; chunk: LightChunk } | { kind: 'done' } | { kind: 'failed'; message: string }

const CHUNK = 1000

/**
 * Reads the rows by key, the order in one request and the next chunk read while this one is sent:
 * paging with offset() walked a cursor one row per round trip to IndexedDB (4-5 s per 5,000 rows).
 */
export async function* readLightRows(db: NeurorefDb): AsyncGenerator<LightChunk> {
  const ids = await db.items.orderBy('addedAt').primaryKeys()
  const read = (start: number) => (start < ids.length ? db.items.bulkGet(ids.slice(start, start + CHUNK)) : Promise.resolve([]))
  let next = read(0)
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await next
    next = read(start + CHUNK)
    const chunk: LightChunk = { items: [], abstracts: [] }
    for (const row of rows) {
      if (!row) continue // deleted since the order was read
      chunk.items.push(basics(row))
      chunk.abstracts.push(fieldValue(row, undefined, 'abstract')[0])
    }
    yield chunk
  }
}

function inWorker(db: NeurorefDb): AsyncGenerator<LightChunk> {
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
  worker.postMessage({ dbName: db.name } satisfies LightRowsRequest)
  return (async function* () {
    try {
      for (;;) {
        const reply = replies.shift()
        if (!reply) await new Promise<void>(resolve => (wake = resolve))
        else if (reply.kind === 'chunk') yield reply.chunk
        else if (reply.kind === 'done') return
        else throw new Error(reply.message)
      }
    } finally {
      worker.terminate()
    }
  })()
}

export const lightRows: (db: NeurorefDb) => AsyncGenerator<LightChunk> = typeof Worker === 'undefined' ? readLightRows : inWorker
