// The kept sort order matches a fresh sort after any sequence of changes.
import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { addRecordToLibrary } from '../library/add-paper'
import { formOf, saveEdit } from '../library/edit'
import { emptyTrashRecords, moveToTrash } from '../library/trash'
import { importRecords } from '../library/import-file'
import { LibraryStore } from './library-store'
import { SortedOrder } from './sorted-order'
import { SORT_KEYS, visibleItems, type SortColumn, type ViewState } from './views'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { addRecordsToLibrary } from '../library/add-paper'
import { openedStore } from './opened-store.test-support'
import { recordOf } from './random-changes.test-support'
import { sortInSlices } from './sort-in-slices'
import { inTurns } from './turns'
import type { LightItem } from '@shared/model'

let db: NeurorefDb
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  return db?.delete()
})

/** Waits until the background sorts that the showings started (SortedOrder.prepare, spied on) have ended. */
async function sortsDone(prepare: MockInstance<SortedOrder['prepare']>): Promise<void> {
  expect(prepare).toHaveBeenCalled()
  await Promise.all(prepare.mock.results.map(result => result.value))
}

const titles = ['Vasopressin and pair bonds', 'orexin and sleep', 'Ångström-scale oxytocin imaging', 'CRF in stress', 'beta-endorphin and reward']
const paper = (title: string, i: number) => ({
  csl: { type: 'article-journal', title, issued: { 'date-parts': [[2000 + i]] } },
  doi: `10.1/${i}`,
  sources: ['manual' as const]
})

/** A library of the five titles, its store and kept title order, and the order a fresh sort gives. */
async function fiveTitles() {
  db = openLibrary(`sort-${Math.random()}`)
  for (const [i, t] of titles.entries()) await addRecordToLibrary(db, paper(t, i))
  const store = new LibraryStore(db)
  await store.load()
  const order = new SortedOrder(store, c => SORT_KEYS[c as 'title'])
  const fresh = () => [...store.items.values()].map(i => SORT_KEYS.title(i) as string).sort()
  const titlesOf = () => order.get('title').map(i => SORT_KEYS.title(i) as string)
  return { store, order, fresh, titlesOf }
}

describe('SortedOrder', () => {
  it('keeps title order through adds, edits and deletes, as a fresh sort would give', async () => {
    const { store, order, fresh, titlesOf } = await fiveTitles()
    expect(titlesOf()).toEqual(fresh())
    expect(titlesOf()[0]).toBe('angstrom-scale oxytocin imaging')

    const { item } = await addRecordToLibrary(db, paper('Neuropeptide Y and anxiety', 9))
    await store.settled()
    expect(titlesOf()).toEqual(fresh())
    await saveEdit(db, item.id, { ...formOf(item), title: 'Zebrafish oxytocin' })
    await store.settled()
    expect(titlesOf()).toEqual(fresh())
    expect(titlesOf().at(-1)).toBe('zebrafish oxytocin')
    await moveToTrash(db, [item.id])
    await emptyTrashRecords(db)
    await store.settled()
    expect(titlesOf()).toEqual(fresh())
    expect(order.get('year').map(i => i.year)).toEqual([2000, 2001, 2002, 2003, 2004])
  })

  it('merges a large import into the kept order, as a fresh sort would give', async () => {
    const { store, fresh, titlesOf } = await fiveTitles()
    expect(titlesOf()).toEqual(fresh())
    // shuffled titles, some equal to each other and to papers already there
    const records = Array.from({ length: 450 }, (_, n) => paper(`${titles[(n * 7) % titles.length]} ${(n * 7919) % 97}`, 10 + n))
    await importRecords(db, records, store.finder)
    await store.settled()
    expect(titlesOf()).toHaveLength(455)
    expect(titlesOf()).toEqual(fresh())
  })
})

