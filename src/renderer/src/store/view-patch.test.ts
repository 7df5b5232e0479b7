// The patched list in view equals a full rebuild after random small changes:
// papers added, retitled, trashed, tagged, filed and merged (one deleted), under several views.
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { addRecordToLibrary } from '../library/add-paper'
import { addItemsToCollection, createCollection, removeItemsFromCollection } from '../library/collections'
import { formOf, saveEdit } from '../library/edit'
import { addTag, removeTag } from '../library/tags'
import { moveToTrash, restoreFromTrash } from '../library/trash'
import { mergeDuplicates } from '../library/merge'
import { LibraryStore } from './library-store'
import { libraryCounts, visibleItems, type ViewState } from './views'

let db: NeurorefDb
afterEach(() => db?.delete())

const WORDS = ['oxytocin', 'vasopressin', 'orexin', 'Ångström', 'CRF', 'stress', 'sleep', 'reward', 'galanin', 'zebrafish']
const paper = (title: string, i: number) => ({
  csl: { type: 'article-journal', title, 'container-title': WORDS[i % 3], issued: { 'date-parts': [[2000 + (i % 7)]] } },
  doi: `10.1/${i}`,
  sources: ['manual' as const]
})

/** a small seeded generator, so a failure can be replayed */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31)
}

describe('visibleItems after a few changes', () => {
  it('patches to exactly what a full rebuild shows', async () => {
    db = openLibrary(`patch-${Math.random()}`)
    const next = random(7)
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]
    const title = (): string => `${pick(WORDS)} and ${pick(WORDS)} in ${pick(WORDS)}`
    for (let i = 0; i < 30; i++) await addRecordToLibrary(db, paper(title(), i))
    const c1 = (await createCollection(db, 'Sleep')).id
    const store = new LibraryStore(db)
    await store.load()
    const states: ViewState[] = [
      { view: { kind: 'all' }, search: '', tags: [], sort: { column: 'added', direction: 'desc' } },
      { view: { kind: 'all' }, search: 'oxytocin', tags: [], sort: { column: 'title', direction: 'asc' } },
      { view: { kind: 'saved', id: 's', query: 'stress' }, search: '', tags: [], sort: { column: 'year', direction: 'desc' } },
      { view: { kind: 'trash' }, search: '', tags: [], sort: { column: 'journal', direction: 'asc' } },
      { view: { kind: 'unfiled' }, search: '', tags: ['manual:read later'], sort: { column: 'author', direction: 'desc' } },
      { view: { kind: 'collection', id: c1 }, search: 'sleep', tags: [], sort: { column: 'title', direction: 'desc' } }
    ]
    const context = { now: Date.now() }
    const ids = (items: { id: string }[]) => items.map(item => item.id)
    for (const state of states) visibleItems(store, state, context)

    let n = 30
    for (let round = 0; round < 40; round++) {
      const existing = [...store.items.keys()]
      const changes = 1 + Math.floor(next() * 3)
      for (let c = 0; c < changes; c++) {
        const id = pick(existing)
        const action = pick(['add', 'retitle', 'trash', 'restore', 'tag', 'file', 'delete'])
        if (action === 'add') await addRecordToLibrary(db, paper(title(), n++))
        else if (action === 'retitle') await saveEdit(db, id, { ...formOf((await db.items.get(id))!), title: title() })
        else if (action === 'trash') await moveToTrash(db, [id])
        else if (action === 'restore') await restoreFromTrash(db, [id])
        else if (action === 'tag') await (next() < 0.5 ? addTag(db, [id], 'read later') : removeTag(db, [id], 'read later'))
        else if (action === 'file') await (next() < 0.5 ? addItemsToCollection(db, c1, [id]) : removeItemsFromCollection(db, c1, [id]))
        else if (store.items.size > 1) await mergeDuplicates(db, id, pick(existing.filter(other => other !== id)), {}) // one of the two is deleted
      }
      await store.settled()
      for (const state of states) {
        expect(ids(visibleItems(store, state, context).items)).toEqual(ids(visibleItems(store, { ...state }, context).items))
      }
      const trashed = [...store.items.values()].filter(item => item.trashedAt !== undefined).length
      expect(libraryCounts(store)).toEqual({ all: store.items.size - trashed, trash: trashed })
    }
    // the views did show something, so the comparison meant something
    expect(visibleItems(store, states[1], context).items.length).toBeGreaterThan(0)
    expect(visibleItems(store, states[3], context).items.length).toBeGreaterThan(0)
  })

  it('counts the library and the Trash through every paper trashed, a few changes after, and every paper restored', async () => {
    db = openLibrary(`counts-${Math.random()}`)
    for (let i = 0; i < 30; i++) await addRecordToLibrary(db, paper(`paper ${i}`, i))
    const store = new LibraryStore(db)
    await store.load()
    const counts = async (): Promise<{ all: number; trash: number }> => {
      await store.settled()
      return libraryCounts(store)
    }
    const all = [...store.items.keys()]
    expect(await counts()).toEqual({ all: 30, trash: 0 })
    await moveToTrash(db, all)
    expect(await counts()).toEqual({ all: 0, trash: 30 })
    // a few changes after the whole library went to the Trash: patched, not counted again
    await restoreFromTrash(db, all.slice(0, 2))
    expect(await counts()).toEqual({ all: 2, trash: 28 })
    await addRecordToLibrary(db, paper('a new paper', 31))
    expect(await counts()).toEqual({ all: 3, trash: 28 })
    await moveToTrash(db, [all[0]])
    expect(await counts()).toEqual({ all: 2, trash: 29 })
    // one paper in the Trash merged into one outside it: it leaves the library
    await mergeDuplicates(db, all[1], all[5], {})
    expect(await counts()).toEqual({ all: 2, trash: 28 })
    await restoreFromTrash(db, [...store.items.keys()])
    expect(await counts()).toEqual({ all: 30, trash: 0 })
    const trashed = [...store.items.values()].filter(item => item.trashedAt !== undefined).length
    expect(trashed).toBe(0)
  })
})
