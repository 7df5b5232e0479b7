// The saved search index answers like one built afresh from the library,
// after random adds, edits, merges, notes, trashes, restores and emptying,
// all made through the library module; and so does the index the window
// uses meanwhile. Every query of the search benchmark's table is asked.
import { afterEach, describe, expect, it } from 'vitest'
import { createSearchIndex } from '@shared/search/index'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { BENCH_QUERIES } from '../../../../bench/queries'
import { addRecordsToLibrary } from '../library/add-paper'
import { lastChangeSeq } from '../library/change-log'
import { addItemsToCollection, createCollection } from '../library/collections'
import { buildIndex } from '../library/index-job'
import { setReadStatus } from '../library/reading'
import { moveToTrash, restoreFromTrash } from '../library/trash'
import { readSavedIndex, type IndexPart, type SavedIndexRow } from '../library/saved-index'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { addTag } from '../library/tags'
import { inThisThread, type IndexJobs } from './index-jobs'
import { sentToWindow } from './held-jobs.test-support'
import { LibraryStore } from './library-store'
import { randomChanges, randomFrom, recordOf } from './random-changes.test-support'

/** The benchmark's table, and queries on what the changes below write (notes, edited titles). */
const QUERIES = [...BENCH_QUERIES, 'note:chapter', 'note:"see table"', 'title:"edited oxytocin"', 'edited', 'pair bonding', 'peptide:orexin', '-oxytocin']

/** Jobs whose index reaches the window as from the worker: in a message, its buffers transferred, its ids and words as bytes decoded in steps. */
const throughMessage: IndexJobs = (target, onProgress, onIndex, rows) =>
  inThisThread(target, onProgress, onIndex && (built => onIndex(sentToWindow(built))), rows)

let db: NeurorefDb
afterEach(() => db?.delete())

const sorted = (ids: string[]) => [...ids].sort()

/** Every query answered by `index` as by an index built afresh from the library now. */
async function expectSameAnswers(answer: (query: string) => string[]): Promise<void> {
  const fresh = await buildIndex(db)
  for (const query of QUERIES) expect(sorted(answer(query)), query).toEqual(sorted(fresh.search(query)))
}

async function savedIndexAnswers(): Promise<(query: string) => string[]> {
  const saved = await readSavedIndex(db)
  if (saved.state !== 'ok') throw new Error(`saved index ${saved.state}`)
  const index = createSearchIndex({ from: saved.snapshot })
  return query => index.search(query)
}

/** A library of 250 papers (of `seed`'s synthetic ones) opened in a store whose index job runs here, its index saved. */
async function openedWithSavedIndex(seed: number) {
  db = openLibrary(`live-index-${Math.random()}`)
  await addRecordsToLibrary(db, createSyntheticLibrary(250, seed).items.map(recordOf))
  const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
  await store.load()
  await store.indexSettled()
  const saved = await readSavedIndex(db)
  if (saved.state !== 'ok') throw new Error(`saved index ${saved.state}`)
  return { store, ids: [...store.items.keys()], saved }
}