describe('a sort order prepared beforehand', () => {
  const spellings = ['Orexin', 'orexin', 'Órexin', 'OREXIN', '', 'Ångström', 'angstrom', 'Zebrafish', 'beta-endorphin', 'Beta-Endorphin']
  /** papers with titles, authors and journals equal but for case and accents, some empty, many tied */
  const papers = Array.from(
    { length: 5000 },
    (_, n) =>
      ({
        id: `p${(n * 7919) % 5003}`,
        csl: {
          title: n % 11 === 0 ? undefined : `${spellings[n % spellings.length]} ${n % 13}`,
          author: n % 5 === 0 ? [] : [{ family: spellings[(n * 3) % spellings.length] }],
          'container-title': spellings[(n * 7) % spellings.length]
        },
        year: n % 4 === 0 ? undefined : 1990 + (n % 30)
      }) as unknown as LightItem
  )

  /** The papers' ids as sorting at the click orders them: by key, ties by id. */
  const idsAsAtTheClick = (key: (typeof SORT_KEYS)[keyof typeof SORT_KEYS]) =>
    papers
      .map(item => ({ item, key: key(item) }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.item.id < y.item.id ? -1 : 1))
      .map(p => p.item.id)

  it.each(['title', 'author', 'journal', 'year'] as const)('puts papers in the same order as sorting at the click (%s)', async column => {
    const key = SORT_KEYS[column]
    const atTheClick = idsAsAtTheClick(key)
    const prepared = await inTurns(sortInSlices(papers, key))
    expect(prepared.items.map(item => item.id)).toEqual(atTheClick)
  })

  it.each(['title', 'author', 'journal', 'year'] as const)('puts papers that come in id order, ties broken by place, in the same order (%s)', async column => {
    const key = SORT_KEYS[column]
    const atTheClick = idsAsAtTheClick(key)
    const byId = [...papers].sort((a, b) => (a.id < b.id ? -1 : 1))
    const prepared = await inTurns(sortInSlices(byId, key, true))
    expect(prepared.items.map(item => item.id)).toEqual(atTheClick)
  })

  it("sorts a column from the papers' id order made beforehand, without comparing ids where papers tie", async () => {
    let idsRead = 0
    const counted = papers.map(p => {
      const { id, ...rest } = p
      return Object.defineProperty(rest, 'id', { get: () => (idsRead++, id), enumerable: true }) as LightItem
    })
    const store = storeOf(counted)
    const library = store as unknown as LibraryStore
    const order = new SortedOrder(library, c => SORT_KEYS[c as 'year'])
    await order.prepare([])
    idsRead = 0
    const byYear = order.get('year')
    // 5,000 papers over 30 years: sorted by comparing ids where they tie, about 100,000 were read
    expect(idsRead).toBe(0)
    expect(byYear.map(item => item.id)).toEqual(sortedAtTheClick(papers, 'year'))
  })

  /** A store of these papers whose changes are told by id, as the library store tells an import's. */
  function storeOf(start: LightItem[]) {
    const log: { ids: Set<string>; allNew: boolean }[] = []
    const store = {
      items: new Map(start.map(item => [item.id, item])),
      takingIn: false,
      unshown: false,
      get version() {
        return log.length
      },
      changedSince: (version: number) => new Set(log.slice(version).flatMap(change => [...change.ids])),
      *changedInSlices(version: number) {
        yield
        return store.changedSince(version)
      },
      onlyNewSince: (version: number) => log.slice(version).every(change => change.allNew),
      // every change is remembered here
      knowsChangesSince: () => true,
      // no library opened here: every order is sorted
      openedByDateAdded: () => undefined,
      /** `allNew`: none was in the store when it was put there (the store notes that as it takes a batch in) */
      take(changed: LightItem[], allNew = changed.every(item => !store.items.has(item.id))) {
        for (const item of changed) store.items.set(item.id, item)
        log.push({ ids: new Set(changed.map(item => item.id)), allNew })
      }
    }
    return store
  }
  const sortedAtTheClick = (items: Iterable<LightItem>, column: 'title' | 'year') =>
    [...items]
      .map(item => ({ id: item.id, key: SORT_KEYS[column](item) }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.id < y.id ? -1 : 1))
      .map(p => p.id)

  it('keeps its place for each paper of a change of every paper that left their keys as they were (every paper filed): none is sorted again', async () => {
    let idsRead = 0
    const counting = (paper: LightItem): LightItem => {
      const { id, ...rest } = paper
      return Object.defineProperty(rest, 'id', { get: () => (idsRead++, id), enumerable: true }) as LightItem
    }
    const store = storeOf(papers.map(counting))
    const library = store as unknown as LibraryStore
    const order = new SortedOrder(library, c => SORT_KEYS[c as 'year'])
    await order.prepare(['year'])
    // a new copy of every paper, filed in a collection: its year as it was
    store.take([...store.items.values()].map(paper => counting({ ...paper, collectionIds: ['everything'], modifiedAt: 1 })))
    idsRead = 0
    const byYear = order.get('year')
    // each kept paper's id read once to learn whether it changed; sorted again, the 5,000 papers tied on 30 years were
    // told apart by comparing their ids: 112,728 reads
    expect(idsRead).toBe(papers.length)
    expect(byYear.every(item => store.items.get(item.id) === item)).toBe(true)
    expect(byYear.map(item => item.id)).toEqual(sortedAtTheClick(store.items.values(), 'year'))
  })

  it('brings the list sorted by title up to date after every paper was filed without folding a title again', async () => {
    const store = Object.assign(storeOf(papers), {
      complete: true,
      index: { ready: true, prepareNumbers: () => {} },
      beforeShowing: () => {},
      redraw: () => {}
    })
    const library = store as unknown as LibraryStore
    const shown = (column: SortColumn) =>
      visibleItems(library, { view: { kind: 'all' }, search: '', tags: [], sort: { column, direction: 'asc' } }, { now: Date.now() }).items
    const preparing = vi.spyOn(SortedOrder.prototype, 'prepare')
    shown('title')
    // every column sorted beforehand: the sorts the showing started, to their end
    await sortsDone(preparing)
    store.take([...store.items.values()].map(paper => ({ ...paper, collectionIds: ['everything'], modifiedAt: 1 }) as LightItem))
    const title = vi.spyOn(SORT_KEYS, 'title')
    const byTitle = shown('title')
    expect(title).not.toHaveBeenCalled()
    title.mockRestore()
    expect(byTitle.every(item => store.items.get(item.id) === item)).toBe(true)
    expect(byTitle.map(item => item.id)).toEqual(sortedAtTheClick(store.items.values(), 'title'))
  })

  it('places 6,000 papers imported at once into 5,000 (some of them edited) as sorting at the click would', async () => {
    const store = storeOf(papers)
    const library = store as unknown as LibraryStore
    const order = new SortedOrder(library, c => SORT_KEYS[c as 'title'])
    await order.prepare(['title', 'year'])
    const imported = Array.from({ length: 6000 }, (_, n) => papers[n % papers.length]).map(
      (p, n) => ({ ...p, id: `new${n}`, csl: { ...p.csl, title: `${p.csl.title ?? ''} ${n % 17}` } }) as LightItem
    )
    const edited = papers.slice(0, 50).map(p => ({ ...p, csl: { ...p.csl, title: 'Zebrafish last' }, year: 1900 }) as LightItem)
    store.take([...imported.slice(0, 3000), ...papers.slice(100, 3000)])
    store.take([...imported.slice(3000), ...edited])
    const preparing = order.prepare(['title', 'year'])
    await new Promise(resolve => setTimeout(resolve, 0))
    // a paper edited while the import is merged in, and the list shown meanwhile
    store.take([{ ...papers[60], csl: { title: 'Álpha first' } } as LightItem])
    expect(order.get('title').map(i => i.id)).toEqual(sortedAtTheClick(store.items.values(), 'title'))
    await preparing
    expect(order.get('title')).toHaveLength(11_000)
    expect(order.get('title').map(i => i.id)).toEqual(sortedAtTheClick(store.items.values(), 'title'))
    expect(
      order
        .get('title')
        .slice(-50)
        .map(i => i.csl.title)
    ).toEqual(Array(50).fill('Zebrafish last'))
    expect(order.get('year').map(i => i.id)).toEqual(sortedAtTheClick(store.items.values(), 'year'))
  })

  it('takes an import in once, though its order was sorted while some of its papers were in the store but not yet shown', async () => {
    const store = storeOf(papers.slice(0, 2000))
    const library = store as unknown as LibraryStore
    const order = new SortedOrder(library, c => SORT_KEYS[c as 'title'])
    order.get('title')
    // the store takes an import in: papers put before their showing is recorded, a list drawn meanwhile sorts them
    const imported = papers.slice(2000, 4000)
    for (const item of imported.slice(0, 700)) store.items.set(item.id, item)
    store.unshown = true
    order.get('year')
    store.take(imported.slice(0, 700), true)
    store.unshown = false
    // all new to the library: merged without looking for them among the kept papers, unless the order may hold them
    expect(store.onlyNewSince(0)).toBe(true)
    expect(order.get('year').map(i => i.id)).toEqual(sortedAtTheClick(store.items.values(), 'year'))
    store.take(imported.slice(700))
    expect(order.get('title').map(i => i.id)).toEqual(sortedAtTheClick(store.items.values(), 'title'))
    expect(order.get('year').map(i => i.id)).toEqual(sortedAtTheClick(store.items.values(), 'year'))
    expect(order.get('year')).toHaveLength(4000)
  })

  it("is sorted only in the window's idle time, so what the researcher asks meanwhile (a search at open) comes first", async () => {
    // idle callbacks held until the test says the window is idle
    const waiting: IdleRequestCallback[] = []
    vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback) => waiting.push(run))
    const store = storeOf(papers)
    const library = store as unknown as LibraryStore
    let keysWorkedOut = 0
    const order = new SortedOrder(library, () => item => (keysWorkedOut++, SORT_KEYS.title(item)))
    const preparing = order.prepare(['title'])
    for (let turn = 0; turn < 20; turn++) await new Promise(resolve => setTimeout(resolve, 0))
    expect(keysWorkedOut).toBe(0)
    expect(waiting.length).toBeGreaterThan(0)
    for (let done = false; !done;) {
      void preparing.then(() => (done = true))
      for (const run of waiting.splice(0)) run({ didTimeout: false, timeRemaining: () => 10 })
      await new Promise(resolve => setTimeout(resolve, 0))
    }
    expect(keysWorkedOut).toBeGreaterThan(0)
    expect(order.get('title').map(i => i.id)).toEqual(sortedAtTheClick(store.items.values(), 'title'))
  })

  it('keeps the papers in the order shown while a column clicked before its order was made is sorted a slice at a time, then shows it sorted', async () => {
    // the index not yet in use (a first open builds it for tens of seconds): nothing is sorted beforehand
    const many = [...papers, ...papers.slice(0, 1000).map(p => ({ ...p, id: `again-${p.id}` }) as LightItem)]
    const store = Object.assign(storeOf(many), { complete: false, index: { ready: false }, beforeShowing: () => {}, redraw: () => store.take([]) })
    const library = store as unknown as LibraryStore
    const shown = (column: SortColumn) =>
      visibleItems(library, { view: { kind: 'all' }, search: '', tags: [], sort: { column, direction: 'asc' } }, { now: Date.now() })
    const byYear = shown('year')
    expect(byYear.items.map(item => item.id)).toEqual(sortedAtTheClick(many, 'year'))
    const title = vi.spyOn(SORT_KEYS, 'title')
    const clicked = shown('title')
    expect(title).not.toHaveBeenCalled()
    expect(clicked.sorting).toBe(true)
    expect(clicked.items).toEqual(byYear.items)
    const drawnAt = store.version
    while (store.version === drawnAt) await new Promise(resolve => setTimeout(resolve, 0))
    title.mockRestore()
    const sorted = shown('title')
    expect(sorted.sorting).toBeUndefined()
    expect(sorted.items.map(item => item.id)).toEqual(sortedAtTheClick(many, 'title'))
  })

  it('shows papers edited before and while it was prepared in their new places', async () => {
    const { store, order, fresh, titlesOf } = await fiveTitles()
    const first = (await db.items.get([...store.items.keys()][0]))!
    await saveEdit(db, first.id, { ...formOf(first), title: 'Álpha first' })
    await store.settled()
    const preparing = order.prepare(['title', 'year'])
    const second = (await db.items.get([...store.items.keys()][1]))!
    await saveEdit(db, second.id, { ...formOf(second), title: 'Zulu last' })
    await store.settled()
    await preparing
    await addRecordToLibrary(db, paper('Middle of the list', 20))
    await store.settled()
    expect(titlesOf()).toEqual(fresh())
    expect(titlesOf()[0]).toBe('alpha first')
    expect(titlesOf().at(-1)).toBe('zulu last')
    expect(order.get('year').map(i => i.year)).toEqual([...store.items.values()].map(i => i.year).sort())
  })
})

