// A crash while the saved index is written, a damaged saved index, one newer
// than the library, and a library from the schema before the index: each is
// noticed, searches stay right meanwhile, and the index is rebuilt or caught up.
import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Item } from '@shared/model'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { BENCH_QUERIES } from '../../../../bench/queries'
import { createSearchIndex } from '@shared/search/index'
import { withWordStarts } from '@shared/search/postings'
import { withRunCodes } from '@shared/search/word-runs'
import { buildIndex, currentIndex } from '../library/index-job'
import { saveEdit, formOf } from '../library/edit'
import { saveNote } from '../library/notes'
import { readSavedIndex, type IndexMeta, type SavedIndexRow } from '../library/saved-index'
import { openLibrary, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, type NeurorefDb } from '../library/schema'
import { inThisThread } from './index-jobs'
import { LibraryStore } from './library-store'
import { gatedJobs } from './held-jobs.test-support'

let db: NeurorefDb
afterEach(() => db?.delete())

const QUERIES = [...BENCH_QUERIES, 'note:crash', 'title:"after the crash"']
const sorted = (ids: string[]) => [...ids].sort()

async function expectSameAnswers(store: LibraryStore): Promise<void> {
  const fresh = await buildIndex(db)
  for (const query of QUERIES) expect(sorted(store.index.search(query)), query).toEqual(sorted(fresh.search(query)))
}

/** A library of synthetic papers written straight into the tables, its index saved. */
async function librarySaved(count = 150): Promise<Item[]> {
  db = openLibrary(`saved-index-${Math.random()}`)
  const { items } = createSyntheticLibrary(count, 3)
  await db.items.bulkAdd(items)
  expect((await currentIndex(db)).how).toBe('rebuilt')
  return items
}

/** The library opened as the window opens it, its index `how` it came; it answers as a fresh build. */
async function openedAgain(how: 'loaded' | 'caught up'): Promise<LibraryStore> {
  const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
  await store.load()
  await store.indexSettled()
  expect(store.index.last?.how).toBe(how)
  await expectSameAnswers(store)
  return store
}

async function meta(): Promise<IndexMeta> {
  return (await db.searchIndex.get('meta')) as IndexMeta
}

describe('a crash while the index is saved', () => {
  it('keeps the previous generation in force; the next open catches up from the change log', async () => {
    const items = await librarySaved()
    const before = await meta()
    await saveEdit(db, items[5].id, { ...formOf(items[5]), title: 'Oxytocin after the crash' })
    await saveNote(db, items[9].id, 'written just before the crash')
    // The save stops after its first part, as if the window were killed.
    await expect(
      currentIndex(db, {
        afterPart: n => {
          if (n === 0) throw new Error('killed')
        }
      })
    ).rejects.toThrow('killed')
    expect(await meta()).toEqual(before)
    expect(await db.searchIndex.where('generation').above(before.generation).count()).toBe(1)

    const store = await openedAgain('caught up')
    expect(sorted(store.index.search('note:crash'))).toEqual([items[9].id])
    // the crashed write's part is gone with the replaced generation
    const current = await meta()
    expect(await db.searchIndex.where('generation').notEqual(current.generation).count()).toBe(0)
  })

  it('notices a missing part, answers by reading the items meanwhile, and rebuilds', async () => {
    const items = await librarySaved()
    const { generation } = await meta()
    await db.searchIndex.delete(`part:${generation}:1`)
    expect(await readSavedIndex(db)).toEqual({ state: 'damaged', reason: 'part 2 of 3 is missing' })

    // the window is seen while the worker works
    const held = gatedJobs()
    held.hold()
    const store = new LibraryStore(db, { jobs: held.jobs, saveAfterMs: Infinity })
    await store.load()
    expect(store.index.ready).toBe(false)
    await expectSameAnswers(store)
    // a change while the worker rebuilds is in the index it brings
    await saveEdit(db, items[2].id, { ...formOf(items[2]), title: 'Rebuilt after the crash' })
    await store.settled()
    held.release()
    await store.indexSettled()
    expect(store.index.ready).toBe(true)
    expect(store.index.last).toMatchObject({ how: 'rebuilt', reason: 'part 2 of 3 is missing' })
    await expectSameAnswers(store)
    expect((await readSavedIndex(db)).state).toBe('ok')
  })

  it('reads the newer index when another window saves one while the parts are read (each part is read on its own)', async () => {
    const items = await librarySaved()
    const before = await meta()
    await saveEdit(db, items[4].id, { ...formOf(items[4]), title: 'Saved while the parts were read' })
    // another window's job saves the edit (a new generation, the old parts removed) after the first part is asked for,
    // before the second is (every part is asked for at once)
    const get = db.searchIndex.get.bind(db.searchIndex)
    let saved = false
    db.searchIndex.get = (async (key: string) => {
      if (key === `part:${before.generation}:1` && !saved) {
        saved = true
        expect((await currentIndex(db)).how).toBe('caught up')
      }
      return get(key)
    }) as typeof db.searchIndex.get
    const read = await readSavedIndex(db)
    expect(saved).toBe(true)
    expect(read.state).toBe('ok')
    if (read.state !== 'ok') return
    expect(read.meta.generation).toBeGreaterThan(before.generation)
    expect(await db.searchIndex.where('generation').equals(before.generation).count()).toBe(0)
    const index = createSearchIndex({ from: read.snapshot })
    expect(index.search('title:"saved while the parts were read"')).toEqual([items[4].id])
  })

  it('rebuilds an index of a wrong size or newer than the change log', async () => {
    await librarySaved()
    const saved = await meta()
    await db.searchIndex.put({ ...saved, sizes: saved.sizes.map((size, n) => (n === 0 ? size + 1 : size)) } as SavedIndexRow)
    expect(await currentIndex(db)).toMatchObject({ how: 'rebuilt', reason: 'part 1 of 3 has the wrong size' })
    await db.searchIndex.put({ ...(await meta()), seq: 1_000_000 } as SavedIndexRow)
    expect(await currentIndex(db)).toMatchObject({ how: 'rebuilt', reason: 'it is newer than the library (a restored or replaced database)' })
  })
})

