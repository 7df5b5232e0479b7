// A search typed before the search index is in use (the seconds after opening
// again, or while the worker rebuilds it) is answered by reading the papers:
// the list says it is searching and shows no paper until the answer is whole,
// the papers are read over many turns of the window (at 100,000 papers one
// task held it for most of a second), and the list then shows what reading
// every paper gives — a paper edited meanwhile included — before and after
// the index arrives. Opening again, the saved index is on its way: the papers
// are read only once every paper is in and the index is still away, or as they
// arrive when the worker says it rebuilds the index.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { matchesQuery } from '@shared/search/match'
import { PaperText } from '@shared/search/paper-reading'
import { parseQuery } from '@shared/search/index'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { formOf, saveEdit } from '../library/edit'
import { fullItems } from '../library/queries'
import { currentIndex } from '../library/index-job'
import { libraryCopies } from '../library/library-copies.test-support'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { gatedJobs, heldRows } from './held-jobs.test-support'
import { inThisThread, type IndexJobs } from './index-jobs'
import { LibraryStore } from './library-store'
import { visibleItems, type ViewState } from './views'

let db: NeurorefDb
afterEach(async () => {
  vi.unstubAllGlobals()
  await db?.delete()
})

const QUERIES = ['oxytocin', 'author:smith', '"social defeat"', 'year:2015-2021 stress', 'title:edited']

const listOf = (search: string): ViewState => ({ view: { kind: 'all' }, search, tags: [], sort: { column: 'title', direction: 'asc' } })
const sorted = (ids: string[]) => [...ids].sort()

/** 1,600 papers (four parts of the light form) with the saved index and light form the first open leaves, built once for the file. */
const savedLibrary = libraryCopies(async built => {
  await built.items.bulkAdd(createSyntheticLibrary(1_600, 5).items)
  expect(await currentIndex(built)).toMatchObject({ how: 'rebuilt', light: 'rebuilt' })
})

/** Every paper of the library read, with its abstract and notes (once: reading them again for each query was most of a test's time), to be read against a query. */
async function readingEveryPaper(): Promise<(query: string) => string[]> {
  const ids = (await db.items.toCollection().primaryKeys()) as string[]
  const notes = new Map((await db.notes.toArray()).map(note => [note.itemId, note.text]))
  const papers = await fullItems(db, ids)
  return query => papers.filter(item => matchesQuery(parseQuery(query), item, notes.get(item.id))).map(item => item.id)
}

/** The window's idle turns, counted; each gives the least time (the work must still be done a slice at a time). */
function countedIdleTurns(): () => number {
  let turns = 0
  vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback) => setTimeout(() => (turns++, run({ didTimeout: false, timeRemaining: () => 0 })), 0))
  return () => turns
}

/** Resolves at the store's next change (an answer made whole says so). */
const nextChange = (store: LibraryStore): Promise<void> =>
  new Promise(resolve => {
    const stop = store.subscribe(() => (stop(), resolve()))
  })

describe('a search asked before the index is in use', () => {
  it('says it is searching, reads the papers over many turns, then shows what reading every paper gives, before and after the index arrives', async () => {
    db = openLibrary(`search-before-index-${Math.random()}`)
    const { items } = createSyntheticLibrary(1_000, 5)
    await db.items.bulkAdd(items)
    const gated = gatedJobs()
    gated.hold()
    const store = new LibraryStore(db, { jobs: gated.jobs, saveAfterMs: Infinity })
    await store.load()
    expect(store.index.ready).toBe(false)
    let reading = await readingEveryPaper()
    const turns = countedIdleTurns()
    // slices timed by a clock that finds 0.05 ms gone at each look, on any machine: on a fast one a thousand titles are
    // read in one slice of 1 ms, and the turns counted below measured the machine, not the slicing
    let clock = 0
    const clockLooks = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.05))

    for (const query of QUERIES) {
      const asked = visibleItems(store, listOf(query), { now: Date.now() })
      // not the answer read in one task: no paper shown yet, and the list says why
      expect(asked, query).toEqual({ items: [], searching: true })
      const before = turns()
      if (query === 'title:edited') {
        // a paper edited while the papers are read is in the answer
        await saveEdit(db, items[500].id, { ...formOf(items[500]), title: 'Edited paper on vasopressin' })
        await store.settled()
        reading = await readingEveryPaper()
      }
      // asked again first: the answer may have become whole during the edit
      for (let list = visibleItems(store, listOf(query), { now: Date.now() }); list.searching; list = visibleItems(store, listOf(query), { now: Date.now() }))
        await nextChange(store)
      // a thousand papers, read a slice at a time: the window had turns meanwhile
      expect(turns() - before, query).toBeGreaterThan(1)
      const shown = visibleItems(store, listOf(query), { now: Date.now() })
      expect(shown.searching).toBe(false)
      expect(sorted(shown.items.map(item => item.id)), query).toEqual(sorted(reading(query)))
    }
    clockLooks.mockRestore()
    expect(reading('title:edited').length).toBe(1)

    gated.release()
    await store.indexSettled()
    expect(store.index.ready).toBe(true)
    for (const query of QUERIES) {
      const shown = visibleItems(store, listOf(query), { now: Date.now() })
      expect(shown.searching, query).toBe(false)
      expect(sorted(shown.items.map(item => item.id)), query).toEqual(sorted(reading(query)))
    }
  })
})

