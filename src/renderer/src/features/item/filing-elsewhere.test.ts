// Moving papers to the Trash and back, adding them to a collection, in a worker (filing-elsewhere.ts): the window gets what a change of its own gave —
// the rows changed, one log entry, the events a change in the window emits (whole-library-changes.test.ts), once (events-in-pieces.ts:
// a whole library's lists cross in pieces, events-in-pieces.test.ts) — and a change that fails tells the window why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSyntheticLibrary } from '../../../../../bench/synthetic-library'
import { recordOf } from '../../store/random-changes.test-support'
import { addRecordsToLibrary } from '../../library/add-paper'
import { EventsArriving } from '../../library/events-in-pieces'
import type { LibraryEvent } from '../../library/events'
import { filingOf } from '../../library/item-basics'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { createCollection } from '../../library/collections'
import { fileElsewhere, type FilingChange, type FilingReply } from './filing-elsewhere'

const PAPERS = 120

let name: string
/** the window's connection */
let db: NeurorefDb
/** the worker's */
let workers: NeurorefDb
let ids: string[]

beforeEach(async () => {
  name = `filing-elsewhere-${Math.random()}`
  db = openLibrary(name)
  workers = openLibrary(name)
  await addRecordsToLibrary(db, createSyntheticLibrary(PAPERS, 3).items.map(recordOf))
  ids = ((await db.items.toCollection().primaryKeys()) as string[]).reverse()
})
afterEach(async () => {
  workers.close()
  await db.delete()
})

/** The change made by the worker's end, its replies crossing as messages do (cloned), taken in by the window's end. */
async function inWorker(request: FilingChange & { ids: string[] }): Promise<{ changed?: number; failed?: string; said: number[]; emitted: LibraryEvent[][] }> {
  const emitted: LibraryEvent[][] = []
  const stop = db.events.subscribe(events => emitted.push([...events]))
  const said: number[] = []
  const arriving = new EventsArriving()
  let changed: number | undefined
  let failed: string | undefined
  await fileElsewhere(workers, { dbName: name, ...request }, sent => {
    const reply: FilingReply = structuredClone(sent)
    if (reply.kind === 'progress') said.push(reply.done)
    else if (reply.kind === 'piece') arriving.piece(reply)
    else if (reply.kind === 'failed') failed = reply.message
    else {
      for (const events of arriving.events(reply.events)) db.events.emit(events)
      changed = reply.changed
    }
  })
  stop()
  return { changed, failed, said, emitted }
}

describe('the Trash in a worker', () => {
  it('moves every paper to the Trash and back, the window told as by a change of its own', async () => {
    const logged = await db.changes.count()
    const moved = await inWorker({ change: 'moved', ids })

    expect(moved.changed).toBe(PAPERS)
    expect(moved.said.at(-1)).toBe(1)
    const rows = new Map((await db.items.toArray()).map(row => [row.id, row]))
    expect([...rows.values()].every(row => row.trashedAt !== undefined)).toBe(true)
    expect(moved.emitted).toHaveLength(1)
    const sorted = [...ids].sort()
    expect(moved.emitted[0]).toEqual([
      { kind: 'item', change: 'changed', ids: sorted, filing: sorted.map(id => filingOf(rows.get(id)!)) },
      { kind: 'trash', change: 'moved', ids: sorted }
    ])
    expect((await db.changes.offset(logged).toArray()).map(({ kind, change, ids }) => ({ kind, change, ids }))).toEqual([
      { kind: 'item', change: 'changed', ids: sorted }
    ])

    const restored = await inWorker({ change: 'restored', ids: ids.slice(0, 10) })
    expect(restored.changed).toBe(10)
    expect((await db.items.bulkGet(ids.slice(0, 10))).every(row => row!.trashedAt === undefined)).toBe(true)
    expect(restored.emitted[0].at(-1)).toEqual({ kind: 'trash', change: 'restored', ids: ids.slice(0, 10).sort() })
  })

  it('adds every paper to a collection; a collection gone meanwhile is said so', async () => {
    const collection = await createCollection(db, 'Everything')
    const { changed, emitted } = await inWorker({ change: 'filed', collectionId: collection.id, ids })
    expect(changed).toBe(PAPERS)
    const rows = new Map((await db.items.toArray()).map(row => [row.id, row]))
    expect([...rows.values()].every(row => row.collectionIds.includes(collection.id))).toBe(true)
    const sorted = [...ids].sort()
    expect(emitted).toEqual([[{ kind: 'item', change: 'changed', ids: sorted, filing: sorted.map(id => filingOf(rows.get(id)!)) }]])

    const gone = await inWorker({ change: 'filed', collectionId: 'no such collection', ids })
    expect(gone.failed).toMatch(/collection/i)
    expect(gone.emitted).toEqual([])
  })

  it('tells the window why a change failed, and emits nothing', async () => {
    workers.close()
    const { changed, failed, emitted } = await inWorker({ change: 'moved', ids })
    expect(changed).toBeUndefined()
    expect(failed).toMatch(/closed/i)
    expect(emitted).toEqual([])
    expect((await db.items.toArray()).some(row => row.trashedAt !== undefined)).toBe(false)
  })
})