describe('a saved index read ahead, before the window asks for it (the page starts its worker first)', () => {
  it('is caught up with the papers and notes written after it was read, answering as a fresh build', async () => {
    const items = await librarySaved()
    const saved = await readSavedIndex(db)
    await saveEdit(db, items[3].id, { ...formOf(items[3]), title: 'Oxytocin edited after the read ahead' })
    await saveNote(db, items[7].id, 'a crash noted after the read ahead')
    const job = await currentIndex(db, { saved: Promise.resolve(saved) })
    expect(job.how).toBe('caught up')
    const index = createSearchIndex({ from: job.snapshot })
    expect(index.search('title:"edited after the read ahead"')).toEqual([items[3].id])
    const fresh = await buildIndex(db)
    for (const query of QUERIES) expect(sorted(index.search(query)), query).toEqual(sorted(fresh.search(query)))
    // saved so: the next open loads it as it is
    await openedAgain('loaded')
  })

  it('read while damaged, is rebuilt', async () => {
    await librarySaved()
    await db.searchIndex.delete(`part:${(await meta()).generation}:1`)
    const saved = readSavedIndex(db)
    expect(await currentIndex(db, { saved })).toMatchObject({ how: 'rebuilt', reason: 'part 2 of 3 is missing' })
    await openedAgain('loaded')
  })
})

