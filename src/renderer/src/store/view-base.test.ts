// What each keystroke of a search shows — the view's list kept between
// keystrokes and patched after changes — is what a window opened afresh on
// the same library shows: the same papers in the same order, in several
// views, sorts and tag filters, after random adds, edits, merges, notes,
// trashes and restores. And the chosen papers found in the list are those the
// list shows, in its order.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { addRecordsToLibrary } from '../library/add-paper'
import { addItemsToCollection, createCollection } from '../library/collections'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { addTag } from '../library/tags'
import { moveToTrash } from '../library/trash'
import type { LightItem } from '@shared/model'
import { bareItem } from '@shared/bare-item.test-support'
import { lighten } from './light-item'
import type { LibraryStore } from './library-store'
import { openedStore } from './opened-store.test-support'
import { randomChanges, randomFrom, recordOf } from './random-changes.test-support'
import { chosenInList, visibleItems, type ViewState } from './views'

let db: NeurorefDb
afterEach(() => db?.delete())

/** Words typed a letter at a time, then cleared: each keystroke a new search. */
const TYPED = ['oxytocin', 'author:smith', 'edited', '"social defeat"', 'stress -mice']

const ids = (items: { id: string }[]) => items.map(item => item.id)

const opened = () => openedStore(db)

/** Every keystroke of every typed word, as the list shows it. */
function keystrokes(store: LibraryStore, state: ViewState, descendants?: Set<string>): string[][] {
  const shown: string[][] = []
  for (const word of TYPED) {
    for (let n = 1; n <= word.length; n++) shown.push(ids(visibleItems(store, { ...state, search: word.slice(0, n) }, { now: Date.now(), descendants }).items))
    shown.push(ids(visibleItems(store, { ...state, search: '' }, { now: Date.now(), descendants }).items))
  }
  return shown
}

