// Importing a real BibTeX file into the library: duplicates reported, the
// file's citation keys kept where free; a large file written in batches as the
// reader hands its papers over, and removed again if a batch or the reading fails.
import { readFileSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readBibliographyFile, type ImportedRecord } from '@shared/import'
import type { Item } from '@shared/model'
import { DuplicateFinder } from '@shared/duplicates'
import { openLibrary, type NeurorefDb } from './schema'
import { ImportInBatches, importRecords, type BatchWriter } from './import-file'
import type { LibraryEvent } from './events'
import { clearUnfinishedImports, writeUnannounced } from './unfinished-import'
import { addRecordToLibrary, toItem } from './add-paper'
import { basics } from './item-basics'
import { loadPeptideTagger } from './peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../../e2e/fixtures/${name}`, import.meta.url)))

let db: NeurorefDb
afterEach(() => db?.delete())

/** A paper IndexedDB cannot store (a function in it): its batch's write fails. */
const unstorable = (item: Item): Item => ({ ...item, csl: { ...item.csl, note: (() => undefined) as unknown as string } })

/** The titles of the papers written in groups (unfinished-import.ts), not spread into rows yet. */
const groupedTitles = async (db: NeurorefDb) => (await db.paperGroups.toArray()).flatMap(group => group.papers.map(paper => paper.csl.title))

const ALREADY_HERE = 'Already here: oxytocin and pair bonding'
/** The library before a failing import: one paper, which must be all that is left after it. */
const aPaperAlreadyHere = (db: NeurorefDb) =>
  importRecords(db, [{ csl: { type: 'article-journal', title: ALREADY_HERE }, sources: ['file' as const] }], new DuplicateFinder())

describe('importRecords', () => {
  it('adds every entry of biblatex-examples.bib once, keeping its keys, and reports a second import as duplicates', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    const read = readBibliographyFile(fixture('bibtex/biblatex-examples.bib'), 'biblatex-examples.bib')
    const first = await importRecords(db, read.records, new DuplicateFinder())
    expect(first.added.length).toBeGreaterThan(50)
    expect(await db.items.count()).toBe(first.added.length)
    const keys = first.added.map(i => i.citationKey)
    expect(keys).toContain('aristotle:anima')
    expect(new Set(keys.map(k => k!.toLowerCase())).size).toBe(keys.length)

    const second = await importRecords(db, read.records, new DuplicateFinder(await db.items.toArray()))
    expect(second.added.length).toBeLessThan(first.added.length)
    expect(second.duplicates.length).toBeGreaterThan(0)
    expect(await db.items.count()).toBe(first.added.length + second.added.length)
  })

  it('stores the items the reader worked out as they are, and still finds the duplicates', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    const read = readBibliographyFile(fixture('bibtex/biblatex-examples.bib'), 'biblatex-examples.bib')
    const records = [...read.records, read.records[3]]
    const items = records.map(record => toItem(record, 1_000))
    const { added, duplicates } = await importRecords(db, records, new DuplicateFinder(), items)
    expect(added.map(item => item.id)).toEqual(
      items
        .slice(0, -1)
        .filter(item => added.some(a => a.id === item.id))
        .map(item => item.id)
    )
    expect(added.length + duplicates.length).toBe(records.length)
    expect(duplicates.at(-1)?.existingId).toBe(items[3].id)
    const stored = await db.items.get(items[0].id)
    expect(stored).toMatchObject({ addedAt: 1_000, peptideTags: items[0].peptideTags })
  })

  it('gives a colliding key a suffix instead of renaming the item already there', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    const record = (title: string) => ({ csl: { type: 'article-journal', title }, sources: ['file' as const], citationKey: 'smith2020' })
    const a = await importRecords(db, [record('First paper on oxytocin and stress')], new DuplicateFinder())
    const b = await importRecords(db, [record('Second paper on vasopressin and fear')], new DuplicateFinder(await db.items.toArray()))
    expect(a.added[0].citationKey).toBe('smith2020')
    expect(b.added[0].citationKey).toBe('smith2020a')
  })

  it('counts a key in the library as taken whatever its case', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    const record = (citationKey: string, title: string) => ({ csl: { type: 'article-journal', title }, sources: ['file' as const], citationKey })
    await importRecords(
      db,
      [record('Smith2020', 'Oxytocin and stress'), record('SMITH2020a', 'Vasopressin and fear'), record('smiths2020b', 'Kisspeptin')],
      new DuplicateFinder()
    )
    const { added } = await importRecords(db, [record('smith2020', 'Neuropeptide Y and anxiety')], new DuplicateFinder(await db.items.toArray()))
    expect(added[0].citationKey).toBe('smith2020b')
  })

  it('leaves the library as it was when one paper of a large file cannot be written, whichever chunk it is in', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    await aPaperAlreadyHere(db)
    const records = Array.from({ length: 400 }, (_, n) => ({
      csl: { type: 'article-journal', title: `Vasopressin study number ${n}` },
      sources: ['file' as const]
    }))
    const items = records.map(record => toItem(record, 1_000))
    // paper 330 is written in a late group, after earlier groups of its batch; it cannot be stored
    items[330] = unstorable(items[330])
    await expect(importRecords(db, records, new DuplicateFinder(await db.items.toArray()), items)).rejects.toThrow()
    expect((await db.items.toArray()).map(item => item.csl.title)).toEqual([ALREADY_HERE])
  })
})

