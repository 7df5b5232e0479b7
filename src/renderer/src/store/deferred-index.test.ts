// A large import is indexed by the worker, not by the window: until the
// worker's index arrives, searches read the imported papers and answer as a
// fresh build does; changes made meanwhile (an edit, a second import) are in
// the answers before, while and after the index changes hands.
import { afterEach, describe, expect, it } from 'vitest'
import type { ReferenceRecord } from '@shared/model'
import { createSearchIndex } from '@shared/search/index'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { BENCH_QUERIES } from '../../../../bench/queries'
import { formOf, saveEdit } from '../library/edit'
import { buildIndex } from '../library/index-job'
import { importRecords } from '../library/import-file'
import { readSavedIndex } from '../library/saved-index'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { moveToTrash } from '../library/trash'
import type { LibraryStore } from './library-store'
import { openedStoreGated } from './opened-store.test-support'

const QUERIES = [...BENCH_QUERIES, 'zebrafinch', 'title:"imported zebrafinch"', 'edited', '-oxytocin', 'year:2001-2010 oxytocin']

let db: NeurorefDb
afterEach(() => db?.delete())

const sorted = (ids: string[]) => [...ids].sort()

/** Synthetic papers as a .bib would bring them: no library fields, each with a word only the imported ones have. */
function importedRecords(count: number, seed: number): ReferenceRecord[] {
  return createSyntheticLibrary(count, seed).items.map(
    ({
      id: _i,
      titleWords: _w,
      tags: _t,
      collectionIds: _c,
      addedAt: _a,
      modifiedAt: _m,
      citationKey: _k,
      peptideTags: _p,
      pmid: _pm,
      pmcid: _pc,
      doi: _d,
      ...record
    }) => ({
      ...record,
      csl: { ...record.csl, DOI: undefined, title: `Imported zebrafinch ${record.csl.title}` }
    })
  )
}

async function expectSameAnswers(store: LibraryStore): Promise<void> {
  const fresh = await buildIndex(db)
  for (const query of QUERIES) expect(sorted(store.index.search(query)), query).toEqual(sorted(fresh.search(query)))
}

// Three full builds and the query table four times: 3–4 s on an idle machine, over 20 s at load 12 (CI on a shared machine).
describe('a large import', { timeout: 60_000 }, () => {
  it('is indexed by the worker; searches read its papers meanwhile and answer as a fresh build does', async () => {
    db = openLibrary(`deferred-index-${Math.random()}`)
    const { items } = createSyntheticLibrary(150, 3)
    await db.items.bulkAdd(items)
    const { store, gated } = await openedStoreGated(db)
    expect(store.index.last?.how).toBe('rebuilt')
    const wordsBefore = store.index.wordCount

    gated.hold()
    const first = await importRecords(db, importedRecords(300, 11), store.finder)
    await store.settled()
    // the window's index did not take the imported papers' words: the worker was asked to
    expect(store.index.wordCount).toBe(wordsBefore)
    expect(gated.started()).toBe(2)
    await expectSameAnswers(store)
    expect(store.index.search('zebrafinch')).toHaveLength(300)

    // While the worker works: an imported paper edited, an old one trashed, another large import.
    const edited = (await db.items.get(first.added[7].id))!
    await saveEdit(db, edited.id, { ...formOf(edited), title: 'Edited oxytocin paper' })
    await moveToTrash(db, [items[4].id])
    await importRecords(db, importedRecords(250, 12), store.finder)
    await store.settled()
    await expectSameAnswers(store)

    gated.release()
    await store.indexSettled()
    // the first job's index, then a second one for the batch that came while it worked
    expect(gated.started()).toBe(3)
    expect(store.index.wordCount).toBeGreaterThan(wordsBefore)
    await expectSameAnswers(store)
    expect(store.index.search('zebrafinch')).toHaveLength(549)

    // The saved index holds them too.
    const saved = await readSavedIndex(db)
    if (saved.state !== 'ok') throw new Error(`saved index ${saved.state}`)
    const reopened = createSearchIndex({ from: saved.snapshot })
    const fresh = await buildIndex(db)
    for (const query of QUERIES) expect(sorted(reopened.search(query)), query).toEqual(sorted(fresh.search(query)))
  })
})
