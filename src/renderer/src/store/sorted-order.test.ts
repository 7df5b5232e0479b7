// The kept sort order matches a fresh sort after any sequence of changes.
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { addRecordToLibrary } from '../library/add-paper'
import { formOf, saveEdit } from '../library/edit'
import { emptyTrashRecords, moveToTrash } from '../library/trash'
import { importRecords } from '../library/import-file'
import { LibraryStore } from './library-store'
import { SortedOrder } from './sorted-order'
import { SORT_KEYS } from './views'
import { sortInSlices } from './sort-in-slices'
import { inTurns } from './turns'
import type { LightItem } from '@shared/model'

let db: NeurorefDb
afterEach(() => db?.delete())

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
  const order = new SortedOrder(c => SORT_KEYS[c as 'title'])
  const fresh = () => [...store.items.values()].map(i => SORT_KEYS.title(i) as string).sort()
  const titlesOf = () => order.get(store, 'title').map(i => SORT_KEYS.title(i) as string)
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
    expect(order.get(store, 'year').map(i => i.year)).toEqual([2000, 2001, 2002, 2003, 2004])
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

  it.each(['title', 'author', 'journal', 'year'] as const)('puts papers in the same order as sorting at the click (%s)', async column => {
    const key = SORT_KEYS[column]
    const atTheClick = papers
      .map(item => ({ item, key: key(item) }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.item.id < y.item.id ? -1 : 1))
      .map(p => p.item.id)
    const prepared = await inTurns(sortInSlices(papers, key))
    expect(prepared.items.map(item => item.id)).toEqual(atTheClick)
  })

  it('shows papers edited before and while it was prepared in their new places', async () => {
    const { store, order, fresh, titlesOf } = await fiveTitles()
    const first = (await db.items.get([...store.items.keys()][0]))!
    await saveEdit(db, first.id, { ...formOf(first), title: 'Álpha first' })
    await store.settled()
    const preparing = order.prepare(store, ['title', 'year'])
    const second = (await db.items.get([...store.items.keys()][1]))!
    await saveEdit(db, second.id, { ...formOf(second), title: 'Zulu last' })
    await store.settled()
    await preparing
    await addRecordToLibrary(db, paper('Middle of the list', 20))
    await store.settled()
    expect(titlesOf()).toEqual(fresh())
    expect(titlesOf()[0]).toBe('alpha first')
    expect(titlesOf().at(-1)).toBe('zulu last')
    expect(order.get(store, 'year').map(i => i.year)).toEqual([...store.items.values()].map(i => i.year).sort())
  })
})