describe('a file written in batches as the reader hands its papers over', () => {
  const record = (n: number, extra: object = {}) => ({
    csl: {
      type: 'article-journal',
      title: `Vasopressin and social recognition, study ${n}`,
      author: [{ family: 'Ross', given: 'Ana' }],
      issued: { 'date-parts': [[2020]] }
    },
    sources: ['file' as const],
    citationKey: `ross2020`,
    ...extra
  })
  /** the events the library sends, as "item added 300" (how many papers) */
  const follow = (db: NeurorefDb) => {
    const seen: string[] = []
    db.events.subscribe(events => events.forEach((event: LibraryEvent) => seen.push(`${event.kind} ${event.change} ${event.ids.length}`)))
    return seen
  }
  /** resolves once `count` papers are written (announced or not) */
  const written = (db: NeurorefDb, count: number) =>
    new Promise<void>(resolve => {
      const wait = async () => ((await db.items.count()) >= count ? resolve() : setTimeout(wait, 1))
      void wait()
    })

  /** a promise and the call that resolves it from outside, for a test that orders two writes */
  const signal = () => {
    let give = () => undefined as void
    const came = new Promise<unknown>(resolve => (give = () => resolve(undefined)))
    return { came, give }
  }

  /** The first 1,000 papers handed over, then the rest while the first batch is being written (a turn after `firstWriting`: the window has gone back to waiting). */
  const handedInTwo = async (batches: ImportInBatches, records: ImportedRecord[], items: Item[], firstWriting: Promise<unknown>) => {
    batches.take(records.slice(0, 1_000), items.slice(0, 1_000))
    await firstWriting
    await new Promise(resolve => setTimeout(resolve, 0))
    batches.take(records.slice(1_000), items.slice(1_000))
  }

  it('adds each paper once, with every field, whatever batch it came in; a paper repeated in a later batch is found', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    const seen = follow(db)
    const records = Array.from({ length: 2_500 }, (_, n) => record(n, n === 2_450 ? { doi: '10.1/first' } : {}))
    const items = records.map(r => toItem(r, 1_000))
    const batches = new ImportInBatches(db, Promise.resolve(new DuplicateFinder()))
    batches.expect(records.length + 1)
    batches.take(records.slice(0, 1_200), items.slice(0, 1_200))
    await written(db, 1_200)
    // written, not yet announced
    expect(seen).toEqual([])
    // these arrive while nothing is being written, the next while the first of them are; the last batch is what is left
    batches.take(records.slice(1_200, 2_300), items.slice(1_200, 2_300))
    batches.take(records.slice(2_300), items.slice(2_300))
    batches.take([{ ...record(9_999), doi: '10.1/FIRST' }])
    const { added, duplicates } = await batches.finish()

    // announced once, all together
    expect(seen).toEqual(['item added 2500'])
    expect((await db.changes.toArray()).map(change => change.ids.length)).toEqual([2_500])
    expect(await db.settings.count()).toBe(0)
    expect(added.map(item => item.id)).toEqual(items.map(item => item.id))
    expect(duplicates.map(d => [d.existingId, d.reason])).toEqual([[items[2_450].id, 'DOI']])
    const stored = await db.items.toArray()
    expect(stored).toHaveLength(2_500)
    // every field the reader worked out, and a citation key of its own; the window kept what it keeps of a paper
    added.forEach((item, n) => {
      const row = stored.find(row => row.id === item.id)!
      expect(row).toEqual({ ...items[n], citationKey: expect.any(String) })
      expect(item).toEqual(basics(row))
    })
    expect(new Set(stored.map(item => item.citationKey!.toLowerCase())).size).toBe(2_500)
  })

  it.each([
    [2_000, 'papers enough for a batch'],
    [500, 'the rest of the file, once read']
  ])('hands the next batch over while the one before it is still being written (%i: %s), the papers kept in the order they came', async (after: number) => {
    db = openLibrary(`imp-${Math.random()}`)
    const records = Array.from({ length: 1_000 + after }, (_, n) => record(n))
    const items = records.map(r => toItem(r, 1_000))
    const byId = new Map(items.map(item => [item.id, item]))
    // the first write commits only once the second batch is handed over: a writer that waited for that commit first
    // never hands it over, and the test fails on its timeout (a fallback commit after 1 s made a slow machine fail it:
    // handing the 2,000 papers over took longer)
    const second = signal()
    const first = signal()
    const elsewhere: BatchWriter = async ({ importId, number, keys }) => {
      if (number === 1) {
        first.give()
        await second.came
      } else if (number === 2) second.give()
      await writeUnannounced(db, { importId, number, items: keys.map(([id, citationKey]) => ({ ...byId.get(id)!, citationKey })) })
    }
    const batches = new ImportInBatches(db, Promise.resolve(new DuplicateFinder()), { elsewhere })
    batches.expect(records.length)
    await handedInTwo(batches, records, items, first.came)
    const { added } = await batches.finish()

    expect(added.map(paper => paper.id)).toEqual(items.map(item => item.id))
    expect(await db.items.count()).toBe(records.length)
    expect(await db.settings.count()).toBe(0)
  })

  it('removes the batches already written, unannounced, when a later one cannot be written, and throws its error', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    await aPaperAlreadyHere(db)
    const seen = follow(db)
    const records = Array.from({ length: 1_600 }, (_, n) => record(n))
    const items = records.map(r => toItem(r, 1_000))
    // paper 1,500 cannot be stored: the second batch fails, after the first was written
    items[1_500] = unstorable(items[1_500])
    const batches = new ImportInBatches(db, new DuplicateFinder(await db.items.toArray()))
    batches.take(records.slice(0, 1_200), items.slice(0, 1_200))
    await written(db, 1_201)
    batches.take(records.slice(1_200), items.slice(1_200))

    await expect(batches.finish()).rejects.toThrow()
    // never announced, so nothing to take back
    expect(seen).toEqual([])
    expect(await db.settings.count()).toBe(0)
    expect(await groupedTitles(db)).toEqual([ALREADY_HERE])
    expect((await db.items.toArray()).map(item => item.csl.title)).toEqual([ALREADY_HERE])
  })

  it('removes a batch still being written when the one before it fails, once it is written', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    await aPaperAlreadyHere(db)
    const records = Array.from({ length: 1_500 }, (_, n) => record(n))
    const items = records.map(r => toItem(r, 1_000))
    const byId = new Map(items.map(item => [item.id, item]))
    const second = signal()
    const first = signal()
    const secondWritten = signal()
    // the first write fails once the second is under way; the second commits later
    const elsewhere: BatchWriter = async ({ importId, number, keys }) => {
      if (number === 1) {
        first.give()
        await second.came
        throw new Error('the disk is full')
      }
      second.give()
      await new Promise(resolve => setTimeout(resolve, 300))
      await writeUnannounced(db, { importId, number, items: keys.map(([id, citationKey]) => ({ ...byId.get(id)!, citationKey })) }).finally(secondWritten.give)
    }
    const batches = new ImportInBatches(db, Promise.resolve(new DuplicateFinder()), { elsewhere })
    batches.expect(records.length)
    await handedInTwo(batches, records, items, first.came)

    await expect(batches.finish()).rejects.toThrow('the disk is full')
    await secondWritten.came
    expect((await db.items.toArray()).map(item => item.csl.title)).toEqual([ALREADY_HERE])
    expect(await groupedTitles(db)).toEqual([ALREADY_HERE])
  })

  it('keeps a paper added by identifier while an import is written apart from its unannounced papers, and keeps it when the import fails', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    const records = Array.from({ length: 1_600 }, (_, n) => record(n, n === 5 ? { doi: '10.1/shared', pmid: '123' } : {}))
    const items = records.map(r => toItem(r, 1_000))
    // paper 1,500 cannot be stored: the second batch fails, after the first was written
    items[1_500] = unstorable(items[1_500])
    const batches = new ImportInBatches(db, new DuplicateFinder())
    batches.take(records.slice(0, 1_200), items.slice(0, 1_200))
    await written(db, 1_200)

    // the same DOI and PMID added by identifier meanwhile: a paper of its own, not "already in the library"
    const byIdentifier = {
      csl: { type: 'article-journal', title: 'Added by identifier mid-import' },
      doi: '10.1/SHARED',
      pmid: '123',
      sources: ['pubmed' as const]
    }
    const outcome = await addRecordToLibrary(db, byIdentifier)
    expect(outcome.status).toBe('added')

    batches.take(records.slice(1_200), items.slice(1_200))
    await expect(batches.finish()).rejects.toThrow()
    expect((await db.items.toArray()).map(item => item.csl.title)).toEqual(['Added by identifier mid-import'])
    expect(await db.paperGroups.count()).toBe(0)
    // once the import has ended, its DOI is found again like any other
    expect((await addRecordToLibrary(db, byIdentifier)).status).toBe('existing')
  })

  it('removes the batches already written, unannounced, when the file cannot be read to its end', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    const seen = follow(db)
    const batches = new ImportInBatches(db, new DuplicateFinder())
    batches.take(Array.from({ length: 1_000 }, (_, n) => record(n)))
    await written(db, 1_000)
    await batches.abandon()
    expect(seen).toEqual([])
    expect(await db.items.count()).toBe(0)
    expect(await db.settings.count()).toBe(0)
    expect(await db.paperGroups.count()).toBe(0)
  })

  it('removes, when the library opens, the papers of an import a closed window left unfinished', async () => {
    db = openLibrary(`imp-${Math.random()}`)
    await importRecords(db, [record(1)], new DuplicateFinder())
    // a window closed after the first batch was written
    const batches = new ImportInBatches(db, new DuplicateFinder(await db.items.toArray()))
    batches.take(Array.from({ length: 1_000 }, (_, n) => record(n + 10)))
    await written(db, 1_001)
    const seen = follow(db)

    await clearUnfinishedImports(db)
    expect((await db.items.toArray()).map(item => item.csl.title)).toEqual([record(1).csl.title])
    expect(await db.settings.count()).toBe(0)
    expect(await groupedTitles(db)).toEqual([record(1).csl.title])
    expect(seen).toEqual([])
  })
})
