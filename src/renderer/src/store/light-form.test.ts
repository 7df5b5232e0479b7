// The saved light form gives the window the same light copies as reading
// every row: after random adds, edits, merges, notes, trashes and restores
// (caught up by the index job, or not yet: the change log says which rows to
// read), after a crash while it is saved, when a part is missing or damaged
// (rows are read instead and the job builds it again), when a save replaces
// parts between two of the reader's reads, for a library written by the
// schema before it and for a form of the format before (built once, then
// read; the duplicate finder recognises the same papers). A window opened from it shows the
// facets, tags and dashboard the full rows give, while keeping less: MeSH
// headings without qualifiers, one copy of what papers share.
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { ItemBasics, LightItem } from '@shared/model'
import { DuplicateFinder } from '@shared/duplicates'
import { computeFacets } from '@shared/facets'
import { itemTags } from '@shared/tags'
import { coOccurringMesh, topPeptides } from '@shared/dashboard-data'
import { fixtureItems } from '../../../main/services/pubmed/fixture-items.test-support'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { BENCH_QUERIES } from '../../../../bench/queries'
import { addRecordsToLibrary } from '../library/add-paper'
import { formOf, saveEdit } from '../library/edit'
import { libraryCopies } from '../library/library-copies.test-support'
import { buildIndex, currentIndex } from '../library/index-job'
import { parseLightPart, readLightMeta, type LightFormMeta, type LightFormPart, type LightFormRow, type LightPartRef } from '../library/light-form'
import { writeSavedIndex, type IndexMeta } from '../library/saved-index'
import { openLibrary, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, type NeurorefDb } from '../library/schema'
import { moveToTrash } from '../library/trash'
import { inThisThread, type IndexJobs } from './index-jobs'
import { LibraryStore } from './library-store'
import { gatedJobs } from './held-jobs.test-support'
import { arriving, readLightRows, type LightChunk } from './light-rows'
import { lightFromRows, readAtOpen } from './light-rows.test-support'
import { randomChanges, randomFrom, recordOf } from './random-changes.test-support'

let db: NeurorefDb
afterEach(() => db?.delete())

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const fromRows = () => lightFromRows(db)
const read = () => readAtOpen(db)

/** The store's light copies without their mark. */
function storePapers(store: LibraryStore): ItemBasics[] {
  const papers = [...store.items.values()].map(({ light: _light, ...paper }: LightItem) => paper)
  return JSON.parse(JSON.stringify(papers.sort(byId)))
}

/** `count` synthetic papers, then 200 more to add later. */
const poolOf = (count: number) => createSyntheticLibrary(count + 200, 9).items.map(recordOf)

/** Libraries by their size, each built once for the file. */
const savedLibraries = new Map<number, ReturnType<typeof libraryCopies>>()

/** A library of synthetic papers added through the library module, its index and light form saved; the papers not added. */
async function librarySaved(count = 120): Promise<ReturnType<typeof recordOf>[]> {
  let copies = savedLibraries.get(count)
  if (!copies) {
    copies = libraryCopies(async built => {
      await addRecordsToLibrary(built, poolOf(count).slice(0, count))
      expect(await currentIndex(built)).toMatchObject({ how: 'rebuilt', light: 'rebuilt' })
    })
    savedLibraries.set(count, copies)
  }
  db = await copies('light-form')
  return poolOf(count).slice(count)
}

