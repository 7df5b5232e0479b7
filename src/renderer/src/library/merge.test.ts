// Merging a duplicate pair in the library: PMID 25744111 from a colleague's
// BibTeX file and from PubMed (see shared/two-copies.test-support.ts), each
// with a note, the PubMed copy with its PDF's attachment record and text.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { colleagueBibtexRecord, pubmedRecord } from '@shared/two-copies.test-support'
import { LibraryStore } from '../store/library-store'
import { openLibrary, type NeurorefDb } from './schema'
import { newItem } from './add-paper'
import { saveNote, noteOf } from './notes'
import { markNotDuplicates, mergeDuplicates, NOT_DUPLICATES_KEY, pairsToReview } from './merge'
import { readSetting } from './settings'
import { loadPeptideTagger } from './peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

let db: NeurorefDb
let older: string
let newer: string

beforeEach(async () => {
  db = openLibrary(`merge-${Math.random()}`)
  const taken = new Set<string>()
  const fromBibtex = { ...newItem(colleagueBibtexRecord(), Date.UTC(2023, 0, 5), taken, 'Fujiwara2015'), tags: ['SBS prevention'] }
  const fromPubmed = { ...newItem(pubmedRecord(), Date.UTC(2024, 2, 1), taken), tags: ['to read'], collectionIds: ['japan'] }
  older = fromBibtex.id
  newer = fromPubmed.id
  await db.items.bulkAdd([fromBibtex, fromPubmed])
  await saveNote(db, older, 'Cited in the grant renewal.')
  await saveNote(db, newer, 'Dose-response: see Table 3.')
  await db.attachments.add({ id: 'att-1', itemId: newer, hash: 'a'.repeat(64), fileName: 'Fujiwara 2015.pdf', size: 482113, addedAt: Date.UTC(2024, 2, 1) })
  await db.fullTexts.add({
    attachmentId: 'att-1',
    itemId: newer,
    pages: ['Public Health 129 (2015) 475–482'],
    hasTextLayer: true,
    extractedAt: Date.UTC(2024, 2, 1)
  })
})
afterEach(() => db?.delete())

describe('mergeDuplicates', () => {
  it('keeps the older item with the chosen journal, both tags, one note, and the PDF', async () => {
    const merged = await mergeDuplicates(db, newer, older, { 'container-title': 'other' })
    expect(merged.id).toBe(older)
    expect(await db.items.count()).toBe(1)
    const stored = (await db.items.get(older))!
    expect(stored.csl['container-title']).toBe('Public health')
    expect(stored.citationKey).toBe('Fujiwara2015')
    expect(stored.pmid).toBe('25744111')
    expect(stored.tags).toEqual(['SBS prevention', 'to read'])
    expect(stored.collectionIds).toEqual(['japan'])
    expect(stored.editedFields).toEqual(['container-title'])
    expect((await noteOf(db, older))?.text).toBe('Cited in the grant renewal.\n\nDose-response: see Table 3.')
    expect(await db.notes.count()).toBe(1)
    expect((await db.attachments.get('att-1'))?.itemId).toBe(older)
    expect((await db.fullTexts.get('att-1'))?.itemId).toBe(older)
  })

  it('moves the other note when only it has one', async () => {
    await saveNote(db, older, '')
    await mergeDuplicates(db, older, newer, {})
    expect((await noteOf(db, older))?.text).toBe('Dose-response: see Table 3.')
  })

  it('changes nothing when one of the papers is gone', async () => {
    await db.items.delete(newer)
    await expect(mergeDuplicates(db, older, newer, {})).rejects.toThrow('no longer in the library')
    expect(await db.notes.count()).toBe(2)
    expect((await db.attachments.get('att-1'))?.itemId).toBe(newer)
  })

  it('updates the library store: one paper, no pair left to review', async () => {
    const store = new LibraryStore(db)
    await store.load()
    expect(pairsToReview(store.items.values(), [])).toEqual([{ a: [older, newer].sort()[0], b: [older, newer].sort()[1], reason: 'DOI' }])
    await mergeDuplicates(db, older, newer, {})
    // settled() can return while the last refresh is still reading (see the report); wait for it.
    await vi.waitFor(() => expect([...store.items.keys()]).toEqual([older]))
    expect(store.index.search('Table 3')).toEqual([older])
    expect(pairsToReview(store.items.values(), [])).toEqual([])
  })
})

describe('not duplicates', () => {
  it('is remembered in settings and hides the pair', async () => {
    await markNotDuplicates(db, newer, older)
    await markNotDuplicates(db, older, newer)
    const dismissed = await readSetting<string[]>(db, NOT_DUPLICATES_KEY, [])
    expect(dismissed).toHaveLength(1)
    expect(pairsToReview(await db.items.toArray(), dismissed)).toEqual([])
  })
})
