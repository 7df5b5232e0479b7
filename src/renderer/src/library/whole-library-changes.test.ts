// Tagging, filing, trashing and restoring many papers at once (a whole library selected): the rows are read and
// written a chunk at a time, and what the researcher gets is what one change of every paper gave — each paper's tags,
// collections and Trash, one event and one change-log entry per change, Undo — and a failure part of the way through
// leaves the library as it was.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Item } from '@shared/model'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { recordOf } from '../store/random-changes.test-support'
import { addRecordsToLibrary } from './add-paper'
import { addItemsToCollection, createCollection } from './collections'
import { putBack } from './edit'
import { filingOf, isFilingField } from './item-basics'
import { filedObjects } from './filing-columns'
import type { Replaced } from './replaced'
import type { LibraryEvent } from './events'
import { openLibrary, type NeurorefDb } from './schema'
import { addTag } from './tags'
import { changesSince, lastChangeSeq } from './change-log'
import { touchedIds } from '../sync/rows'
import { moveToTrash, restoreFromTrash } from './trash'

/** more papers than the chunks under way at once hold (4 of 50) */
const PAPERS = 430

let db: NeurorefDb
let ids: string[]
let events: LibraryEvent[]

beforeEach(async () => {
  db = openLibrary(`whole-library-${Math.random()}`)
  await addRecordsToLibrary(db, createSyntheticLibrary(PAPERS, 7).items.map(recordOf))
  // the list's order, not the ids'
  ids = ((await db.items.toCollection().primaryKeys()) as string[]).reverse()
  events = []
  db.events.subscribe(emitted => events.push(...emitted))
})
afterEach(() => db?.delete())

const rows = async (): Promise<Map<string, Item>> => new Map((await db.items.toArray()).map(item => [item.id, item]))
const logged = (): Promise<number> => db.changes.count()

/** Each row as it was, but for the fields the change makes; `changed` the papers it should change. */
function expectChanged(before: Map<string, Item>, after: Map<string, Item>, changed: Set<string>, make: (item: Item) => Item): void {
  expect(after.size).toBe(before.size)
  for (const [id, was] of before) expect(after.get(id)).toEqual(changed.has(id) ? make(was) : was)
}