describe('the saved light form', () => {
  it('gives the light copies the rows give, after random changes, caught up or not', async () => {
    const pool = await librarySaved()
    const random = randomFrom(5)
    for (let round = 0; round < 6; round++) {
      await randomChanges(db, pool, random, 8)
      // not caught up yet: the form and the rows of the papers the log names since
      const behind = await read()
      expect(behind.papers).toEqual(await fromRows())
      expect(behind.kinds.has('packed')).toBe(true)
      expect((await currentIndex(db)).light).toBe('caught up')
      const current = await read()
      expect(current.papers).toEqual(await fromRows())
      expect([...current.kinds]).toEqual(['packed'])
    }
    // a window opening it holds the same papers, and recognises the same papers again (keys saved with the form)
    const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
    await store.load()
    expect(storePapers(store)).toEqual(await fromRows())
    const rows = await db.items.toArray()
    const fresh = new DuplicateFinder(rows)
    for (const row of rows) expect(store.finder.find(row), row.id).toEqual(fresh.find(row))
  }, 60_000)

  it('stays in force when a save is killed; the next job catches it up and removes the orphaned part', async () => {
    const pool = await librarySaved()
    const before = (await readLightMeta(db))!
    await addRecordsToLibrary(db, pool.splice(0, 3))
    const [first] = await db.items.orderBy('addedAt').limit(1).toArray()
    await saveEdit(db, first.id, { ...formOf(first), title: 'Oxytocin after the crash' })
    await moveToTrash(db, [before.parts[0].ids[3]])
    const killed = currentIndex(db, {
      light: {
        afterPart: () => {
          throw new Error('killed')
        }
      }
    })
    await expect(killed).rejects.toThrow('killed')
    expect((await readLightMeta(db))?.generation).toBe(before.generation)
    const meanwhile = await read()
    expect(meanwhile.papers).toEqual(await fromRows())
    expect(meanwhile.papers.find(paper => paper.id === first.id)?.csl.title).toBe('Oxytocin after the crash')

    expect((await currentIndex(db)).light).toBe('caught up')
    const after = (await readLightMeta(db))!
    expect(await db.lightCopies.count()).toBe(after.parts.length + 1)
    expect((await read()).papers).toEqual(await fromRows())
  })

  it('is not used when a part is missing (every row is read) nor a part of another size (its rows are), and the job builds it again', async () => {
    await librarySaved(700)
    const meta = (await readLightMeta(db))!
    await db.lightCopies.delete(meta.parts[1].key)
    const missing = await read()
    expect([...missing.kinds]).toEqual(['rows'])
    expect(missing.papers).toEqual(await fromRows())
    expect(await currentIndex(db)).toMatchObject({ how: 'loaded', light: 'rebuilt' })
    expect([...(await read()).kinds]).toEqual(['packed'])

    const rebuilt = (await readLightMeta(db))!
    const part = (await db.lightCopies.get(rebuilt.parts[0].key)) as LightFormPart
    await db.lightCopies.put({ ...part, papers: { ...part.papers, lines: new Uint8Array([...part.papers.lines, 0x20]) } } as LightFormRow)
    // found only when it is read, after other parts reached the window: its papers come from their rows
    const damaged = await read()
    expect([...damaged.kinds]).toEqual(['packed', 'rows'])
    expect(damaged.papers).toEqual(await fromRows())
    expect((await currentIndex(db)).light).toBe('rebuilt')
    expect((await read()).papers).toEqual(await fromRows())
  })
})

describe('a window opened from the saved light form', () => {
  it('shows the MeSH facet, tags and dashboard the full rows give, from headings without their qualifiers and peptide tags with only their MeSH evidence', async () => {
    db = openLibrary(`light-form-${Math.random()}`)
    const real = fixtureItems().map(recordOf)
    // a heading that is a major topic only through a starred qualifier, and one that is not one at all
    const starred = {
      ...real[0],
      pmid: undefined,
      doi: undefined,
      csl: { ...real[0].csl, title: 'Oxytocin, starred through its qualifier', DOI: undefined, PMID: undefined },
      mesh: [
        { descriptor: 'Receptors, Oxytocin', majorTopic: false, qualifiers: [{ name: 'metabolism', majorTopic: true }] },
        { descriptor: 'Prairie Voles', majorTopic: false, qualifiers: [{ name: 'physiology', majorTopic: false }] }
      ]
    }
    await addRecordsToLibrary(db, [...real, starred])
    expect((await currentIndex(db)).light).toBe('rebuilt')
    const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
    await store.load()
    await store.indexSettled()
    const rows = await db.items.toArray()
    const light = rows.map(row => store.items.get(row.id)!)
    expect(rows.some(row => row.mesh?.some(heading => heading.qualifiers.length > 0))).toBe(true)
    expect(light.every(item => item.mesh?.every(heading => heading.qualifiers === undefined) ?? true)).toBe(true)
    // peptide tags with only their MeSH evidence, the same tags as the rows'
    const evidence = (items: ItemBasics[]) => items.flatMap(item => item.peptideTags ?? []).flatMap(tag => tag.evidence.map(e => e.source))
    expect(new Set(evidence(rows))).toEqual(new Set(['mesh', 'title', 'abstract']))
    expect(new Set(evidence(light))).toEqual(new Set(['mesh']))
    expect(light.map(item => item.peptideTags?.map(tag => tag.peptide))).toEqual(rows.map(row => row.peptideTags?.map(tag => tag.peptide)))

    const facets = computeFacets(light)
    expect(facets).toEqual(computeFacets(rows))
    expect(facets.mesh.map(entry => entry.value)).toContain('Receptors, Oxytocin')
    expect(facets.mesh.map(entry => entry.value)).not.toContain('Prairie Voles')
    expect(light.map(itemTags)).toEqual(rows.map(itemTags))
    const peptides = topPeptides(rows)
    expect(peptides.length).toBeGreaterThan(0)
    expect(topPeptides(light)).toEqual(peptides)
    for (const { value } of peptides) expect(coOccurringMesh(light, value), value).toEqual(coOccurringMesh(rows, value))
  })

  it('keeps one copy of an author, a MeSH term or a date that papers in different parts share', async () => {
    // the library of the tests above: two parts are enough, and building a third took a loaded machine seconds
    await librarySaved(700)
    const meta = (await readLightMeta(db))!
    expect(meta.parts.length).toBe(2)
    const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
    await store.load()
    const [first, last] = [meta.parts[0], meta.parts[1]].map(ref => ref.ids.map(id => store.items.get(id)!))
    // the same value in two parts is the same object in the window
    const sameIn = <T>(valuesOf: (item: ItemBasics) => T[], key: (value: T) => string) => {
      const seen = new Map(first.flatMap(valuesOf).map(value => [key(value), value]))
      const again = last.flatMap(valuesOf).filter(value => seen.has(key(value)))
      expect(again.length).toBeGreaterThan(10)
      for (const value of again) expect(value).toBe(seen.get(key(value)))
    }
    sameIn(
      item => item.csl.author ?? [],
      name => JSON.stringify(name)
    )
    sameIn(
      item => item.mesh ?? [],
      heading => JSON.stringify(heading)
    )
    sameIn(
      item => [item.csl.issued],
      date => JSON.stringify(date)
    )
    // shared, so never changed in place
    expect(() => ((first[0].csl.author![0] as { family?: string }).family = 'Changed')).toThrow(TypeError)
  })
})