describe('a search asked while the papers still arrive, the index already in use', () => {
  it('says it is searching and shows no paper, then shows what reading every paper gives once every paper is in', async () => {
    // the saved index and light form, as the first open leaves them
    db = await savedLibrary('search-while-arriving')
    // the reader sends the form's first part, then waits (the rest of a large library is still on its way)
    const { rows, release } = heldRows()
    const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity, rows })
    const loaded = store.load()
    while (!store.index.ready) await nextChange(store)
    expect(store.complete).toBe(false)
    expect(store.items.size).toBeLessThan(1_600)

    for (const query of QUERIES) {
      // not the papers that happen to be in already: no paper shown yet, and the list says why
      expect(visibleItems(store, listOf(query), { now: Date.now() }), query).toEqual({ items: [], searching: true })
    }
    const filled = nextChange(store)
    release()
    await loaded
    await filled
    const reading = await readingEveryPaper()
    for (const query of QUERIES) {
      const shown = visibleItems(store, listOf(query), { now: Date.now() })
      expect(shown.searching, query).toBe(false)
      expect(sorted(shown.items.map(item => item.id)), query).toEqual(sorted(reading(query)))
    }
  })
})

describe('a search asked while the papers arrive, opening again with the saved index on its way', () => {
  /** The window's idle turns, run only when the test says so: what is read in them is not read as the papers arrive. */
  const idleTurnsWhenAsked = () => {
    const waiting: IdleRequestCallback[] = []
    vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback) => waiting.push(run))
    return () => waiting.splice(0).forEach(run => run({ didTimeout: false, timeRemaining: () => 0 }))
  }
  const opened = async (jobs: IndexJobs) => {
    db = await savedLibrary('search-awaiting-index')
    const { rows, release } = heldRows()
    const store = new LibraryStore(db, { jobs, saveAfterMs: Infinity, rows })
    const loaded = store.load()
    while (store.items.size <= 200) await new Promise(resolve => setTimeout(resolve, 1))
    // asked while the papers arrive (the form's first part is in, the rest on its way), before the index is in use
    for (const query of QUERIES) expect(visibleItems(store, listOf(query), { now: Date.now() }), query).toEqual({ items: [], searching: true })
    release()
    await loaded
    return store
  }
  const answersAsReading = async (store: LibraryStore, idleTurns: () => void) => {
    const reading = await readingEveryPaper()
    for (const query of QUERIES) {
      while (visibleItems(store, listOf(query), { now: Date.now() }).searching) {
        idleTurns()
        await new Promise(resolve => setTimeout(resolve, 0))
      }
      const shown = visibleItems(store, listOf(query), { now: Date.now() })
      expect(sorted(shown.items.map(item => item.id)), query).toEqual(sorted(reading(query)))
    }
  }

  it('reads no paper (they come without abstracts): the list says it is searching until the index answers, even after the last paper', async () => {
    const gated = gatedJobs()
    gated.hold()
    const idleTurns = idleTurnsWhenAsked()
    const reads = vi.spyOn(PaperText.prototype, 'field')
    const store = await opened(gated.jobs)
    expect(store.complete).toBe(true)
    idleTurns()
    await store.settled()
    expect(store.index.ready).toBe(false)
    expect(reads).not.toHaveBeenCalled()
    for (const query of QUERIES) expect(visibleItems(store, listOf(query), { now: Date.now() }), query).toEqual({ items: [], searching: true })
    gated.release()
    await store.indexSettled()
    expect(store.index.ready).toBe(true)
    await answersAsReading(store, idleTurns)
    expect(reads).not.toHaveBeenCalled()
  })

  it('reads them when the worker says it rebuilds the index, and answers as reading every paper does before it is in use', async () => {
    let release!: () => void
    const gate = new Promise<void>(resolve => (release = resolve))
    // the worker says at once that it rebuilds, then takes its time
    const jobs: IndexJobs = async (target, onProgress, onIndex) => (onProgress?.(0, 1_600), await gate, inThisThread(target, onProgress, onIndex))
    const idleTurns = idleTurnsWhenAsked()
    const store = await opened(jobs)
    expect(store.index.ready).toBe(false)
    // their abstracts read from every row meanwhile
    await store.settled()
    await answersAsReading(store, idleTurns)
    release()
    await store.indexSettled()
    await answersAsReading(store, idleTurns)
  }, 60_000) // 9-11 s alone at load 7, past the 20 s default at load 12 in the merge train
})
