// Importing a real BibTeX file into the library: one transaction, duplicates
// reported, the file's citation keys kept where free.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import { DuplicateFinder } from '@shared/duplicates'
import { openLibrary, type NeurorefDb } from './schema'
import { importRecords } from './import-file'
import { toItem } from './add-paper'

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../../e2e/fixtures/${name}`, import.meta.url)))

let db: NeurorefDb
afterEach(() => db?.delete())

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
    expect(stored).toMatchObject({ addedAt: 1_000, titleWords: items[0].titleWords, peptideTags: items[0].peptideTags })
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
    await importRecords(
      db,
      [{ csl: { type: 'article-journal', title: 'Already here: oxytocin and pair bonding' }, sources: ['file' as const] }],
      new DuplicateFinder()
    )
    const records = Array.from({ length: 400 }, (_, n) => ({
      csl: { type: 'article-journal', title: `Vasopressin study number ${n}` },
      sources: ['file' as const]
    }))
    const items = records.map(record => toItem(record, 1_000))
    // paper 330 is written in a late chunk, while earlier chunks are still under way; it cannot be stored (its id is taken)
    items[330] = { ...items[330], id: items[12].id }
    await expect(importRecords(db, records, new DuplicateFinder(await db.items.toArray()), items)).rejects.toThrow()
    expect((await db.items.toArray()).map(item => item.csl.title)).toEqual(['Already here: oxytocin and pair bonding'])
  })
})