describe('the saved light form read a few parts at a time', () => {
  it('gives the window the papers the rows give when a save replaces its parts between two reads', async () => {
    // three parts: the second is read ahead while the first goes to the window (before the save), the third after it
    const pool = await librarySaved(1_100)
    const before = (await readLightMeta(db))!
    expect(before.parts.length).toBe(3)
    // the window's own index job waits: the save between two reads is the only one
    const gated = gatedJobs()
    gated.hold()
    const oneAtATime = async function* (target: NeurorefDb) {
      let reads = 0
      for await (const chunk of readLightRows(target, false, 1)) {
        yield chunk
        if (++reads > 1) continue
        // after the first part: a paper of every later part edited, one trashed, papers added, and the form saved
        for (const ref of before.parts.slice(1)) {
          const item = (await db.items.get(ref.ids[7]))!
          await saveEdit(db, item.id, { ...formOf(item), title: `Oxytocin read between two parts ${ref.key}` })
        }
        await moveToTrash(db, [before.parts[2].ids[11]])
        await addRecordsToLibrary(db, pool.splice(0, 4))
        expect((await currentIndex(db)).light).toBe('caught up')
        const after = (await readLightMeta(db))!
        expect(after.parts.filter(ref => before.parts.some(old => old.key === ref.key))).toEqual([before.parts[0]])
        gated.release()
      }
    }
    const store = new LibraryStore(db, { jobs: gated.jobs, saveAfterMs: Infinity, rows: target => arriving(oneAtATime(target)) })
    await store.load()
    await store.indexSettled()
    expect(storePapers(store)).toEqual(await fromRows())
    expect(storePapers(store).filter(paper => paper.csl.title?.startsWith('Oxytocin read between two parts'))).toHaveLength(2)
    // and the next window, reading the form saved meanwhile
    expect((await read()).papers).toEqual(await fromRows())
  }, 60_000)
})

describe('a damaged saved index beside a sound light form', () => {
  it('has searches read every abstract while the index is rebuilt, and answer as a fresh build does', async () => {
    await librarySaved(700)
    const index = (await db.searchIndex.get('meta')) as IndexMeta
    await db.searchIndex.delete(`part:${index.generation}:1`)
    let release!: () => void
    const gate = new Promise<void>(resolve => (release = resolve))
    // the worker says at once that it rebuilds, then takes its time
    const jobs: IndexJobs = async (target, onProgress, onIndex) => (onProgress?.(0, 700), await gate, inThisThread(target, onProgress, onIndex))
    const store = new LibraryStore(db, { jobs, saveAfterMs: Infinity })
    await store.load()
    await store.settled()
    expect(store.index.ready).toBe(false)
    const fresh = await buildIndex(db)
    const sorted = (ids: string[]) => [...ids].sort()
    for (const query of BENCH_QUERIES) expect(sorted(store.index.search(query)), query).toEqual(sorted(fresh.search(query)))
    release()
    await store.indexSettled()
    expect(store.index.last).toMatchObject({ how: 'rebuilt', light: 'rebuilt' })
    for (const query of BENCH_QUERIES) expect(sorted(store.index.search(query)), query).toEqual(sorted(fresh.search(query)))
  }, 60_000) // builds two indexes of 700 papers and asks the query table: past the 20 s default at load 10 beside a merge-train run
})

