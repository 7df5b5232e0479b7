// Sync through a real CouchDB-compatible server on 127.0.0.1 (pouchdb-server
// in memory, or the Apache CouchDB named by NEUROREF_TEST_COUCHDB_URL): two
// libraries, each with its replica, are two computers.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestCouch, type TestCouch } from '../../../../e2e/support/couch-server'
import { fixtureItems } from '../../../main/services/pubmed/fixture-items.test-support'
import { addRecordsToLibrary } from '../library/add-paper'
import { createCollection, addItemsToCollection } from '../library/collections'
import { saveNote } from '../library/notes'
import { addTag } from '../library/tags'
import { emptyTrashRecords, moveToTrash } from '../library/trash'
import { attachStoredFile } from '../library/attachments'
import { twoComputers, type Computer } from './computers.test-support'
import { applyIncomingChanges } from './incoming'
import { paperData } from './documents'
import { changesSince } from '../library/change-log'
import type { LibraryEvent } from '../library/events'
import type { BatchWriter } from '../library/import-file'
import { setReadStatus } from '../library/reading'
import type { NeurorefDb } from '../library/schema'
import { writeUnannounced, type UnannouncedBatch } from '../library/unfinished-import'
import type { ReferenceRecord } from '@shared/model'
import { pushLocalChanges } from './outgoing'

let couch: TestCouch
const open: Computer[] = []
beforeAll(async () => {
  couch = await startTestCouch()
})
afterAll(() => couch?.close())
afterEach(async () => {
  for (const c of open.splice(0)) await c.close()
})

describe('sync between two computers', () => {
  it('keeps a PDF record that reaches the other computer before its paper', async () => {
    const [a, b] = await twoComputers(couch, open)
    const [{ item }] = await addRecordsToLibrary(a.db, [{ csl: { type: 'article-journal', title: 'Oxytocin and social fear' }, sources: ['manual'] }])
    await attachStoredFile(a.db, item.id, { hash: 'a'.repeat(64), size: 10, fileName: 'fear.pdf', existed: false })
    await a.sync()
    const records = await a.db.attachments.toArray()
    // B's pull brings the record alone, and B applies it before the paper comes
    await b.replica.replicate.from(b.remote, { filter: doc => doc._id === `attachment:${records[0].id}` })
    await applyIncomingChanges(b.db, b.replica)
    expect(await b.db.attachments.count()).toBe(0)
    await b.sync()
    expect(await b.db.items.get(item.id)).toBeDefined()
    expect(await b.db.attachments.toArray()).toEqual(records)
  })

  it('carries every field of real PubMed records (MeSH with qualifiers, grants, references) byte for byte', async () => {
    const [a, b] = await twoComputers(couch, open)
    const records = fixtureItems().map(
      ({ id: _id, titleWords: _w, year: _y, peptideTags: _p, tags: _t, collectionIds: _c, addedAt: _a, modifiedAt: _m, ...record }) => record
    )
    await addRecordsToLibrary(a.db, records)
    const mine = await a.db.items.toArray()
    expect(mine.some(item => item.mesh?.some(heading => heading.qualifiers.length > 0))).toBe(true)
    expect(mine.some(item => (item.grants?.length ?? 0) > 0)).toBe(true)
    expect(mine.some(item => (item.references?.length ?? 0) > 0)).toBe(true)

    await a.sync()
    await b.sync()

    const theirs = new Map((await b.db.items.toArray()).map(item => [item.id, item]))
    expect(theirs.size).toBe(mine.length)
    for (const item of mine) {
      expect(JSON.stringify(paperData(theirs.get(item.id)!))).toBe(JSON.stringify(paperData(item)))
      expect(theirs.get(item.id)).toEqual(item)
    }
  })

  it('carries collections, notes, tags, edits, the Trash and deletions; what arrived is not sent back', async () => {
    const [a, b] = await twoComputers(couch, open)
    const [{ item }] = await addRecordsToLibrary(a.db, [{ csl: { type: 'article-journal', title: 'Oxytocin and social fear' }, sources: ['manual'] }])
    const collection = await createCollection(a.db, 'Stress')
    await addItemsToCollection(a.db, collection.id, [item.id])
    await addTag(a.db, [item.id], 'to read')
    await saveNote(a.db, item.id, 'Check the *dose*.')
    await a.sync()

    const arrived = await b.sync()
    expect(arrived.applied).toBeGreaterThan(0)
    expect(await b.db.collections.get(collection.id)).toEqual(collection)
    expect((await b.db.items.get(item.id))?.collectionIds).toEqual([collection.id])
    expect((await b.db.items.get(item.id))?.tags).toEqual(['to read'])
    expect((await b.db.notes.where('itemId').equals(item.id).first())?.text).toBe('Check the *dose*.')
    expect((await b.sync()).pushed).toEqual([])

    await moveToTrash(b.db, [item.id])
    await b.sync()
    await a.sync()
    expect((await a.db.items.get(item.id))?.trashedAt).toBeDefined()

    await emptyTrashRecords(a.db)
    await a.sync()
    await b.sync()
    expect(await b.db.items.get(item.id)).toBeUndefined()
    expect(await b.db.notes.where('itemId').equals(item.id).count()).toBe(0)
    expect(await b.db.collections.get(collection.id)).toEqual(collection)
  })
})

