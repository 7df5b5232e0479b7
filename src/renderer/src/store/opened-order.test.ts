// Opening a library again from its saved light form: the list by date added is the papers as they arrived when they
// arrived in that order (opened-order.ts), sorted when they did not; the Trash counted as they arrived. Either way the
// researcher sees the same list, counts and Trash as a library sorted and counted afresh, and after changes too.
import { afterEach, describe, expect, it } from 'vitest'
import type { Item } from '@shared/model'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { forgetLightForm, parseLightPart, readLightMeta, readLightParts, writeLightForm } from '../library/light-form'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { moveToTrash, restoreFromTrash } from '../library/trash'
import { write } from '../library/write'
import type { LibraryStore } from './library-store'
import { openedStore } from './opened-store.test-support'
import { libraryCounts, visibleItems, type ViewState } from './views'

let db: NeurorefDb
afterEach(() => db?.delete())

/**
 * 300 papers (parts of 500: one part), some added in the same millisecond (ties by id), 7 in the Trash, opened once: the
 * form saved from the rows read then, by date added. (Their ids, item-0 … item-299, are in another order.)
 */
async function librarySaved(): Promise<Item[]> {
  db = openLibrary(`opened-order-${Math.random()}`)
  const { items } = createSyntheticLibrary(300, 5)
  for (let n = 40; n < 60; n++) items[n].addedAt = items[40].addedAt
  await db.items.bulkAdd(items)
  await moveToTrash(
    db,
    [3, 50, 51, 120, 121, 200, 299].map(n => items[n].id)
  )
  const first = await openedStore(db)
  expect(first.index.last).toMatchObject({ how: 'rebuilt', light: 'rebuilt' })
  return items
}

/** The saved form written again with its papers in reverse order (as a form caught up after edits may hold them). */
async function formReversed(): Promise<void> {
  const meta = (await readLightMeta(db))!
  const parts = await readLightParts(db, meta.parts)
  if (typeof parts === 'string') throw new Error(parts)
  const papers = parts.flatMap(part => parseLightPart(part).papers).reverse()
  await writeLightForm(db, [papers], meta.seq)
}

const byDateAdded = (a: Item, b: Item) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** What the researcher should see, from the stored rows. */
async function expected(direction: 'asc' | 'desc'): Promise<{ all: string[]; trash: string[] }> {
  const rows = (await db.items.toArray()).sort(byDateAdded)
  if (direction === 'desc') rows.reverse()
  return { all: rows.filter(row => row.trashedAt === undefined).map(row => row.id), trash: rows.filter(row => row.trashedAt !== undefined).map(row => row.id) }
}

function shown(store: LibraryStore, direction: 'asc' | 'desc'): { all: string[]; trash: string[]; counts: { all: number; trash: number } } {
  const state = (kind: 'all' | 'trash'): ViewState => ({ view: { kind }, search: '', tags: [], sort: { column: 'added', direction } })
  const ids = (kind: 'all' | 'trash') => visibleItems(store, state(kind), { now: Date.now() }).items.map(item => item.id)
  return { all: ids('all'), trash: ids('trash'), counts: libraryCounts(store) }
}

async function expectSeen(store: LibraryStore): Promise<void> {
  for (const direction of ['desc', 'asc'] as const) {
    const want = await expected(direction)
    expect(shown(store, direction), direction).toEqual({ ...want, counts: { all: want.all.length, trash: want.trash.length } })
  }
}

describe('the list by date added and the Trash, opened again', () => {
  it('are as sorted and counted afresh when the papers arrive by date added, the order taken as it came', async () => {
    await librarySaved()
    const arrived = (await openedStore(db)).openedByDateAdded()
    expect(arrived?.items.map(item => item.id)).toEqual((await db.items.toArray()).sort(byDateAdded).map(row => row.id))
    await expectSeen(await openedStore(db))
  })

  it('are as sorted and counted afresh when the saved form holds the papers out of date-added order', async () => {
    await librarySaved()
    await formReversed()
    // not in order: sorted, not taken as it came
    expect((await openedStore(db)).openedByDateAdded()).toBeUndefined()
    await expectSeen(await openedStore(db))
  })

  it('are taken as they came after the index job built the saved form again from every row, read by id', async () => {
    await librarySaved()
    await forgetLightForm(db, (await readLightMeta(db))!.generation)
    // opened from the rows; the index job builds the form again from the rows it reads itself
    expect((await openedStore(db)).index.last).toMatchObject({ how: 'loaded', light: 'rebuilt' })
    const arrived = (await openedStore(db)).openedByDateAdded()
    expect(arrived?.items.map(item => item.id)).toEqual((await db.items.toArray()).sort(byDateAdded).map(row => row.id))
    await expectSeen(await openedStore(db))
  })

  it('are taken as they came after papers added out of date-added order were caught up into the form', async () => {
    const items = await librarySaved()
    const { items: more } = createSyntheticLibrary(3, 6)
    // added in one write, the last added first
    const added = more.map((item, n) => ({ ...item, id: `added-${n}`, addedAt: items[299].addedAt + 3 - n }))
    await write(db, [db.items], async changes => {
      await db.items.bulkAdd(added)
      changes.record({ kind: 'item', change: 'added', ids: added.map(item => item.id), items: added })
    })
    expect((await openedStore(db)).index.last).toMatchObject({ how: 'caught up', light: 'caught up' })
    const arrived = (await openedStore(db)).openedByDateAdded()
    expect(arrived?.items.map(item => item.id).slice(-3)).toEqual(['added-2', 'added-1', 'added-0'])
    await expectSeen(await openedStore(db))
  })

  it('follow the papers trashed and restored after the opening', async () => {
    const items = await librarySaved()
    const store = await openedStore(db)
    await expectSeen(store)
    await moveToTrash(db, [items[0].id, items[299].id, items[45].id])
    await restoreFromTrash(db, [items[3].id, items[50].id])
    await store.settled()
    await expectSeen(store)
  })

  it('are as sorted and counted afresh when a paper changed while the library opened', async () => {
    const items = await librarySaved()
    const opening = openedStore(db)
    await moveToTrash(db, [items[7].id])
    const store = await opening
    await store.settled()
    await expectSeen(store)
  })
})
