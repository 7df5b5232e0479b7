// A whole library filed by the filing worker (features/item/filing-in-worker.ts): its events reach the window's store
// with the papers' filing values as the columns they crossed as (events-in-pieces.ts), and the store takes each paper's
// values from them. What the researcher sees after it is what a store that read every row shows.
import { afterEach, expect, it } from 'vitest'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { addItemsToCollection, createCollection } from '../library/collections'
import { moveToTrash, restoreFromTrash } from '../library/trash'
import { EventsArriving, sendApart } from '../library/events-in-pieces'
import type { LibraryEvent } from '../library/events'
import { openedStore } from './opened-store.test-support'
import type { LibraryStore } from './library-store'

let db: NeurorefDb
let worker: NeurorefDb
afterEach(async () => {
  worker?.close()
  await db?.delete()
})

/** The change made on the worker's connection, its events crossing in pieces of 150 papers, emitted in the window. */
async function filedElsewhere(change: (db: NeurorefDb) => Promise<unknown>): Promise<void> {
  const written: LibraryEvent[][] = []
  const stop = worker.events.subscribe(events => written.push([...events]))
  await change(worker)
  stop()
  const arriving = new EventsArriving()
  const crossing = structuredClone(sendApart(written, piece => arriving.piece(structuredClone(piece)), 150))
  for (const events of arriving.events(crossing)) db.events.emit(events)
}

/** What the list shows of each paper: its light copy's fields (the mark left out), in key order. */
const shown = (store: LibraryStore): unknown[] =>
  [...store.items.values()].sort((a, b) => a.id.localeCompare(b.id)).map(item => JSON.parse(JSON.stringify(item)) as unknown)

it('shows a whole library filed, trashed and restored elsewhere as a store reading every row shows it', async () => {
  const name = `filed-elsewhere-${Math.random()}`
  db = openLibrary(name)
  worker = openLibrary(name)
  const { items } = createSyntheticLibrary(700, 5)
  await db.items.bulkAdd(items)
  const store = await openedStore(db)
  const ids = items.map(item => item.id)
  const collection = await createCollection(db, 'Everything')

  for (const change of [
    (on: NeurorefDb) => addItemsToCollection(on, collection.id, ids),
    (on: NeurorefDb) => moveToTrash(on, ids),
    (on: NeurorefDb) => restoreFromTrash(on, ids.slice(0, 400)),
    // a few papers: applied at once, not in slices
    (on: NeurorefDb) => restoreFromTrash(on, ids.slice(400, 450))
  ]) {
    await filedElsewhere(change)
    await store.settled()
    const reread = await openedStore(db)
    expect(shown(store)).toEqual(shown(reread))
  }
  expect([...store.items.values()].filter(item => item.trashedAt !== undefined)).toHaveLength(250)
  // a paper out of the Trash has no trashedAt at all, as its row
  expect(Object.keys(store.items.get(ids[0])!)).not.toContain('trashedAt')
  expect(store.items.get(ids[0])!.collectionIds).toEqual([collection.id])
})