// Arrived papers new to the library stored by a worker (in the app the import's writer,
// features/import/arrivals-writer.ts; here the same write on this thread), then announced by the window with the rest.
const papers = (...titles: string[]): ReferenceRecord[] => titles.map(title => ({ csl: { type: 'article-journal', title }, sources: ['manual'] }))

/** The worker's write, on this thread. */
const storesThem = (db: NeurorefDb) => vi.fn<BatchWriter>((batch: UnannouncedBatch) => writeUnannounced(db, batch))

/** Emissions of the library's events, each a list. */
function heard(db: NeurorefDb): LibraryEvent[][] {
  const emitted: LibraryEvent[][] = []
  db.events.subscribe(events => void emitted.push(events.filter(event => event.ids.length > 0)))
  return emitted
}

describe('arrived papers stored by a worker', () => {
  it('leaves the library as it was when the worker stops after storing a batch, and applies the batch at the next round without sending it back', async () => {
    const [a, b] = await twoComputers(couch, open)
    await addRecordsToLibrary(a.db, papers('Oxytocin and social fear', 'Vasopressin in pair bonding', 'Neuropeptide Y and stress'))
    await a.sync()
    await b.replica.replicate.from(b.remote)
    const events = heard(b.db)

    const stops: BatchWriter = async batch => {
      await writeUnannounced(b.db, batch)
      throw new Error('the writer stopped unexpectedly')
    }
    await expect(applyIncomingChanges(b.db, b.replica, stops)).rejects.toThrow('the writer stopped unexpectedly')
    expect(await b.db.items.count()).toBe(0)
    expect(await b.db.settings.where('key').startsWith('unfinished import').count()).toBe(0)
    expect((await changesSince(b.db, 0)).entries).toEqual([])
    expect(events).toEqual([])

    const writer = storesThem(b.db)
    expect((await applyIncomingChanges(b.db, b.replica, writer)).applied).toBe(3)
    expect(writer).toHaveBeenCalledTimes(1)
    expect((await b.db.items.toArray()).map(item => item.csl.title).sort()).toEqual([
      'Neuropeptide Y and stress',
      'Oxytocin and social fear',
      'Vasopressin in pair bonding'
    ])
    expect(events.flat().map(({ kind, change, ids }) => ({ kind, change, count: ids.length }))).toEqual([{ kind: 'item', change: 'added', count: 3 }])
    expect((await pushLocalChanges(b.db, b.replica)).written).toEqual([])
  })

  it('stores a paper held here and changed there on the window, the new ones by the worker, told in one change', async () => {
    const [a, b] = await twoComputers(couch, open)
    const [first] = await addRecordsToLibrary(a.db, papers('Oxytocin and social fear'))
    await a.sync()
    await b.sync()
    await setReadStatus(a.db, [first.item.id], 'read')
    const added = await addRecordsToLibrary(a.db, papers('Orexin and sleep', 'Galanin and feeding'))
    await a.sync()
    await b.replica.replicate.from(b.remote)
    const events = heard(b.db)

    const writer = storesThem(b.db)
    await applyIncomingChanges(b.db, b.replica, writer)
    expect(writer.mock.calls.map(([batch]) => batch.items.map(item => item.id).sort())).toEqual([added.map(({ item }) => item.id).sort()])
    expect((await b.db.items.get(first.item.id))?.readStatus).toBe('read')
    expect(await b.db.items.count()).toBe(3)
    expect(events).toHaveLength(1)
    expect(events[0].map(({ kind, change, ids }) => ({ kind, change, count: ids.length }))).toEqual([
      { kind: 'item', change: 'added', count: 2 },
      { kind: 'item', change: 'changed', count: 1 }
    ])
    expect((await pushLocalChanges(b.db, b.replica)).written).toEqual([])
  })
})
