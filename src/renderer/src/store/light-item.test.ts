// The window keeps light copies of papers (no abstract, references, author
// details…). These tests take real PubMed records through everything a
// researcher does with the window open — edit and undo, tag and undo,
// collections, reading status, the Trash, importing the same paper again,
// merging a duplicate, syncing both ways — and check that every field of
// every stored row is still there, and that a light copy cannot be stored.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Item } from '@shared/model'
import { exportBibtex } from '@shared/export/bibtex'
import { readBibliographyFile } from '@shared/import'
import { startTestCouch, type TestCouch } from '../../../../e2e/support/couch-server'
import { fixtureItems } from '../../../main/services/pubmed/fixture-items.test-support'
import { addRecordToLibrary, addRecordsToLibrary, newItem } from '../library/add-paper'
import { addItemsToCollection, createCollection, removeItemsFromCollection } from '../library/collections'
import { formOf, restoreVersions, saveEdit } from '../library/edit'
import { mergeDuplicates } from '../library/merge'
import { saveNote } from '../library/notes'
import { fullItem, fullItems } from '../library/queries'
import { setRating, setReadStatus } from '../library/reading'
import { addTag, removeTag } from '../library/tags'
import { moveToTrash, restoreFromTrash } from '../library/trash'
import { twoComputers, type Computer } from '../sync/computers.test-support'
import { inThisThread } from './index-jobs'
import { LibraryStore } from './library-store'
import { lighten } from './light-item'
import { itemTagKeys, itemTags, tagKey } from '@shared/tags'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { openLibrary } from '../library/schema'
import { recordOf } from './random-changes.test-support'
import { loadPeptideTagger } from '../library/peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

/** The fields a light copy leaves out; the stored rows must keep every one. */
const LONG_PARTS = ['abstractSections', 'references', 'related', 'investigators', 'authorDetails', 'grants', 'funders', 'chemicals', 'coi'] as const

let couch: TestCouch
const open: Computer[] = []
const stores: LibraryStore[] = []
beforeAll(async () => {
  couch = await startTestCouch()
})
afterAll(() => couch?.close())
afterEach(async () => {
  for (const store of stores.splice(0)) store.index.close()
  for (const c of open.splice(0)) await c.close()
})

function realRecords() {
  return fixtureItems().map(
    ({ id: _id, titleWords: _w, year: _y, peptideTags: _p, tags: _t, collectionIds: _c, addedAt: _a, modifiedAt: _m, ...record }) => record
  )
}

async function openStore(computerDb: Computer['db']): Promise<LibraryStore> {
  const store = new LibraryStore(computerDb, { jobs: inThisThread, saveAfterMs: Infinity })
  stores.push(store)
  await store.load()
  await store.indexSettled()
  return store
}

/** The paper as a colleague's BibTeX file has it. */
function fromColleague(item: Item) {
  return readBibliographyFile(new TextEncoder().encode(exportBibtex([item])), 'colleague.bib').records[0]
}

/** What a round of work may change on a paper; everything else must be as imported. */
function recordPart(item: Item): Record<string, unknown> {
  const { id: _id, tags: _t, collectionIds: _c, readStatus: _r, rating: _g, modifiedAt: _m, trashedAt: _d, editedFields: _e, sources: _s, ...rest } = item
  return rest
}