describe('a change of a whole library, a chunk at a time', () => {
  it('tags every paper that lacks the tag, in one event and one log entry, saying how far it has got; Undo gives every row back', async () => {
    await addTag(db, ids.slice(0, 30), 'Whole library')
    events = []
    const before = await rows()
    let undo: Replaced[] = []
    const entries = await logged()
    const said: number[] = []

    expect(await addTag(db, ids, 'whole library', { progress: done => said.push(done), replaced: replaced => (undo = replaced) })).toBe(PAPERS - 30)

    const after = await rows()
    const untagged = new Set(ids.slice(30))
    const modifiedAt = after.get(ids[30])!.modifiedAt
    expectChanged(before, after, untagged, item => ({ ...item, tags: [...item.tags, 'Whole library'], modifiedAt }))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ kind: 'item', change: 'changed', ids: [...untagged].sort() })
    expect(await logged()).toBe(entries + 1)
    expect(said.at(-1)).toBe(1)
    expect(said).toEqual([...said].sort((a, b) => a - b))

    expect(await putBack(db, undo)).toBe(PAPERS - 30)
    expect(await rows()).toEqual(before)
  })

  it('keeps for Undo only what the tag replaced, and Undo leaves what changed the papers since', async () => {
    let undo: Replaced[] = []
    await addTag(db, ids, 'whole library', { replaced: replaced => (undo = replaced) })
    // each paper's tags and when it was changed, not its abstract or record
    expect(undo).toHaveLength(PAPERS)
    for (const { fields } of undo) expect(Object.keys(fields).sort()).toEqual(['modifiedAt', 'tags'])
    const tagged = await rows()
    await moveToTrash(db, ids.slice(0, 100))
    const trashed = await rows()

    expect(await putBack(db, undo)).toBe(PAPERS)

    // untagged, and the papers moved to the Trash after the tag are still in it
    const after = await rows()
    for (const [id, row] of after) {
      expect(row.tags).not.toContain('whole library')
      expect(row.trashedAt).toBe(trashed.get(id)!.trashedAt)
      expect(row.trashedAt !== undefined).toBe(ids.slice(0, 100).includes(id))
      const { tags: _, modifiedAt: __, trashedAt: ___, ...rest } = row
      const { tags: _t, modifiedAt: _m, trashedAt: _d, ...restTagged } = tagged.get(id)!
      expect(rest).toEqual(restTagged)
    }
  })

  it('files every paper in a collection, moves them all to the Trash and brings them all back', async () => {
    const collection = await createCollection(db, 'Everything')
    let before = await rows()
    expect(await addItemsToCollection(db, collection.id, ids)).toBe(PAPERS)
    let after = await rows()
    const all = new Set(ids)
    let modifiedAt = after.get(ids[0])!.modifiedAt
    expectChanged(before, after, all, item => ({ ...item, collectionIds: [...item.collectionIds, collection.id], modifiedAt }))

    before = after
    expect(await moveToTrash(db, ids)).toBe(PAPERS)
    after = await rows()
    const trashedAt = after.get(ids[0])!.trashedAt!
    expectChanged(before, after, all, item => ({ ...item, trashedAt, modifiedAt: trashedAt }))
    expect(events.at(-1)).toEqual({ kind: 'trash', change: 'moved', ids: [...ids].sort() })

    before = after
    expect(await restoreFromTrash(db, ids)).toBe(PAPERS)
    after = await rows()
    modifiedAt = after.get(ids[0])!.modifiedAt
    expectChanged(before, after, all, ({ trashedAt: _, ...item }) => ({ ...item, modifiedAt }))
    expect(events.at(-1)).toEqual({ kind: 'trash', change: 'restored', ids: [...ids].sort() })
  })

  it('tells the window, for filing, the Trash and restoring, each paper’s new collections and Trash, not its row', async () => {
    const collection = await createCollection(db, 'Everything')
    for (const change of [() => addItemsToCollection(db, collection.id, ids), () => moveToTrash(db, ids), () => restoreFromTrash(db, ids)]) {
      events = []
      await change()
      const changed = events.filter(event => event.kind === 'item')
      expect(changed).toHaveLength(1)
      const stored = await rows()
      // the values of those fields as stored, and nothing else: no abstract, title or record
      expect(changed[0]).toEqual({ kind: 'item', change: 'changed', ids: [...ids].sort(), filing: [...ids].sort().map(id => filingOf(stored.get(id)!)) })
      for (const paper of 'filing' in changed[0] ? filedObjects(changed[0].filing) : [])
        expect(Object.keys(paper).sort()).toEqual(
          Object.keys(paper)
            .filter(key => key === 'id' || isFilingField(key))
            .sort()
        )
    }
  })

  it('logs the papers moved to the Trash or restored once, and sync still sends each of them; the window still hears both events', async () => {
    for (const change of [() => moveToTrash(db, ids), () => restoreFromTrash(db, ids)]) {
      const seq = await lastChangeSeq(db)
      events = []
      await change()
      const { entries } = await changesSince(db, seq)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({ kind: 'item', change: 'changed', ids: [...ids].sort() })
      expect([...touchedIds(entries).paper].sort()).toEqual([...ids].sort())
      expect(events.map(event => event.kind)).toEqual(['item', 'trash'])
    }
    // a paper moved with others that were already there is still named
    await moveToTrash(db, ids.slice(0, 10))
    const seq = await lastChangeSeq(db)
    await moveToTrash(db, ids.slice(0, 20))
    expect([...touchedIds((await changesSince(db, seq)).entries).paper].sort()).toEqual(ids.slice(10, 20).sort())
  })

  it('leaves the library as it was, with nothing logged or announced, when a write fails part of the way through', async () => {
    const collection = await createCollection(db, 'Everything')
    await moveToTrash(db, ids.slice(0, 200))
    const before = await rows()
    const entries = await logged()
    events = []
    const put = db.items.bulkPut.bind(db.items)
    let puts = 0
    vi.spyOn(db.items, 'bulkPut').mockImplementation(((rows: Item[]) => {
      if (++puts === 3) throw new Error('The disk is full.')
      return put(rows)
    }) as typeof db.items.bulkPut)

    for (const change of [
      () => addTag(db, ids, 'whole library'),
      () => addItemsToCollection(db, collection.id, ids),
      () => moveToTrash(db, ids),
      () => restoreFromTrash(db, ids)
    ]) {
      puts = 0
      await expect(change()).rejects.toThrow('The disk is full.')
      expect(puts).toBeGreaterThanOrEqual(3)
    }
    vi.restoreAllMocks()
    expect(await rows()).toEqual(before)
    expect(await logged()).toBe(entries)
    expect(events).toEqual([])
  })
})
