// Collections on fake-indexeddb: nesting, moving (never into itself),
// filing papers, and deleting without ever losing a paper.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import { openLibrary, type NeurorefDb } from './schema'
import { addRecordToLibrary } from './add-paper'
import {
  addItemsToCollection,
  createCollection,
  deleteCollection,
  descendantsOf,
  moveCollection,
  removeItemsFromCollection,
  renameCollection
} from './collections'

// Real exports (e2e/fixtures/ris/SOURCES.md): a Scopus file with two records, a Reference Manager one.
const FIXTURES = ['zotero_scopus_crlf_2records.ris', 'zotero_refman_neuro_multiline_title.ris']

let db: NeurorefDb
let ids: string[]

beforeEach(async () => {
  db = openLibrary(`collections-${Math.random()}`)
  ids = []
  for (const name of FIXTURES) {
    const bytes = readFileSync(`${import.meta.dirname}/../../../../e2e/fixtures/ris/${name}`)
    for (const record of readBibliographyFile(bytes, name).records) ids.push((await addRecordToLibrary(db, record)).item.id)
  }
})
afterEach(() => db?.delete())

const filedIn = async (id: string): Promise<string[]> => (await db.items.get(id))!.collectionIds

describe('collections', () => {
  it('nest: a sub-collection and its own children are descendants of the parent', async () => {
    const stress = await createCollection(db, '  Stress  ')
    const crf = await createCollection(db, 'CRF', stress.id)
    const amygdala = await createCollection(db, 'Amygdala', crf.id)
    const other = await createCollection(db, 'Addiction')
    expect(stress.name).toBe('Stress')
    const all = await db.collections.toArray()
    expect(descendantsOf(all, stress.id)).toEqual(new Set([crf.id, amygdala.id]))
    expect(descendantsOf(all, amygdala.id).size).toBe(0)
    expect(descendantsOf(all, other.id).size).toBe(0)
  })

  it('refuse an empty name and a parent that does not exist', async () => {
    await expect(createCollection(db, '   ')).rejects.toThrow('A collection needs a name.')
    await expect(createCollection(db, 'Orphan', 'no-such-id')).rejects.toThrow('no longer exists')
    expect(await db.collections.count()).toBe(0)
  })

  it('rename', async () => {
    const c = await createCollection(db, 'Oxytocin')
    await renameCollection(db, c.id, 'Oxytocin and social stress')
    expect((await db.collections.get(c.id))?.name).toBe('Oxytocin and social stress')
    await expect(renameCollection(db, c.id, '')).rejects.toThrow('needs a name')
  })

  it('move under another collection and back to top level, never into its own descendant', async () => {
    const a = await createCollection(db, 'A')
    const b = await createCollection(db, 'B', a.id)
    const c = await createCollection(db, 'C')
    await moveCollection(db, c.id, b.id)
    expect((await db.collections.get(c.id))?.parentId).toBe(b.id)
    await expect(moveCollection(db, a.id, c.id)).rejects.toThrow('“A” cannot be moved into itself or one of its own sub-collections.')
    await expect(moveCollection(db, a.id, a.id)).rejects.toThrow('cannot be moved into itself')
    expect((await db.collections.get(a.id))?.parentId).toBeUndefined()
    await moveCollection(db, c.id, undefined)
    expect(await db.collections.get(c.id)).not.toHaveProperty('parentId')
  })

  it('hold papers: a paper can sit in many collections, adding twice files it once', async () => {
    const a = await createCollection(db, 'A')
    const b = await createCollection(db, 'B')
    expect(await addItemsToCollection(db, a.id, ids)).toBe(3)
    expect(await addItemsToCollection(db, a.id, [ids[0]])).toBe(0)
    expect(await addItemsToCollection(db, b.id, [ids[0]])).toBe(1)
    expect(await filedIn(ids[0])).toEqual([a.id, b.id])
    expect(await filedIn(ids[1])).toEqual([a.id])
    await expect(addItemsToCollection(db, 'gone', ids)).rejects.toThrow('no longer exists')
  })

  it('remove papers from a collection and its sub-collections, leaving other collections alone', async () => {
    const parent = await createCollection(db, 'Parent')
    const child = await createCollection(db, 'Child', parent.id)
    const elsewhere = await createCollection(db, 'Elsewhere')
    await addItemsToCollection(db, child.id, [ids[0], ids[1]])
    await addItemsToCollection(db, elsewhere.id, [ids[0]])
    expect(await removeItemsFromCollection(db, parent.id, [ids[0]])).toBe(1)
    expect(await filedIn(ids[0])).toEqual([elsewhere.id])
    expect(await filedIn(ids[1])).toEqual([child.id])
  })

  it('delete with their sub-collections; every paper stays in the library, unfiled where it was only there', async () => {
    const parent = await createCollection(db, 'Parent')
    const child = await createCollection(db, 'Child', parent.id)
    const keep = await createCollection(db, 'Keep')
    await addItemsToCollection(db, parent.id, [ids[0]])
    await addItemsToCollection(db, child.id, [ids[0], ids[1]])
    await addItemsToCollection(db, keep.id, [ids[1]])

    expect(await deleteCollection(db, parent.id)).toEqual({ collections: 2, items: 2 })
    expect((await db.collections.toArray()).map(c => c.name)).toEqual(['Keep'])
    expect(await db.items.count()).toBe(3)
    expect(await filedIn(ids[0])).toEqual([])
    expect(await filedIn(ids[1])).toEqual([keep.id])
    expect(await db.items.where('collectionIds').equals(child.id).count()).toBe(0)
  })
})
