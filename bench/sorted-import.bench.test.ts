// The store's kept sort orders while an import lands 100,000 new papers in a
// library of 1,000 at once: the list shown (sorted by date added) and the
// four prepared columns (title, author, journal, year) brought up to date.
// Prints the longest stretch the window's thread got no turn (figures go to
// bench/RESULTS-import.md); asserts only that the order is right.
import { expect, it } from 'vitest'
import type { LightItem } from '@shared/model'
import type { LibraryStore } from '@renderer/store/library-store'
import { SortedOrder } from '@renderer/store/sorted-order'
import { SORT_KEYS, type SortColumn } from '@renderer/store/views'
import { createSyntheticLibrary } from './synthetic-library'

const ADDED = process.env.NEUROREF_BENCH ? 100_000 : 10_000
const PREPARED: SortColumn[] = ['title', 'author', 'journal', 'year']

it(`takes ${ADDED.toLocaleString('en')} imported papers into the kept orders of 1,000`, async () => {
  const papers = createSyntheticLibrary(1000 + ADDED).items as unknown as LightItem[]
  const log: Set<string>[] = []
  const store = {
    items: new Map(papers.slice(0, 1000).map(p => [p.id, p])),
    version: 0,
    takingIn: false,
    unshown: false,
    changedSince: (v: number) => new Set(log.slice(v).flatMap(ids => [...ids])),
    knowsChangesSince: () => true,
    // the imported papers are new to the library, as the store notes when it takes them in
    onlyNewSince: () => true
  }
  const library = store as unknown as LibraryStore
  const order = new SortedOrder(library, column => SORT_KEYS[column as SortColumn])
  order.get('added')
  await order.prepare(PREPARED)

  const imported = papers.slice(1000)
  for (const p of imported) store.items.set(p.id, p)
  log.push(new Set(imported.map(p => p.id)))
  store.version = 1

  // the thread's turns, seen from a timer that asks for one after each
  let longest = 0
  let last = performance.now()
  let ticking = true
  const tick = (): void => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
    if (ticking) setTimeout(tick, 0)
  }
  setTimeout(tick, 0)
  const began = performance.now()
  const shown = order.get('added')
  const showing = performance.now() - began
  await order.prepare(PREPARED)
  ticking = false
  const all = performance.now() - began
  console.log(
    `${ADDED.toLocaleString('en')} added to 1,000: the list shown patched in ${showing.toFixed(0)} ms; longest stretch without a turn ${Math.max(longest, showing).toFixed(0)} ms; four prepared columns up to date after ${all.toFixed(0)} ms`
  )
  expect(shown).toHaveLength(1000 + ADDED)
  const title = SORT_KEYS.title
  const titles = order.get('title').map(p => title(p))
  expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
})
