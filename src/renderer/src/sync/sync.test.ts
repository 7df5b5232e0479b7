// Sync through a real CouchDB-compatible server on 127.0.0.1 (pouchdb-server
// in memory, or the Apache CouchDB named by NEUROREF_TEST_COUCHDB_URL): two
// libraries, each with its replica, are two computers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
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

  it('applies a paper document that carries title words and stores the paper without them; an old row is sent without them', async () => {
    const [a, b] = await twoComputers(couch, open)
    const [{ item }] = await addRecordsToLibrary(a.db, [{ csl: { type: 'article-journal', title: 'Oxytocin and social fear' }, sources: ['manual'] }])
    // a row written before title words were dropped still has them
    await a.db.items.update(item.id, { titleWords: ['oxytocin', 'and', 'social', 'fear'] })
    await a.sync()
    const database = a.remote.name.split('/').pop()!
    const sent = (await (await couch.admin(`/${database}/paper:${item.id}`)).json()) as { type: string; schema: number; data: Record<string, unknown> }
    expect(sent.data).not.toHaveProperty('titleWords')

    // a document with them, as one could have been written before
    const data = { ...sent.data, id: 'with-title-words', csl: { type: 'article-journal', title: 'Galanin and sleep' }, titleWords: ['galanin', 'and', 'sleep'] }
    await couch.admin(`/${database}/paper:with-title-words`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: sent.type, schema: sent.schema, data })
    })
    await b.sync()
    const arrived = await b.db.items.get('with-title-words')
    expect(arrived).toMatchObject({ csl: { title: 'Galanin and sleep' }, peptideTags: [expect.objectContaining({ peptide: 'Galanin' })] })
    expect(arrived).not.toHaveProperty('titleWords')
    expect((await b.db.items.get(item.id))?.csl.title).toBe('Oxytocin and social fear')
  })
})