describe('the bytes of a saved index', () => {
  it('are stored as Blobs, and an index saved before with typed arrays still loads, answering as a fresh build', async () => {
    await librarySaved()
    const parts = await db.searchIndex
      .where('generation')
      .equals((await meta()).generation)
      .toArray()
    const stored = parts.flatMap(row =>
      'part' in row && row.part.kind === 'runs' ? row.part.pages : 'part' in row && row.part.kind === 'entries' ? [row.part.entries] : []
    )
    expect(stored.length).toBeGreaterThan(1)
    for (const bytes of stored) expect(bytes).toBeInstanceOf(Blob)
    // as an index was saved before: the same bytes as typed arrays, the marker unchanged
    for (const row of parts) {
      if (!('part' in row) || row.part.kind === 'head') continue
      const bytes = async (blob: Uint8Array | Blob) => (blob instanceof Blob ? new Uint8Array(await blob.arrayBuffer()) : blob)
      const part =
        row.part.kind === 'entries'
          ? { ...row.part, entries: await bytes(row.part.entries) }
          : { ...row.part, pages: await Promise.all(row.part.pages.map(bytes)) }
      await db.searchIndex.put({ ...row, part } as SavedIndexRow)
    }
    await openedAgain('loaded')
  })

  it('hold where each word begins and the table of codes, as made from the words; a head saved before without them still loads', async () => {
    const items = await librarySaved()
    await saveEdit(db, items[3].id, { ...formOf(items[3]), title: 'Oxytocin caught up before the open' })
    expect((await currentIndex(db)).how).toBe('caught up')
    const saved = await readSavedIndex(db)
    if (saved.state !== 'ok') throw new Error(saved.state)
    const { postings, runs } = saved.snapshot
    // read back with the index, the worker hands a loaded one over without finding them from its 660,000 words at 100,000 papers
    expect(postings.starts).toBeInstanceOf(Uint32Array)
    expect(runs.codes).toBeInstanceOf(Uint32Array)
    expect(postings.starts).toEqual(withWordStarts({ ...postings, starts: undefined }).starts)
    expect(runs.codes).toEqual(withRunCodes({ ...runs, codes: undefined }).codes)
    // as a head was saved before: without them, the marker's size of it to match
    const marker = await meta()
    const headId = `part:${marker.generation}:0`
    const row = (await db.searchIndex.get(headId)) as SavedIndexRow
    if (!('part' in row) || row.part.kind !== 'head') throw new Error('no head')
    const { wordStarts, runCodes, ...head } = row.part
    await db.searchIndex.put({ ...row, part: head } as SavedIndexRow)
    const sizes = [marker.sizes[0] - wordStarts!.byteLength - runCodes!.byteLength, ...marker.sizes.slice(1)]
    await db.searchIndex.put({ ...marker, sizes } as SavedIndexRow)
    const store = await openedAgain('loaded')
    expect(store.index.search('title:"caught up before the open"')).toEqual([items[3].id])
  })

  it('rebuilds an index whose Blobs cannot be read, rather than leaving the search without one', async () => {
    await librarySaved()
    const read = vi.spyOn(Blob.prototype, 'arrayBuffer').mockRejectedValueOnce(new DOMException('gone', 'NotReadableError'))
    try {
      expect(await currentIndex(db)).toMatchObject({ how: 'rebuilt', reason: 'its stored bytes could not be read' })
    } finally {
      read.mockRestore()
    }
    await openedAgain('loaded')
  })
})

describe('a library written by schema version 3', () => {
  it('is migrated, its index built once with progress, then only loaded', async () => {
    const name = `saved-index-v3-${Math.random()}`
    const v3 = new Dexie(name)
    v3.version(1).stores(SCHEMA_V1)
    v3.version(2).stores(SCHEMA_V2)
    v3.version(3).stores(SCHEMA_V3)
    const { items } = createSyntheticLibrary(2500, 5)
    await v3.table('items').bulkAdd(items)
    await v3.table('notes').add({ id: 'n1', itemId: items[0].id, text: 'the crash chapter', createdAt: 1, modifiedAt: 1 })
    await v3.table('changes').add({ kind: 'item', change: 'added', ids: [items[0].id], time: 1 })
    v3.close()

    db = openLibrary(name)
    const progress: [number, number][] = []
    const store = new LibraryStore(db, {
      jobs: (target, onProgress, onIndex) => inThisThread(target, (done, total) => (progress.push([done, total]), onProgress?.(done, total)), onIndex),
      saveAfterMs: Infinity
    })
    await store.load()
    await store.indexSettled()
    expect(db.verno).toBe(10)
    expect(store.index.last).toMatchObject({ how: 'rebuilt', reason: 'there was none yet', seq: 1 })
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)).toEqual([2500, 2500])
    expect(store.index.search('note:crash')).toEqual([items[0].id])
    await expectSameAnswers(store)

    progress.length = 0
    const again = new LibraryStore(db, {
      jobs: (target, onProgress, onIndex) => inThisThread(target, (done, total) => (progress.push([done, total]), onProgress?.(done, total)), onIndex),
      saveAfterMs: Infinity
    })
    await again.load()
    await again.indexSettled()
    expect(again.index.last?.how).toBe('loaded')
    expect(progress).toEqual([])
    await expectSameAnswers(again)
  }, 60_000) // builds the index twice and asks the query table: 10 s at load 15, past the 20 s default at load 10 beside a merge-train run
})
