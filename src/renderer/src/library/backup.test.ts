// Back up and restore: a realistic library (papers from real files in
// e2e/fixtures — a JabRef BibTeX file and a PubMed MEDLINE file, see their
// SOURCES.md — with collections, tags, notes, an attachment record and its
// text, settings and saved searches) survives backup → wipe → restore.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import { DuplicateFinder } from '@shared/duplicates'
import { openLibrary, type NeurorefDb } from './schema'
import { importRecords } from './import-file'
import { addItemsToCollection, createCollection } from './collections'
import { addTag, setTagColor } from './tags'
import { saveNote } from './notes'
import { setRating } from './reading'
import { saveSearch } from './saved-searches'
import { savePubmedSearch } from './pubmed-searches'
import { writeSetting } from './settings'
import { backupSummary, BACKUP_TABLES, countsOf, parseBackup, restoreBackup } from './backup'
import { restoreLibrary, rowWorkHere, undoRestore } from './restore'
import { beforeRestore } from './before-restore'
import type { RowPage } from './library-pages'
import { LibraryStore } from '../store/library-store'
import { oldFormatBackup } from './backup.test-support'

const FIXTURES = `${import.meta.dirname}/../../../../e2e/fixtures`
let db: NeurorefDb

async function everyTable(db: NeurorefDb): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(BACKUP_TABLES.map(async name => [name, await db.table(name).toArray()])))
}

beforeEach(async () => {
  db = openLibrary(`backup-${Math.random()}`)
  const files = ['bibtex/jabref_complex.bib', 'pubmed/medline_nbib/biopython_pubmed_result2_4records.txt']
  const records = files.flatMap(file => readBibliographyFile(readFileSync(`${FIXTURES}/${file}`), file).records)
  const { added } = await importRecords(db, records, new DuplicateFinder())
  const ids = added.map(item => item.id)
  const stress = await createCollection(db, 'Stress and addiction')
  const crf = await createCollection(db, 'CRF', stress.id)
  await addItemsToCollection(db, crf.id, ids.slice(0, 2))
  await addItemsToCollection(db, stress.id, ids.slice(1, 3))
  await addTag(db, ids.slice(0, 3), 'to read')
  await setTagColor(db, 'to read', '#c0392b')
  await setRating(db, [ids[0]], 5)
  await saveNote(db, ids[0], 'Compare with the **orexin** data.')
  await saveNote(db, ids[2], 'Methods: CRF infusion into the BNST.')
  await db.attachments.add({ id: 'att-1', itemId: ids[0], hash: 'f'.repeat(64), fileName: 'paper.pdf', size: 183204, addedAt: 1_700_000_000_000 })
  await db.fullTexts.add({ attachmentId: 'att-1', itemId: ids[0], pages: ['Abstract', 'Methods'], hasTextLayer: true, extractedAt: 1_700_000_000_500 })
  await writeSetting(db, 'contact', { email: 'lab@example.org' })
  await writeSetting(db, 'itemList.columns', ['title', 'key'])
  await saveSearch(db, 'Oxytocin in rats', 'oxytocin rat')
  await savePubmedSearch(db, 'CRF and alcohol', 'corticotropin-releasing factor AND alcohol', 1_700_000_000_000)
})
afterEach(() => db?.delete())

// Backups of version 1 (the whole library as one JSON object, written until backups became lines) still restore.
describe('library backup of version 1', () => {
  it('restores every table exactly: backup → wipe → restore', async () => {
    const before = await everyTable(db)
    expect(before.items.length).toBeGreaterThan(5)
    const text = JSON.stringify(await oldFormatBackup(db, new Date('2025-03-04T10:00:00Z')))

    await db.delete()
    db = openLibrary(`backup-restored-${Math.random()}`)
    expect(await db.items.count()).toBe(0)

    await restoreBackup(db, parseBackup(text, 'backup.json'))
    expect(await everyTable(db)).toEqual(before)
  })

  it('replaces what the library held, rather than adding to it', async () => {
    const backup = parseBackup(JSON.stringify(await oldFormatBackup(db)))
    await saveSearch(db, 'Made after the backup', 'vasopressin')
    await db.items.clear()
    await restoreBackup(db, backup)
    expect((await db.savedSearches.toArray()).map(s => s.name)).toEqual(['Oxytocin in rats'])
    expect(await db.items.count()).toBe(backup.tables.items.length)
  })

  it('says what it holds and where the attachment files are', async () => {
    const backup = await oldFormatBackup(db, new Date('2025-03-04T10:00:00Z'))
    expect(backup.format).toBe('neuroref-library-backup')
    expect(backupSummary(countsOf(backup))).toBe(`${backup.tables.items.length} papers, 2 collections, 2 notes`)
    expect(backup.attachmentFiles).toMatch(/not inside this backup.*SHA-256/)
  })

  it('refuses files that are not a backup, with a sentence, changing nothing', async () => {
    const bib = readFileSync(`${FIXTURES}/bibtex/jabref_complex.bib`, 'utf8')
    expect(() => parseBackup(bib, 'jabref_complex.bib')).toThrow(
      'jabref_complex.bib is not a Neuroref library backup (it is not a JSON file). Nothing was changed.'
    )
    const csl = readFileSync(`${FIXTURES}/other/csl-json/zotero_csl_json_book_with_editor.json`, 'utf8')
    expect(() => parseBackup(csl, 'book.json')).toThrow('book.json is not a Neuroref library backup (it has no Neuroref backup marker).')
    const damaged = { ...(await oldFormatBackup(db)), tables: { items: [{ title: 'no id' }] } }
    expect(() => parseBackup(JSON.stringify(damaged), 'old.json')).toThrow('old.json cannot be restored: row 1 of items has no id.')
    const newer = { ...(await oldFormatBackup(db)), version: 99 }
    expect(() => parseBackup(JSON.stringify(newer), 'new.json')).toThrow('made by a newer version of Neuroref')
  })
})