describe('light copies in the window', () => {
  it('leave the long parts of real PubMed records out of memory and still find words of their abstracts', async () => {
    const [a] = await twoComputers(couch, open)
    await addRecordsToLibrary(a.db, realRecords())
    const store = await openStore(a.db)
    const rows = await a.db.items.toArray()
    expect(store.items.size).toBe(rows.length)
    // funders come from Crossref, never from PubMed
    for (const part of LONG_PARTS.filter(p => p !== 'funders'))
      expect(
        rows.some(row => row[part] !== undefined),
        part
      ).toBe(true)
    for (const light of store.items.values()) {
      expect(light.csl.abstract).toBeUndefined()
      for (const part of LONG_PARTS) expect(light[part as keyof typeof light], part).toBeUndefined()
    }
    const socialFear = rows.find(row => row.pmid === '38147649')!
    expect(socialFear.csl.abstract).toMatch(/social fear/i)
    expect(store.search('abstract:"social fear"')).toContain(socialFear.id)
  })

  it('can never be stored: IndexedDB refuses one, and Undo with one fails without touching the row', async () => {
    const [a] = await twoComputers(couch, open)
    await addRecordsToLibrary(a.db, realRecords())
    const store = await openStore(a.db)
    const id = (await a.db.items.where('pmid').equals('38147649').first())!.id
    const before = await fullItem(a.db, id)
    const light = store.items.get(id)!
    await expect(a.db.items.put(light as unknown as Item)).rejects.toThrow()
    await expect(restoreVersions(a.db, [light as unknown as Item])).rejects.toThrow()
    await expect(restoreVersions(a.db, [{ ...light, csl: { ...light.csl } } as unknown as Item])).rejects.toThrow()
    expect(await fullItem(a.db, id)).toEqual(before)
  })

  it('keep every field of every stored paper through edits, undo, tags, collections, the Trash, merges and sync', async () => {
    const [a, b] = await twoComputers(couch, open)
    await addRecordsToLibrary(a.db, realRecords())
    const imported = new Map((await a.db.items.toArray()).map(item => [item.id, item]))
    const store = await openStore(a.db)
    // in PMID order, so every run picks the same papers (ids are random); the pair merged by hand is
    // PMID 29963580, whose keyword "image processing, biomarkers" comes back from BibTeX as two
    const ids = [...imported.values()].sort((x, y) => Number(x.pmid) - Number(y.pmid)).map(item => item.id)
    const third = ids.find(id => imported.get(id)!.pmid === '29963580')!
    const [first, second] = ids.filter(id => id !== third)

    // an edit of the title, then Undo (the pane edits the stored row and remembers it as it was)
    const edited = (await saveEdit(a.db, first, { ...formOf((await fullItem(a.db, first))!), title: 'Edited by hand' }))!
    await store.settled()
    expect(store.items.get(first)!.csl.title).toBe('Edited by hand')
    await restoreVersions(a.db, [edited.before])

    // tags on every paper, Undo, then tags again and one taken off (AddTagForm remembers the stored rows)
    const beforeTag = await fullItems(a.db, ids)
    await addTag(a.db, ids, 'to read')
    await restoreVersions(a.db, beforeTag)
    await addTag(a.db, ids, 'oxytocin review')
    await removeTag(a.db, [second], 'oxytocin review')

    // collections, reading status, rating, a note
    const stress = await createCollection(a.db, 'Stress')
    await addItemsToCollection(a.db, stress.id, ids)
    await removeItemsFromCollection(a.db, stress.id, [third])
    await setReadStatus(a.db, ids, 'read')
    await setRating(a.db, [first], 4)
    await saveNote(a.db, first, 'Cited in the grant renewal.')

    // the Trash and back
    await moveToTrash(a.db, ids)
    await restoreFromTrash(a.db, ids)

    // the same paper imported again from a colleague's BibTeX file: merged into the stored row
    expect((await addRecordToLibrary(a.db, fromColleague(imported.get(second)!))).status).toBe('existing')

    // a duplicate pair merged by hand: the stored row is kept, the copy goes
    const copy = newItem(fromColleague(imported.get(third)!), Date.now(), new Set())
    await a.db.items.add(copy)
    await mergeDuplicates(a.db, third, copy.id, {})

    // sync out, an edit on the other computer, sync back in (the store follows the incoming write)
    await a.sync()
    await b.sync()
    await addTag(b.db, [first], 'from the lab computer')
    await b.sync()
    await a.sync()
    await store.settled()
    expect(store.items.get(first)!.tags).toContain('from the lab computer')

    const now = new Map((await a.db.items.toArray()).map(item => [item.id, item]))
    const there = new Map((await b.db.items.toArray()).map(item => [item.id, item]))
    expect([...now.keys()].sort()).toEqual([...imported.keys()].sort())
    for (const [id, original] of imported) {
      expect(recordPart(now.get(id)!), `${original.pmid} here`).toEqual(recordPart(original))
      expect(recordPart(there.get(id)!), `${original.pmid} on the other computer`).toEqual(recordPart(original))
    }
    expect(now.get(first)!.tags).toEqual(['oxytocin review', 'from the lab computer'])
    expect(now.get(second)!.tags).toEqual([])
  })

  it('after tags, collections, reading status and the Trash on many papers, are each paper as its row is now, their CSL kept', async () => {
    const db = openLibrary(`light-fields-${Math.random()}`)
    try {
      // more papers than the store takes in at once: a large change comes in slices (batch-intake.ts)
      await addRecordsToLibrary(db, createSyntheticLibrary(430, 3).items.map(recordOf))
      const store = await openStore(db)
      const ids = [...store.items.keys()]
      const asStored = async (step: string) => {
        await store.settled()
        const rows = await db.items.toArray()
        expect(rows).toHaveLength(430)
        for (const row of rows) expect(store.items.get(row.id), `${step}: ${row.id}`).toEqual(lighten(row))
      }
      const before = new Map(store.items)
      await addTag(db, ids, 'to read')
      await asStored('tagged')
      // the copies changed by the tag hold the CSL, authors and headings the copies before held
      expect(ids.every(id => store.items.get(id)!.csl === before.get(id)!.csl && store.items.get(id) !== before.get(id))).toBe(true)
      // the tag keys (the tag counts and facets read them): the tag's copies have it; filed copies keep theirs
      const keysBefore = ids.map(id => itemTagKeys(store.items.get(id)!))
      expect(keysBefore.every(keys => keys.includes('manual:to read'))).toBe(true)
      const stress = await createCollection(db, 'Stress')
      await addItemsToCollection(db, stress.id, ids.slice(0, 300))
      await asStored('filed')
      ids.forEach((id, n) => {
        const copy = store.items.get(id)!
        expect(itemTagKeys(copy)).toBe(keysBefore[n])
        expect(itemTagKeys(copy)).toEqual([...new Set(itemTags(copy).map(tagKey))])
      })
      await setReadStatus(db, ids.slice(100), 'read')
      await asStored('read')
      await moveToTrash(db, ids.slice(50))
      await asStored('trashed')
      await restoreFromTrash(db, ids.slice(60))
      await asStored('restored')
      await removeTag(db, ids.slice(0, 3), 'to read')
      await removeItemsFromCollection(db, stress.id, ids.slice(0, 250))
      await asStored('untagged and unfiled')
      expect(itemTagKeys(store.items.get(ids[0])!)).not.toContain('manual:to read')
      expect(itemTagKeys(store.items.get(ids[3])!)).toContain('manual:to read')
      expect(store.items.get(ids[55])!.trashedAt).toBeGreaterThan(0)
      expect(store.items.get(ids[65])!.trashedAt).toBeUndefined()
      expect(store.items.get(ids[0])!.tags).toEqual([])
      expect(store.items.get(ids[299])!.collectionIds).toEqual([stress.id])
    } finally {
      await db.delete()
    }
  })
})