describe('the list sorted by a column', () => {
  it('finds every column the list offers sorted beforehand once the library is open: a click sorts nothing', async () => {
    db = openLibrary(`sort-click-${Math.random()}`)
    await addRecordsToLibrary(db, createSyntheticLibrary(300, 5).items.map(recordOf))
    const store = await openedStore(db)
    const shown = (column: SortColumn, direction: 'asc' | 'desc') => {
      const state: ViewState = { view: { kind: 'all' }, search: '', tags: [], sort: { column, direction } }
      return visibleItems(store, state, { now: Date.now() }).items.map(item => item.id)
    }
    const preparing = vi.spyOn(SortedOrder.prototype, 'prepare')
    shown('added', 'desc')
    // the window idle until the sorts the showing started are done
    await sortsDone(preparing)
    for (const column of Object.keys(SORT_KEYS) as SortColumn[]) {
      const key = vi.spyOn(SORT_KEYS, column)
      const ascending = shown(column, 'asc')
      expect(shown(column, 'desc')).toEqual([...ascending].reverse())
      expect(key, column).not.toHaveBeenCalled()
      key.mockRestore()
      const fresh = [...store.items.values()]
        .map(item => ({ id: item.id, key: SORT_KEYS[column](item) }))
        .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.id < y.id ? -1 : 1))
        .map(p => p.id)
      expect(ascending, column).toEqual(fresh)
    }
  })
})
