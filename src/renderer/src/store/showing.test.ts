// A large batch (an import, a sync's arrivals, every paper read at open) is shown with the list already
// brought up to date: what the window draws when it is told is what a window
// opened afresh shows, and drawing it sorts no paper (that work was done
// beforehand, a slice at a time, instead of in the drawing's task).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { addRecordsToLibrary } from '../library/add-paper'
import { importRecords } from '../library/import-file'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { moveToTrash } from '../library/trash'
import { openedStore } from './opened-store.test-support'
import { inThisThread } from './index-jobs'
import { LibraryStore } from './library-store'
import { recordOf } from './random-changes.test-support'
import { SORT_KEYS, visibleItems, type ViewState } from './views'

let db: NeurorefDb
afterEach(() => {
  vi.restoreAllMocks()
  return db?.delete()
})

const ids = (items: { id: string }[]) => items.map(item => item.id)

const opened = () => openedStore(db)

describe('a large batch shown', () => {
  it.each([
    { view: { kind: 'all' }, search: '', tags: [], sort: { column: 'title', direction: 'asc' } },
    { view: { kind: 'all' }, search: 'oxytocin', tags: [], sort: { column: 'title', direction: 'desc' } },
    { view: { kind: 'trash' }, search: '', tags: [], sort: { column: 'year', direction: 'desc' } }
  ] as ViewState[])(
    'is drawn in order without sorting a paper when the window is told ($view.kind, "$search", $sort.column)',
    async state => {
      db = openLibrary(`showing-${Math.random()}`)
      const pool = createSyntheticLibrary(900, 11).items.map(recordOf)
      await addRecordsToLibrary(db, pool.splice(0, 300))
      await moveToTrash(db, ((await db.items.toCollection().primaryKeys()) as string[]).slice(0, 40))
      const store = await opened()
      const context = { now: Date.now() }
      visibleItems(store, state, context)

      // what the window draws each time the store tells it of a change, and how many sort keys drawing it worked out
      const column = state.sort.column
      const key = SORT_KEYS[column]
      let keysWorkedOut = 0
      vi.spyOn(SORT_KEYS, column).mockImplementation(item => (keysWorkedOut++, key(item)))
      const drawn: { ids: string[]; keys: number; size: number }[] = []
      store.subscribe(() => {
        keysWorkedOut = 0
        const list = visibleItems(store, { ...state }, context).items
        drawn.push({ ids: ids(list), keys: keysWorkedOut, size: store.items.size })
      })
      await importRecords(db, pool, store.finder)
      await store.settled()

      const shownWithImport = drawn.filter(d => d.size === 900)
      expect(shownWithImport.length).toBeGreaterThan(0)
      expect(shownWithImport.map(d => d.keys)).toEqual(shownWithImport.map(() => 0))
      vi.restoreAllMocks()
      const fresh = await opened()
      expect(drawn.at(-1)!.ids).toEqual(ids(visibleItems(fresh, { ...state }, context).items))
    },
    60_000
  )

  it('at open, the whole library is drawn in order without sorting a paper once every paper is in', async () => {
    db = openLibrary(`showing-${Math.random()}`)
    // more than the first page (200, read and drawn at once), from the saved light form or from every row
    await addRecordsToLibrary(db, createSyntheticLibrary(900, 12).items.map(recordOf))
    const state: ViewState = { view: { kind: 'all' }, search: '', tags: [], sort: { column: 'title', direction: 'asc' } }
    const context = { now: Date.now() }
    const key = SORT_KEYS.title
    let keysWorkedOut = 0
    vi.spyOn(SORT_KEYS, 'title').mockImplementation(item => (keysWorkedOut++, key(item)))
    for (const opening of ['first open', 'opened again']) {
      const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
      const drawn: { ids: string[]; keys: number; size: number }[] = []
      store.subscribe(() => {
        keysWorkedOut = 0
        const list = visibleItems(store, { ...state }, context).items
        drawn.push({ ids: ids(list), keys: keysWorkedOut, size: list.length })
      })
      await store.load()
      await store.indexSettled()
      const whole = drawn.filter(d => d.size === 900)
      expect(whole.length, opening).toBeGreaterThan(0)
      expect(
        whole.map(d => d.keys),
        opening
      ).toEqual(whole.map(() => 0))
      expect(whole[0].ids, opening).toEqual(ids(visibleItems(await opened(), { ...state }, context).items))
    }
  }, 60_000)
})
