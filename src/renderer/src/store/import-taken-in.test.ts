// An import's papers reach the window as the window keeps them (light copies, their abstracts for searches until the
// search index holds them, the hashes of their duplicate keys), not as whole papers. Looked at at any moment, the
// window's papers are a fresh window's, a search finds every imported paper shown, and the same file imported again
// adds nothing.
import { afterEach, expect, it, vi } from 'vitest'
import type { ReferenceRecord } from '@shared/model'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { papersOf, type LibraryEvent } from '../library/events'
import type { PaperFinder } from '@shared/duplicates'
import { toItem } from '../library/add-paper'
import { basics } from '../library/item-basics'
import { abstractsOnTheWay } from '../library/abstract-bytes'
import { ImportInBatches, importRecords, type FileImportOutcome } from '../library/import-file'
import { writeUnannounced } from '../library/unfinished-import'
import { loadPeptideTagger } from '../library/peptide-tagger'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { gatedJobs } from './held-jobs.test-support'
import { LibraryStore } from './library-store'
import { PaperKeyTable } from './paper-key-table'
import { openedStore, openedStoreGated } from './opened-store.test-support'

let db: NeurorefDb
afterEach(() => {
  vi.restoreAllMocks()
  return db?.delete()
})

/** Papers as a .bib brings them, none twice, each with a word in its abstract alone. */
function records(count: number): ReferenceRecord[] {
  return createSyntheticLibrary(count, 5).items.map(
    ({ id: _i, titleWords: _w, peptideTags: _p, citationKey: _k, doi: _d, pmid: _m, pmcid: _c, ...paper }, n) => ({
      ...paper,
      csl: { ...paper.csl, DOI: undefined, title: `Imported paper ${n}: ${paper.csl.title}`, abstract: `${paper.csl.abstract ?? ''} Quokkaphrenia was seen.` }
    })
  )
}

/** How a file's papers are imported: through `importRecords` (the window writes them) or as "Import file" does with its workers. */
type Importing = (db: NeurorefDb, records: ReferenceRecord[], known: PaperFinder) => Promise<FileImportOutcome>

/**
 * As "Import file" does: the reader sends the papers as items, whole, to the writer worker, and to the window their
 * light copies and abstracts as bytes; the window finds duplicates and chooses citation keys, the writer writes each
 * batch of ids and keys from its own copies.
 */
const withWorkers: Importing = async (db, records, known) => {
  const items = records.map(record => toItem(record, Date.now()))
  const writersCopies = new Map(items.map(item => [item.id, item]))
  const batches = new ImportInBatches(db, known, {
    elsewhere: ({ importId, number, keys }) =>
      writeUnannounced(db, { importId, number, items: keys.map(([id, citationKey]) => ({ ...writersCopies.get(id)!, citationKey })) })
  })
  batches.expect(items.length)
  for (let at = 0; at < items.length; at += 100) {
    const sent = items.slice(at, at + 100)
    batches.takeKept(sent.map(basics), abstractsOnTheWay(sent.map(item => item.csl.abstract)))
  }
  return batches.finish()
}

/** Imports 700 papers while the index worker holds them back, looking at the window at every showing; the announced event. */
async function takenIn(importing: Importing): Promise<Extract<LibraryEvent, { kind: 'item'; change: 'added' }>> {
  db = openLibrary(`taken-in-${Math.random()}`)
  const library = createSyntheticLibrary(100, 9).items
  await db.items.bulkAdd(library)
  const before = new Set(library.map(item => item.id))
  const { store, gated } = await openedStoreGated(db)
  // the worker holds the imported papers back: searches read them meanwhile
  gated.hold()
  const announced: LibraryEvent[] = []
  db.events.subscribe(events => announced.push(...events))
  const misses: string[] = []
  store.subscribe(() => {
    const shown = [...store.items.keys()].filter(id => !before.has(id))
    const found = new Set(store.search('quokkaphrenia'))
    if (shown.length !== found.size || !shown.every(id => found.has(id))) misses.push(`${found.size} of ${shown.length} found`)
  })

  const file = records(700)
  const { added } = await importing(db, file, store.finder)
  await store.settled()
  expect(added).toHaveLength(700)
  expect(misses).toEqual([])

  // one announcement, of what the window keeps: no abstract, no title words (the rows hold them)
  expect(announced.map(event => `${event.kind} ${event.change} ${event.ids.length}`)).toEqual(['item added 700'])
  const event = announced[0] as Extract<LibraryEvent, { kind: 'item'; change: 'added' }>
  expect(papersOf(event).filter(paper => 'abstract' in paper.csl || 'titleWords' in paper)).toEqual([])
  expect((await db.items.get(added[0].id))?.csl.abstract).toContain('Quokkaphrenia')

  // the window's papers are those a window opened now reads
  const fresh = await openedStore(db)
  expect(store.items.size).toBe(fresh.items.size)
  for (const [id, item] of fresh.items) expect(store.items.get(id), id).toEqual(item)
  expect(new Set(store.search('quokkaphrenia'))).toEqual(new Set(fresh.search('quokkaphrenia')))

  // the index arrives: the same answer; the same file again is all already here
  gated.release()
  await store.indexSettled()
  expect(new Set(store.search('quokkaphrenia'))).toEqual(new Set(added.map(paper => paper.id)))
  const again = await importing(db, file, store.finder)
  expect(again.added).toHaveLength(0)
  expect(again.duplicates).toHaveLength(700)
  return event
}

