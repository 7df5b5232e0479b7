// Every paper tagged, then filed in a collection and tagged again before the worker's index of the first tagging
// arrived: the second tag's papers are read once each for the search on screen, not every deferred paper again for each
// of them (at 100,000 papers that was a task of 0.3-5 s after a whole-library collect), the filing's not at all (no
// search reads a paper's collections), and searches answer as a fresh build does.
import { afterEach, expect, it, vi } from 'vitest'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { buildIndex } from '../library/index-job'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { addTag } from '../library/tags'
import { addItemsToCollection, createCollection } from '../library/collections'
import { openedStoreGated } from './opened-store.test-support'

const reads = vi.hoisted(() => ({ count: 0 }))
vi.mock('@shared/search/paper-reading', async original => {
  const actual = await original<typeof import('@shared/search/paper-reading')>()
  return { ...actual, readsAs: (...args: Parameters<typeof actual.readsAs>) => (reads.count++, actual.readsAs(...args)) }
})

let db: NeurorefDb
afterEach(() => db?.delete())

const sorted = (ids: string[]) => [...ids].sort()

it('a second large batch before the first is indexed reads each of its papers once for the search on screen', { timeout: 60_000 }, async () => {
  db = openLibrary(`second-batch-${Math.random()}`)
  // more than the store takes in at once: each change is a large batch, indexed by the worker
  const { items } = createSyntheticLibrary(300, 5)
  await db.items.bulkAdd(items)
  const { store, gated } = await openedStoreGated(db)
  const ids = items.map(item => item.id)

  gated.hold()
  await addTag(db, ids, 'whole library')
  await store.settled()
  // the search on screen reads the tagged papers until the worker's index holds them
  expect(store.index.search('oxytocin').length).toBeGreaterThan(0)

  // filing every paper changes nothing a search reads: no paper is read again
  const everything = await createCollection(db, 'Everything')
  reads.count = 0
  await addItemsToCollection(db, everything.id, ids)
  await store.settled()
  expect(reads.count).toBe(0)
  reads.count = 0
  await addTag(db, ids, 'second')
  await store.settled()
  expect(reads.count).toBe(items.length)

  const fresh = await buildIndex(db)
  for (const query of ['oxytocin', 'tag:"whole library"', 'tag:second', 'stress -oxytocin'])
    expect(sorted(store.index.search(query)), query).toEqual(sorted(fresh.search(query)))
  gated.release()
  await store.indexSettled()
  for (const query of ['oxytocin', 'tag:"whole library"']) expect(sorted(store.index.search(query)), query).toEqual(sorted(fresh.search(query)))
})

it('papers that came while the worker indexed a batch are not read again for the search on screen when its index arrives', { timeout: 60_000 }, async () => {
  db = openLibrary(`index-mid-batch-${Math.random()}`)
  const { items } = createSyntheticLibrary(600, 6)
  await db.items.bulkAdd(items)
  const { store, gated } = await openedStoreGated(db)
  const ids = items.map(item => item.id)
  const search = () => store.index.search('oxytocin')

  // the first batch's job waits; the second batch comes meanwhile, so the job's index will not hold it
  gated.hold()
  const jobsBefore = gated.started()
  await addTag(db, ids.slice(0, 300), 'first')
  await store.settled()
  search()
  await vi.waitFor(() => expect(gated.started()).toBe(jobsBefore + 1), { timeout: 30_000 })
  await addTag(db, ids.slice(250), 'second') // 50 papers in both batches: deferred again
  await store.settled()
  search()

  // the first job's index arrives; the next job (for the second batch) waits
  gated.release()
  gated.hold()
  await vi.waitFor(() => expect(gated.started()).toBe(jobsBefore + 2), { timeout: 30_000 })
  reads.count = 0
  const fresh = await buildIndex(db)
  expect(sorted(search())).toEqual(sorted(fresh.search('oxytocin')))
  expect(reads.count).toBe(0)
  for (const query of ['tag:second', 'tag:first', 'stress -oxytocin']) expect(sorted(store.index.search(query)), query).toEqual(sorted(fresh.search(query)))
  // within a few papers (as a showing asks for the papers it adds) and within more than match
  for (const within of [new Set(ids.slice(240, 320)), new Set([ids[299], ids[599]]), new Set(ids)])
    expect(sorted(store.index.search('oxytocin', { within })), `${within.size} papers`).toEqual(sorted(fresh.search('oxytocin', { within })))

  gated.release()
  await store.indexSettled()
  for (const query of ['oxytocin', 'tag:second']) expect(sorted(store.index.search(query)), query).toEqual(sorted(fresh.search(query)))
})