// Issue 11, item 1: a backup whose papers were malformed (no fields, no date
// added) replaced the whole library and then said "The library is as it was";
// the window stayed at "opening the library…" after a reload.
describe('restoring never loses the library', () => {
  const withItems = async (items: unknown[]): Promise<string> => {
    const backup = await oldFormatBackup(db)
    return JSON.stringify({ ...backup, tables: { ...backup.tables, items } })
  }

  it.each([
    [
      [{ id: 'x2', addedAt: 1 }],
      'bad.json cannot be restored: row 1 of items (id “x2”) has no bibliographic fields (csl). It is the only damaged row. Nothing was changed.'
    ],
    [
      [{ id: 'x1' }],
      'bad.json cannot be restored: row 1 of items (id “x1”) has no bibliographic fields (csl). It is the only damaged row. Nothing was changed.'
    ]
  ])('refuses items %j before writing anything, naming the first bad row', async (items, sentence) => {
    const before = await everyTable(db)
    const text = await withItems(items)
    expect(() => parseBackup(text, 'bad.json')).toThrow(sentence)
    expect(await everyTable(db)).toEqual(before)
  })

  it('names the first bad row of any table and counts the others', async () => {
    const backup = await oldFormatBackup(db)
    const items = backup.tables.items as Record<string, unknown>[]
    const broken = items.map((item, i) => (i === 0 ? item : i % 2 ? { ...item, addedAt: 'yesterday' } : { ...item, tags: undefined }))
    expect(() => parseBackup(JSON.stringify({ ...backup, tables: { ...backup.tables, items: broken } }), 'b.json')).toThrow(
      `b.json cannot be restored: row 2 of items (id “${items[1].id}”) has a date added (addedAt) that is not a number. ${items.length - 2} more rows are damaged. Nothing was changed.`
    )
    const notes = [...backup.tables.notes, backup.tables.notes[0]]
    expect(() => parseBackup(JSON.stringify({ ...backup, tables: { ...backup.tables, notes } }), 'b.json')).toThrow(
      /row 3 of notes \(id “.+”\) has the same id as an earlier row\. It is the only damaged row\./
    )
    const attachments = [{ ...(backup.tables.attachments[0] as object), hash: '../../etc/passwd' }]
    expect(() => parseBackup(JSON.stringify({ ...backup, tables: { ...backup.tables, attachments } }), 'b.json')).toThrow(
      'row 1 of attachments (id “att-1”) has a hash that is not a SHA-256 hash'
    )
  })

  it('loads the restored library the way the app starts, and keeps the one before for Undo restore', async () => {
    const before = await everyTable(db)
    const other = openLibrary(`backup-other-${Math.random()}`)
    await importRecords(other, [{ csl: { type: 'article-journal', title: 'Orexin and cocaine seeking' }, sources: ['file'] }], new DuplicateFinder())
    const backup = parseBackup(JSON.stringify(await oldFormatBackup(other)), 'other.json')
    await other.delete()

    const store = new LibraryStore(db)
    await store.load()
    await restoreBackup(db, backup, () => store.settled())
    expect([...store.items.values()].map(item => item.csl.title)).toEqual(['Orexin and cocaine seeking'])
    expect((await beforeRestore(db))?.fingerprint.counts.items).toBe(before.items.length)

    await undoRestore(db, () => store.settled())
    expect(await everyTable(db)).toEqual(before)
    expect(store.items.size).toBe(before.items.length)
    expect(await beforeRestore(db)).toBeUndefined()
  })

  it('puts the library back, checked, when the restored one cannot be loaded', async () => {
    const before = await everyTable(db)
    const backup = parseBackup(JSON.stringify({ ...(await oldFormatBackup(db)), tables: { items: [] } }))
    let loads = 0
    const failingFirstLoad = async (): Promise<void> => {
      if (++loads === 1) throw new Error('the library did not open')
    }
    await expect(restoreBackup(db, backup, failingFirstLoad)).rejects.toThrow(
      `The backup could not be restored (the library did not open). The library was put back as it was before (${before.items.length} papers; every row checked).`
    )
    expect(loads).toBe(2)
    expect(await everyTable(db)).toEqual(before)
  })

  it('puts the library back when a write fails half-way', async () => {
    const before = await everyTable(db)
    const note = before.notes[0]
    const pages = async function* (): AsyncGenerator<RowPage> {
      yield { table: 'items', rows: before.items.slice(0, 2) }
      yield { table: 'notes', rows: [note, note] } // the same key twice: this write fails
    }
    await expect(restoreLibrary(db, rowWorkHere(db, pages), '2025-03-04T10:00:00Z', async () => {})).rejects.toThrow(
      /The library was put back as it was before/
    )
    expect(await everyTable(db)).toEqual(before)
  })
})
