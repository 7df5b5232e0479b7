// The first open of a library without a saved index or light form (after a
// migration, a restore, a large sync): the index is built in its worker for
// most of a minute at 100,000 papers, and searches asked meanwhile are read
// from the papers. Every query of the search test table must then answer as
// a fresh build does; a query asked while the papers still arrive is read as
// they come, so its answer is whole as the last paper is in, without a second
// reading of the whole library afterwards (which took seconds a query).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BENCH_QUERIES } from '../../../../bench/queries'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { buildIndex, currentIndex } from '../library/index-job'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { countingItemReads } from '../library/row-reads.test-support'
import { gatedJobs, heldRows, stoppingRows } from './held-jobs.test-support'
import { inThisThread, type IndexJobs } from './index-jobs'
import { lightFromRows, readAtOpen } from './light-rows.test-support'
import { LibraryStore } from './library-store'
import { visibleItems, type ViewState } from './views'

let db: NeurorefDb
afterEach(async () => {
  vi.unstubAllGlobals()
  await db?.delete()
})

const listOf = (search: string): ViewState => ({ view: { kind: 'all' }, search, tags: [], sort: { column: 'title', direction: 'asc' } })
const sorted = (ids: string[]) => [...ids].sort()
const shownFor = (store: LibraryStore, query: string) => visibleItems(store, listOf(query), { now: Date.now() })

const turn = () => new Promise(resolve => setTimeout(resolve, 0))

/** Resolves at the store's next change (an answer made whole says so). */
const nextChange = (store: LibraryStore): Promise<void> =>
  new Promise(resolve => {
    const stop = store.subscribe(() => (stop(), resolve()))
  })

/** The window's idle time, given while `idle` is on (each slice the least time: the work is still done a slice at a time). */
function heldIdleTime(): { idle: (on: boolean) => void; used: () => Promise<void> } {
  let on = true
  let asked = 0
  const waiting: IdleRequestCallback[] = []
  const run = (callback: IdleRequestCallback) => setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 0 }), 0)
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => (asked++, on ? run(callback) : waiting.push(callback)))
  return {
    idle: value => {
      on = value
      if (on) waiting.splice(0).forEach(run)
    },
    // until nothing asks for idle time any more
    used: async () => {
      for (let before = -1; before !== asked;) {
        before = asked
        for (let n = 0; n < 5; n++) await turn()
      }
    }
  }
}

async function firstOpenOf(count: number): Promise<{ store: LibraryStore; gated: ReturnType<typeof gatedJobs>; release: () => void; loaded: Promise<void> }> {
  db = openLibrary(`first-open-search-${Math.random()}`)
  const { items, notes } = createSyntheticLibrary(count, 7)
  await db.items.bulkAdd(items)
  await db.notes.bulkAdd([...notes].map(([itemId, text], n) => ({ id: `note-${n}`, itemId, text, createdAt: 0, modifiedAt: 0 })))
  // the index worker builds for most of a minute: held until the test lets it go
  const gated = gatedJobs()
  gated.hold()
  // every row read (no saved form): the reader sends its first chunk, then waits
  const { rows, release } = heldRows()
  const store = new LibraryStore(db, { jobs: gated.jobs, saveAfterMs: Infinity, rows })
  const loaded = store.load()
  while (store.items.size <= 200) await turn()
  return { store, gated, release, loaded }
}

