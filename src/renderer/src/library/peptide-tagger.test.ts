// The peptide tagger loads on demand (peptide-tagger.ts), and every write that
// stores a paper still tags it: each test starts as a window that has tagged
// nothing yet (the library's modules loaded afresh, the tagger not loaded) and
// checks that the paper it stores is tagged Oxytocin, as the researcher sees in
// the item pane and the peptide facet. A write that forgot to load the tagger
// first fails here instead of storing untagged papers. (The file reader's
// worker: features/import/read-file.test.ts.)
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Item, PeptideTag, ReferenceRecord } from '@shared/model'
import type { NeurorefDb } from './schema'
import type { ReplicaStore } from '../sync/replica'

const OXYTOCIN_TITLE = 'Oxytocin receptor signalling in the amygdala'

const record: ReferenceRecord = {
  csl: { type: 'article-journal', title: OXYTOCIN_TITLE, issued: { 'date-parts': [[2021]] }, author: [{ family: 'Ito', given: 'Kana' }] },
  doi: '10.1000/oxytocin.1',
  sources: ['crossref']
}

/** A paper as a row in the library, with no peptide tags: stored directly, so the tagger is not loaded by it. */
const row = (id: string, title: string, extra: Partial<Item> = {}): Item => ({
  id,
  csl: { type: 'article-journal', title },
  tags: [],
  collectionIds: [],
  addedAt: 1,
  modifiedAt: 1,
  sources: ['manual'],
  ...extra
})

const peptides = (item: { peptideTags?: PeptideTag[] } | undefined): string[] => (item?.peptideTags ?? []).map(tag => tag.peptide)

const opened: NeurorefDb[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map(db => db.delete()))
})

/** The library as a window that has tagged nothing yet has it: its modules loaded afresh, so the tagger is not loaded. */
async function freshWindow(): Promise<NeurorefDb> {
  vi.resetModules()
  const { openLibrary } = await import('./schema')
  const db = openLibrary(`peptide-tagger-${Math.random()}`)
  opened.push(db)
  return db
}

const stored = async (db: NeurorefDb, id: string): Promise<string[]> => peptides(await db.items.get(id))
const onlyPaper = async (db: NeurorefDb): Promise<string[]> => peptides((await db.items.toArray())[0])

describe('papers are tagged on every write, the tagger loading first', () => {
  it('adding a paper', async () => {
    const db = await freshWindow()
    const { addRecordToLibrary } = await import('./add-paper')
    const { item } = await addRecordToLibrary(db, record)
    expect(await stored(db, item.id)).toEqual(['Oxytocin'])
  })

  it('adding papers by identifier', async () => {
    const db = await freshWindow()
    const { addRecordsToLibrary } = await import('./add-paper')
    const [{ item }] = await addRecordsToLibrary(db, [record])
    expect(await stored(db, item.id)).toEqual(['Oxytocin'])
  })

  it('filling a paper made from a PDF once it is looked up', async () => {
    const db = await freshWindow()
    const { fillPlaceholder, NEEDS_METADATA } = await import('./fill-placeholder')
    await db.items.put(row('pdf', 'ipg1300180a', { flags: [NEEDS_METADATA], sources: ['file'] }))
    await fillPlaceholder(db, 'pdf', record)
    expect(await stored(db, 'pdf')).toEqual(['Oxytocin'])
  })

  it('importing a file read in the window (no worker)', async () => {
    const db = await freshWindow()
    const { importRecords } = await import('./import-file')
    const { DuplicateFinder } = await import('@shared/duplicates')
    await importRecords(db, [record], new DuplicateFinder())
    expect(await onlyPaper(db)).toEqual(['Oxytocin'])
  })

  it("importing a document's references into a new collection", async () => {
    const db = await freshWindow()
    const { importIntoNewCollection } = await import('./import-file')
    const { DuplicateFinder } = await import('@shared/duplicates')
    await importIntoNewCollection(db, [record], new DuplicateFinder(), 'Manuscript references')
    expect(await onlyPaper(db)).toEqual(['Oxytocin'])
  })

  it('editing a paper', async () => {
    const db = await freshWindow()
    const { formOf, saveEdit } = await import('./edit')
    await db.items.put(row('p', 'Signalling in the amygdala'))
    await saveEdit(db, 'p', { ...formOf((await db.items.get('p'))!), title: OXYTOCIN_TITLE })
    expect(await stored(db, 'p')).toEqual(['Oxytocin'])
  })

  it('merging two copies of a paper', async () => {
    const db = await freshWindow()
    const { mergeDuplicates } = await import('./merge')
    await db.items.bulkPut([row('older', OXYTOCIN_TITLE, { addedAt: 1 }), row('newer', OXYTOCIN_TITLE, { addedAt: 2 })])
    const merged = await mergeDuplicates(db, 'older', 'newer', {})
    expect(await stored(db, merged.id)).toEqual(['Oxytocin'])
  })

  it('papers arriving from another computer, read by the sync worker', async () => {
    await freshWindow()
    const { readArrivals } = await import('../sync/arrivals')
    const { documentOf, paperData } = await import('../sync/documents')
    const doc = documentOf('paper', 'p', paperData(row('p', OXYTOCIN_TITLE)))
    const replica = { changes: async () => ({ results: [{ id: doc._id, seq: 1, changes: [], doc }], last_seq: 1 }) } as unknown as ReplicaStore
    const { results } = await readArrivals(replica, 0, 10)
    expect(peptides(results[0].indexFields)).toEqual(['Oxytocin'])
  })

  it('papers arriving from another computer, stored without index fields worked out', async () => {
    const db = await freshWindow()
    const { applySyncedChanges, noSyncedChanges } = await import('./apply-synced')
    await applySyncedChanges(db, { ...noSyncedChanges(), items: [row('p', OXYTOCIN_TITLE)] })
    expect(await stored(db, 'p')).toEqual(['Oxytocin'])
  })

  it('a sync conflict resolved', async () => {
    const db = await freshWindow()
    const { resolveSyncConflict } = await import('./sync-conflicts')
    const conflict = { field: 'csl.title', kept: 'Signalling in the amygdala', other: OXYTOCIN_TITLE }
    await db.items.put(row('p', 'Signalling in the amygdala', { syncConflicts: [conflict] }))
    await resolveSyncConflict(db, 'p', conflict, 'other')
    expect(await stored(db, 'p')).toEqual(['Oxytocin'])
  })

  it('copying a paper into another library', async () => {
    const from = await freshWindow()
    const { openLibrary } = await import('./schema')
    const { copyPapers } = await import('./copy-papers')
    const to = openLibrary(`peptide-tagger-lab-${Math.random()}`)
    opened.push(to)
    await from.items.put(row('p', OXYTOCIN_TITLE))
    await copyPapers(from, to, ['p'])
    expect(await stored(to, 'p')).toEqual(['Oxytocin'])
  })

  it('papers stored before the vocabulary, tagged once when the library opens', async () => {
    const db = await freshWindow()
    const { retagPeptidesIfNeeded } = await import('./peptide-retag')
    await db.items.put(row('p', OXYTOCIN_TITLE))
    await retagPeptidesIfNeeded(db)
    expect(await stored(db, 'p')).toEqual(['Oxytocin'])
  })
})