describe('search keystrokes on the kept list', () => {
  it('show what a window opened afresh shows, after random changes', async () => {
    db = openLibrary(`view-base-${Math.random()}`)
    const pool = createSyntheticLibrary(400, 5).items.map(recordOf)
    await addRecordsToLibrary(db, pool.splice(0, 150))
    const first = (await db.items.toCollection().primaryKeys()) as string[]
    const collection = (await createCollection(db, 'Stress')).id
    await addItemsToCollection(db, collection, first.slice(0, 60))
    await addTag(db, first.slice(30, 90), 'read later')
    const store = await opened()
    const states: ViewState[] = [
      { view: { kind: 'all' }, search: '', tags: [], sort: { column: 'added', direction: 'desc' } },
      { view: { kind: 'all' }, search: '', tags: [], sort: { column: 'title', direction: 'asc' } },
      { view: { kind: 'collection', id: collection }, search: '', tags: ['manual:read later'], sort: { column: 'year', direction: 'desc' } },
      { view: { kind: 'saved', id: 's', query: 'oxytocin' }, search: '', tags: [], sort: { column: 'author', direction: 'asc' } },
      { view: { kind: 'trash' }, search: '', tags: [], sort: { column: 'journal', direction: 'asc' } }
    ]
    const random = randomFrom(3)
    let compared = 0
    for (let round = 0; round < 5; round++) {
      for (const state of states) {
        // the same state typed twice around a change: the second time its kept list is patched, not built
        keystrokes(store, state)
        await randomChanges(db, pool, random, 3)
        await store.settled()
        const typed = keystrokes(store, state)
        const fresh = await opened()
        expect(typed, JSON.stringify(state)).toEqual(keystrokes(fresh, state))
        compared += typed.filter(list => list.length > 0).length
      }
    }
    expect(compared).toBeGreaterThan(100)
  }, 120_000)

  it('are answered without reading an id at the first search of a list sorted while the index is in use', async () => {
    db = openLibrary(`view-base-${Math.random()}`)
    await addRecordsToLibrary(db, createSyntheticLibrary(300, 4).items.map(recordOf))
    const store = await opened()
    const sorted: ViewState = { view: { kind: 'all' }, search: '', tags: [], sort: { column: 'title', direction: 'asc' } }
    expect(visibleItems(store, sorted, { now: Date.now() }).items).toHaveLength(300)
    // the window idle a while after the sort, then a facet chosen: its places by the index's numbers are made by then
    for (let n = 0; n < 10; n++) await new Promise(resolve => setTimeout(resolve, 0))
    const looked = vi.spyOn(store.index.numbers!, 'of')
    const found = visibleItems(store, { ...sorted, search: 'journal:Peptides' }, { now: Date.now() }).items
    expect(looked).not.toHaveBeenCalled()
    const fresh = await opened()
    expect(ids(found)).toEqual(ids(visibleItems(fresh, { ...sorted, search: 'journal:Peptides' }, { now: Date.now() }).items))
    expect(found.length).toBeGreaterThan(5)
  })

  it('number a list by date added without looking up an id, and answer as the index does after papers are edited and trashed', async () => {
    db = openLibrary(`view-base-${Math.random()}`)
    const pool = createSyntheticLibrary(400, 6).items.map(recordOf)
    // papers added in writes: those of one write share their date added
    for (let write = 0; write < 4; write++) await addRecordsToLibrary(db, pool.splice(0, 60))
    const store = await opened()
    const byAdded: ViewState = { view: { kind: 'all' }, search: '', tags: [], sort: { column: 'added', direction: 'desc' } }
    const asTheIndexAnswers = (query: string) => {
      const found = new Set(store.search(query))
      return ids(visibleItems(store, byAdded, { now: Date.now() }).items).filter(id => found.has(id))
    }
    const looked = vi.spyOn(store.index.numbers!, 'of')
    expect(visibleItems(store, byAdded, { now: Date.now() }).items).toHaveLength(240)
    for (let n = 0; n < 10; n++) await new Promise(resolve => setTimeout(resolve, 0))
    const found = visibleItems(store, { ...byAdded, search: 'journal:Peptides' }, { now: Date.now() }).items
    // each of the 240 papers' numbers was looked up by id before
    expect(looked).not.toHaveBeenCalled()
    expect(found.length).toBeGreaterThan(5)
    expect(ids(found)).toEqual(asTheIndexAnswers('journal:Peptides'))
    const random = randomFrom(8)
    for (let round = 0; round < 4; round++) {
      await randomChanges(db, pool, random, 6)
      await store.settled()
      visibleItems(store, byAdded, { now: Date.now() })
      for (let n = 0; n < 10; n++) await new Promise(resolve => setTimeout(resolve, 0))
      for (const query of ['journal:Peptides', 'edited', 'oxytocin -mice'])
        expect(ids(visibleItems(store, { ...byAdded, search: query }, { now: Date.now() }).items), query).toEqual(asTheIndexAnswers(query))
    }
  })

  it('are drawn as shown before while a large change is prepared for showing, and with the change once it is shown', async () => {
    db = openLibrary(`view-base-${Math.random()}`)
    await addRecordsToLibrary(db, createSyntheticLibrary(700, 12).items.map(recordOf))
    const store = await opened()
    const byTitle: ViewState = { view: { kind: 'all' }, search: '', tags: [], sort: { column: 'title', direction: 'asc' } }
    const draw = () => visibleItems(store, byTitle, { now: Date.now() }).items
    // the list drawn while the change is prepared (before the kept list is brought up to date for it), after the
    // index's progress or a column's order moved the store's version, as the window draws it then
    const meanwhile: string[][] = []
    store.beforeShowing(async () => {
      store.redraw()
      meanwhile.push(ids(draw()))
    })
    const before = ids(draw())
    expect(before).toHaveLength(700)
    const trashed = new Set([...store.items.keys()].slice(0, 600))
    await moveToTrash(db, [...trashed])
    await store.settled()
    // as shown before: the 600 papers leave the list when the change is shown, the list not made at once meanwhile
    expect(meanwhile.length).toBeGreaterThan(0)
    for (const list of meanwhile) expect(list).toEqual(before)
    const shown = ids(draw())
    expect(shown).toHaveLength(100)
    expect(shown.some(id => trashed.has(id))).toBe(false)
    expect(shown).toEqual(ids(visibleItems(await opened(), byTitle, { now: Date.now() }).items))
  })

  it('find the chosen papers the list shows, in its order', async () => {
    db = openLibrary(`view-base-${Math.random()}`)
    await addRecordsToLibrary(db, createSyntheticLibrary(80, 9).items.map(recordOf))
    const store = await opened()
    const list = visibleItems(
      store,
      { view: { kind: 'all' }, search: 'oxytocin', tags: [], sort: { column: 'title', direction: 'asc' } },
      { now: Date.now() }
    ).items
    const notShown = [...store.items.keys()].filter(id => !list.some(item => item.id === id))
    expect(list.length).toBeGreaterThan(3)
    expect(notShown.length).toBeGreaterThan(0)
    const chosen = [list[3].id, notShown[0], list[0].id, list[3].id]
    expect(ids(chosenInList(store, list, chosen))).toEqual([list[0].id, list[3].id])
    expect(chosenInList(store, list, [])).toEqual([])
    const many = [...store.items.keys()]
    expect(ids(chosenInList(store, list, many))).toEqual(ids(list))

    // the same choice, as the list changes under it (papers moved to the Trash leave it): what it shows of them now
    await moveToTrash(db, [list[0].id, list[2].id])
    await store.settled()
    const after = visibleItems(
      store,
      { view: { kind: 'all' }, search: 'oxytocin', tags: [], sort: { column: 'title', direction: 'asc' } },
      { now: Date.now() }
    ).items
    expect(after).toHaveLength(list.length - 2)
    expect(ids(chosenInList(store, after, many))).toEqual(ids(after))
    expect(ids(chosenInList(store, list, many))).toEqual(ids(list))
  })
})