it('takes an import in as light copies: searches find every imported paper shown, at every showing; the papers are a fresh window’s', { timeout: 60_000 }, () =>
  takenIn((db, records, known) => importRecords(db, records, known))
)

it(
  'keeps no imported paper whole nor its abstract as text where workers read and write the file, and the window shows and finds the same',
  { timeout: 60_000 },
  async () => {
    const event = await takenIn(withWorkers)
    // the abstracts wait for the index as UTF-8 bytes (a string each held 300 MB of the window's heap at 100,000 papers)
    expect(event.imported.abstracts.filter(abstract => typeof abstract === 'string')).toEqual([])
  }
)

it(
  'reads an import’s papers for a search asked before the index was in use as they come, not all at once when the list is next drawn',
  { timeout: 60_000 },
  async () => {
    db = openLibrary(`taken-in-${Math.random()}`)
    await db.items.bulkAdd(createSyntheticLibrary(100, 9).items)
    const gated = gatedJobs()
    gated.hold()
    const store = new LibraryStore(db, { jobs: gated.jobs, saveAfterMs: Infinity })
    await store.load()
    // the list asks while the index is away: it is searching; the index then arrives and the list is patched, not asked again
    expect(store.answer('quokkaphrenia')).toBeUndefined()
    gated.release()
    await store.indexSettled()

    gated.hold()
    const { added } = await importRecords(db, records(700), store.finder)
    await store.settled()
    let read = 0
    const get = store.items.get.bind(store.items)
    store.items.get = id => (read++, get(id))
    expect(new Set(store.answer('quokkaphrenia'))).toEqual(new Set(added.map(paper => paper.id)))
    expect(read).toBe(0)
    gated.release()
    await store.indexSettled()
  }
)

it('makes room in the duplicate finder for all of an import’s papers before taking the first in, not in one of its slices', { timeout: 60_000 }, async () => {
  // the papers are made here as the reader worker makes them, tagged
  await loadPeptideTagger()
  db = openLibrary(`taken-in-${Math.random()}`)
  await db.items.bulkAdd(createSyntheticLibrary(100, 9).items)
  const store = new LibraryStore(db, { jobs: gatedJobs().jobs, saveAfterMs: Infinity })
  await store.load()
  const finder = store.finder
  // the papers the window held each time the finder's table was rebuilt (every key it knows placed again, in one step)
  const heldAtRebuild: number[] = []
  const table = PaperKeyTable.prototype as unknown as { rebuild: (more: number) => void }
  const original = table.rebuild
  vi.spyOn(table, 'rebuild').mockImplementation(function (this: PaperKeyTable, more: number) {
    heldAtRebuild.push(store.items.size)
    original.call(this, more)
  })
  const { added } = await withWorkers(db, records(3000), finder)
  await store.settled()
  expect(store.items.size).toBe(3100)
  expect(heldAtRebuild.filter(size => size > 100)).toEqual([])
  // and it recognises every imported paper
  const again = await withWorkers(db, records(3000), store.finder)
  expect(again.added).toHaveLength(0)
  expect(again.duplicates).toHaveLength(added.length)
})