describe('a library written by schema version 4', () => {
  it('opens from its rows, has its light form built once, then opens from it', async () => {
    const name = `light-form-v4-${Math.random()}`
    const v4 = new Dexie(name)
    v4.version(1).stores(SCHEMA_V1)
    v4.version(2).stores(SCHEMA_V2)
    v4.version(3).stores(SCHEMA_V3)
    v4.version(4).stores(SCHEMA_V4)
    const { items } = createSyntheticLibrary(700, 4)
    await v4.table('items').bulkAdd(items)
    await writeSavedIndex(v4 as NeurorefDb, (await buildIndex(v4 as NeurorefDb)).snapshot(), 0)
    v4.close()

    db = openLibrary(name)
    await opensFromRowsThenFromForm()
    expect(db.verno).toBe(10)
    expect((await readLightMeta(db))?.parts.length).toBe(2)
  })
})

/**
 * The form as the version before this format wrote it (format 6: each part its papers as JSON lines of a hundred, in
 * ASCII bytes, with where each line ends, its shared values and key hashes beside them — its size the bytes' length),
 * the sample paper's hashes unchanged.
 */
async function savedAsFormatBefore(meta: LightFormMeta): Promise<void> {
  const parts: LightPartRef[] = []
  for (const ref of meta.parts) {
    const { papers: part } = (await db.lightCopies.get(ref.key)) as LightFormPart
    const papers = parseLightPart(part).papers
    const lines: string[] = []
    for (let start = 0; start < papers.length; start += 100)
      lines.push(JSON.stringify(papers.slice(start, start + 100)).replace(/[^\x00-\x7f]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    let end = 0
    const lineEnds = Uint32Array.from(lines, line => (end += line.length))
    const before = { shared: [], lines: new TextEncoder().encode(lines.join('')), lineEnds, hashes: part.hashes, hashCounts: part.hashCounts }
    await db.lightCopies.put({ id: ref.key, generation: meta.generation, papers: before } as unknown as LightFormRow)
    parts.push({ ...ref, size: before.lines.length })
  }
  await db.lightCopies.put({ ...meta, format: meta.format.replace(/^7\|/, '6|'), parts } satisfies LightFormMeta as LightFormRow)
}

describe('a light form of the format before', () => {
  it('is not read: the window opens from the rows, the form is built once, then opened from', async () => {
    await librarySaved(700)
    const meta = (await db.lightCopies.get('meta')) as LightFormMeta
    expect(meta.format.startsWith('7|')).toBe(true)
    await savedAsFormatBefore(meta)
    await opensFromRowsThenFromForm()
    expect((await readLightMeta(db))?.format).toBe(meta.format)
  })
})

/**
 * Opens the library twice: first from every row (its light form cannot be used) while the form is built again, then
 * from that form; both windows hold the papers the rows give and recognise the papers the keys as text recognise.
 */
async function opensFromRowsThenFromForm(): Promise<void> {
  const kinds: LightChunk['kind'][] = []
  const recorded = async function* (target: NeurorefDb) {
    for await (const chunk of readLightRows(target)) yield (chunk.kind !== 'every row' && kinds.push(chunk.kind), chunk)
  }
  const rows = await db.items.toArray()
  const text = new DuplicateFinder(rows)
  for (const [read, light] of [
    ['rows', 'rebuilt'],
    ['packed', 'loaded']
  ]) {
    kinds.length = 0
    const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity, rows: target => arriving(recorded(target)) })
    await store.load()
    await store.indexSettled()
    expect(new Set(kinds)).toEqual(new Set([read]))
    expect(store.index.last).toMatchObject({ how: 'loaded', light })
    expect(storePapers(store)).toEqual(await fromRows())
    for (const row of rows) expect(store.finder.find(row), row.id).toEqual(text.find(row))
  }
}