describe('a large selection as the list is drawn again under it', () => {
  it('is the papers of it the list shows, in its order, as papers are filed anew, leave, come in and move', () => {
    const paper = (n: number): LightItem => lighten(bareItem(`p${String(n).padStart(4, '0')}`, { type: 'article-journal', title: `Paper ${n}` }))
    let list = Array.from({ length: 600 }, (_, n) => paper(n))
    // the researcher chose 400 of them, and one paper not in the list
    const chosen = [...list.slice(100, 500).map(item => item.id), 'p9999']
    const store = {} as LibraryStore
    const random = randomFrom(7)
    for (let round = 0; round < 40; round++) {
      const next: LightItem[] = []
      for (const item of list) {
        const r = random()
        // a new copy of the same paper (filed), the paper gone (trashed), or a paper that comes in before it
        if (r < 0.2) next.push(lighten(bareItem(item.id, item.csl, { collectionIds: ['c'] })))
        else if (r < 0.25) continue
        else if (r < 0.28) next.push(paper(1000 + Math.floor(random() * 9000)), item)
        else next.push(item)
      }
      // now and then the list in another order
      list = round % 10 === 9 ? next.reverse() : next
      const inChoice = new Set(chosen)
      expect(ids(chosenInList(store, list, chosen))).toEqual(ids(list.filter(item => inChoice.has(item.id))))
    }
    // the whole list chosen: every paper of it
    const all = list.map(item => item.id)
    expect(chosenInList(store, list, all)).toEqual(list)
    const fewer = list.filter((_, n) => n % 3 !== 0)
    expect(chosenInList(store, fewer, all)).toEqual(fewer)
  })

  it('is every paper of the list when the whole list was chosen, and stays so as they are filed anew, leave and others come in', () => {
    const paper = (n: number): LightItem => lighten(bareItem(`p${String(n).padStart(4, '0')}`, { type: 'article-journal', title: `Paper ${n}` }))
    const list = Array.from({ length: 600 }, (_, n) => paper(n))
    const store = {} as LibraryStore
    // chosen with select-all: the list's ids in its order
    const all = list.map(item => item.id)
    expect(chosenInList(store, list, all)).toEqual(list)
    // every paper filed (new copies), some trashed, two new papers in (not chosen), then the list in another order
    const filed = list.filter((_, n) => n % 7 !== 0).map(item => lighten(bareItem(item.id, item.csl, { collectionIds: ['c'] })))
    const withNew = [paper(5000), ...filed.slice(0, 300), paper(5001), ...filed.slice(300)]
    expect(ids(chosenInList(store, withNew, all))).toEqual(ids(filed))
    expect(ids(chosenInList(store, [...withNew].reverse(), all))).toEqual(ids(filed).reverse())
    // the same ids in another order than the list's: every paper still chosen
    expect(ids(chosenInList(store, list, [...all].reverse()))).toEqual(all)
  })
})