describe('searching at the first open, before the index is built', () => {
  it('answers every query of the search table as a fresh build does, before the index arrives and after', async () => {
    const { store, gated, release, loaded } = await firstOpenOf(1_200)
    release()
    await loaded
    const fresh = await buildIndex(db)
    for (const query of BENCH_QUERIES) {
      for (let list = shownFor(store, query); list.searching; list = shownFor(store, query)) await nextChange(store)
      expect(store.index.ready, query).toBe(false)
      expect(sorted(shownFor(store, query).items.map(item => item.id)), query).toEqual(sorted(fresh.search(query)))
    }
    gated.release()
    await store.indexSettled()
    for (const query of BENCH_QUERIES) expect(sorted(shownFor(store, query).items.map(item => item.id)), query).toEqual(sorted(fresh.search(query)))
  }, 60_000) // the table read over 1,200 papers 50 times, a slice at a time: past the 20 s default under load

  it('reads the papers for queries asked while they arrive as they come: the answers are whole when the last paper is in', async () => {
    const held = heldIdleTime()
    const count = 2_400
    const { store, release, loaded } = await firstOpenOf(count)
    expect(store.complete).toBe(false)
    const asked = ['oxytocin', 'author:garcia', '"social defeat"', 'year:2015-2021 stress']
    for (const query of asked) expect(shownFor(store, query), query).toEqual({ items: [], searching: true })
    expect(store.items.size).toBeLessThan(count)
    // the papers in so far are read in idle time
    await held.used()
    // then the window is never idle again until the last paper is in: the rest must be read as it comes
    held.idle(false)
    release()
    await loaded
    expect(store.index.ready).toBe(false)
    const fresh = await buildIndex(db)
    for (const query of asked) {
      const shown = shownFor(store, query)
      expect(shown.searching, query).toBe(false)
      expect(sorted(shown.items.map(item => item.id)), query).toEqual(sorted(fresh.search(query)))
    }
    held.idle(true)
  })

  it('reads every row once: the index and light form are made from the rows the papers of the window come from', async () => {
    const name = `first-open-once-${Math.random()}`
    db = openLibrary(name)
    const count = 1_500
    const { items, notes } = createSyntheticLibrary(count, 11)
    await db.items.bulkAdd(items)
    await db.notes.bulkAdd([...notes].map(([itemId, text], n) => ({ id: `note-${n}`, itemId, text, createdAt: 0, modifiedAt: 0 })))
    const fresh = await buildIndex(db)
    db.close()
    const counted = countingItemReads(name)
    db = counted.db
    const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
    await store.load()
    await store.indexSettled()
    expect(store.index.last).toMatchObject({ how: 'rebuilt', light: 'rebuilt' })
    // every row once, and the newest page read first for the first rows (200 papers): the index job read them all again
    expect(counted.read()).toBeLessThanOrEqual(count + 200)
    for (const query of BENCH_QUERIES) expect(sorted(store.search(query)), query).toEqual(sorted(fresh.search(query)))
    // and the next window opens from what was saved, the form giving the papers every row gives
    expect(await readAtOpen(db)).toEqual({ papers: await lightFromRows(db), kinds: new Set(['packed']) })
    const again = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
    await again.load()
    await again.indexSettled()
    expect(again.index.last).toMatchObject({ how: 'loaded', light: 'loaded' })
    for (const query of BENCH_QUERIES) expect(sorted(again.search(query)), query).toEqual(sorted(fresh.search(query)))
  }, 60_000)

  it.each(['killed', 'failed'] as const)(
    'builds the index from every row when the rows reader is %s part of the way',
    async how => {
      db = openLibrary(`first-open-reader-${how}-${Math.random()}`)
      const { items, notes } = createSyntheticLibrary(2_500, 13)
      await db.items.bulkAdd(items)
      await db.notes.bulkAdd([...notes].map(([itemId, text], n) => ({ id: `note-${n}`, itemId, text, createdAt: 0, modifiedAt: 0 })))
      const fresh = await buildIndex(db)
      // the reader stops once the job has indexed its first chunk of rows (a thousand of the 2,500)
      let indexing!: () => void
      const firstRowsIndexed = new Promise<void>(resolve => (indexing = resolve))
      const progress = (onProgress?: (done: number, total: number) => void) => (done: number, total: number) => {
        if (done > 0) indexing()
        onProgress?.(done, total)
      }
      const jobs: IndexJobs = (target, onProgress, onIndex, rows) => inThisThread(target, progress(onProgress), onIndex, rows)
      const store = new LibraryStore(db, { jobs, saveAfterMs: Infinity, rows: stoppingRows(how, firstRowsIndexed) })
      await expect(store.load()).rejects.toThrow('stopped unexpectedly')
      // the job read the rows itself (a killed reader kept it waiting for the session)
      await store.indexSettled()
      expect(store.index.last).toMatchObject({ how: 'rebuilt', light: 'rebuilt' })
      for (const query of BENCH_QUERIES) expect(sorted(store.search(query)), query).toEqual(sorted(fresh.search(query)))
      // the rows that came before the reader stopped are in the form once: it gives the papers every row gives
      expect(await readAtOpen(db)).toEqual({ papers: await lightFromRows(db), kinds: new Set(['packed']) })
    },
    60_000
  )

  it('puts the index in use as soon as it is built, before it is saved: a save that fails leaves it in use', async () => {
    db = openLibrary(`first-open-save-fails-${Math.random()}`)
    await db.items.bulkAdd(createSyntheticLibrary(600, 3).items)
    // the worker's save is killed after its first part (a crash, a full disk)
    const jobs: IndexJobs = (target, onProgress, onIndex) =>
      currentIndex(target, {
        onProgress,
        onIndex,
        afterPart: () => {
          throw new Error('the save was killed')
        }
      })
    const store = new LibraryStore(db, { jobs, saveAfterMs: Infinity })
    await store.load()
    await store.indexSettled()
    expect(store.index.lastError).toMatch('the save was killed')
    expect(store.index.ready).toBe(true)
    const fresh = await buildIndex(db)
    for (const query of ['oxytocin', 'author:garcia', '"oxytocin receptor"', 'year:2015-2021 stress']) {
      expect(sorted(store.index.marked(query) ? store.search(query) : []), query).toEqual(sorted(fresh.search(query)))
    }
  })
})