describe('the saved search index', () => {
  it('answers like a fresh build after random adds, edits, merges, notes, trashes and restores', async () => {
    db = openLibrary(`live-index-${Math.random()}`)
    const pool = createSyntheticLibrary(1100, 7).items.map(recordOf)
    await addRecordsToLibrary(db, pool.splice(0, 120))
    const store = new LibraryStore(db, { jobs: throughMessage, saveAfterMs: Infinity })
    await store.load()
    await store.indexSettled()
    expect(store.index.last?.how).toBe('rebuilt')

    const random = randomFrom(11)
    for (let round = 0; round < 8; round++) {
      // now and then a batch larger than the window indexes itself: the worker's index is handed back and put in use
      if (round % 3 === 1) {
        await addRecordsToLibrary(db, pool.splice(0, 210))
        await store.settled()
        await store.indexSettled()
        expect(store.index.last?.how).toBe('caught up')
        await expectSameAnswers(query => store.index.search(query))
      }
      await randomChanges(db, pool, random, 8)
      await store.settled()
      // the window's index, kept current from events
      await expectSameAnswers(query => store.index.search(query))
      // the saved one, caught up from the change log
      await store.index.save()
      expect(store.index.last?.how).toBe('caught up')
      await expectSameAnswers(await savedIndexAnswers())
    }

    // Opening again uses the saved index as it is: nothing to rebuild, same answers.
    const again = new LibraryStore(db, { jobs: throughMessage, saveAfterMs: Infinity })
    await again.load()
    await again.indexSettled()
    expect(again.index.last?.how).toBe('loaded')
    await expectSameAnswers(query => again.index.search(query))
  }, 60_000)

  it('is not handed back to a window that keeps its own after a change, and is after a large batch its index lacks', async () => {
    db = openLibrary(`live-index-${Math.random()}`)
    const pool = createSyntheticLibrary(500, 5).items.map(recordOf)
    await addRecordsToLibrary(db, pool.splice(0, 120))
    // whether each job was asked for the index (a worker hands it over only then)
    const handedBack: boolean[] = []
    const jobs: IndexJobs = (target, onProgress, onIndex, rows) => (handedBack.push(onIndex !== undefined), inThisThread(target, onProgress, onIndex, rows))
    const store = new LibraryStore(db, { jobs, saveAfterMs: Infinity })
    await store.load()
    await store.indexSettled()
    const ids = [...store.items.keys()]

    await addTag(db, ids.slice(0, 40), 'whole library')
    await store.settled()
    await store.index.save()
    expect(store.index.last?.how).toBe('caught up')
    expect(handedBack).toEqual([true, false])
    await expectSameAnswers(query => store.index.search(query))
    expect(sorted(store.index.search('tag:"whole library"'))).toEqual(sorted(ids.slice(0, 40)))
    await expectSameAnswers(await savedIndexAnswers())

    // more papers than the window indexes itself: the worker's index holds them, and the window takes it
    await addRecordsToLibrary(db, pool.splice(0, 300))
    await store.settled()
    await store.indexSettled()
    expect(handedBack.at(-1)).toBe(true)
    await expectSameAnswers(query => store.index.search(query))
  }, 60_000)

  it('is not indexed again for papers collected, trashed, restored or marked read, and still answers like a fresh build', async () => {
    const { store, ids, saved: before } = await openedWithSavedIndex(9)

    // the whole library (a batch larger than the window applies at once), then some of it
    const collection = await createCollection(db, 'Pair bonding')
    await addItemsToCollection(db, collection.id, ids)
    await moveToTrash(db, ids.slice(0, 220))
    await restoreFromTrash(db, ids.slice(0, 100))
    await setReadStatus(db, ids.slice(50, 80), 'read')
    await store.settled()
    await store.index.save()
    // the saved index is current to the log as it was: its marker moved, no part written again
    expect(store.index.last?.how).toBe('loaded')
    const after = await readSavedIndex(db)
    if (after.state !== 'ok') throw new Error(`saved index ${after.state}`)
    expect(after.meta.generation).toBe(before.meta.generation)
    expect(after.meta.seq).toBe(await lastChangeSeq(db))
    // the light form holds the filing fields: it still takes them
    expect(store.index.last?.light).toBe('caught up')
    await expectSameAnswers(query => store.index.search(query))
    await expectSameAnswers(await savedIndexAnswers())

    // a change of what search reads after them is caught up as ever
    await addTag(db, ids.slice(0, 3), 'filed and tagged')
    await store.settled()
    await store.index.save()
    expect(store.index.last?.how).toBe('caught up')
    await expectSameAnswers(await savedIndexAnswers())
    expect(sorted(store.index.search('tag:"filed and tagged"'))).toEqual(sorted(ids.slice(0, 3)))

    // opening again: the form gives the filing fields as the rows hold them, the index only loaded
    const again = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
    await again.load()
    await again.indexSettled()
    expect(again.index.last?.how).toBe('loaded')
    expect(again.items.get(ids[0])?.collectionIds).toEqual([collection.id])
    expect(again.items.get(ids[150])?.trashedAt).toBeGreaterThan(0)
    expect(again.items.get(ids[60])?.readStatus).toBe('read')
    await expectSameAnswers(query => again.index.search(query))
  }, 60_000)

  it('is not read after a whole-library Trash, and a part damaged meanwhile is found and rebuilt at the next open', async () => {
    const { store, ids, saved } = await openedWithSavedIndex(13)

    // the saved entries' bytes cut short on disk
    const entries = (await db.searchIndex.get(`part:${saved.meta.generation}:1`)) as IndexPart
    expect(entries.part.kind).toBe('entries')
    await db.searchIndex.put({ ...entries, part: { kind: 'entries', entries: new Blob([new Uint8Array(3)]) } } satisfies IndexPart as SavedIndexRow)

    await moveToTrash(db, ids)
    await store.settled()
    await store.index.save()
    // only the marker moved: no part was read (reading them all would have found the damage and rebuilt here)
    expect(store.index.last?.how).toBe('loaded')
    expect(store.index.last?.light).toBe('caught up')
    await expectSameAnswers(query => store.index.search(query))

    // opening again reads every part: the damaged one is found, the index built again from the rows
    const again = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
    await again.load()
    await again.indexSettled()
    expect(again.index.last?.how).toBe('rebuilt')
    expect(again.index.last?.reason).toBe(`part 2 of ${saved.meta.sizes.length} has the wrong size`)
    expect(again.items.get(ids[0])?.trashedAt).toBeGreaterThan(0)
    await expectSameAnswers(query => again.index.search(query))
    await expectSameAnswers(await savedIndexAnswers())
  }, 60_000)
})
