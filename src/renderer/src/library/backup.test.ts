// Back up and restore: a realistic library (papers from real files in
// e2e/fixtures — a JabRef BibTeX file and a PubMed MEDLINE file, see their
// SOURCES.md — with collections, tags, notes, an attachment record and its
// text, settings and saved searches) survives backup → wipe → restore.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBibliographyFile } from '../../../shared/import'
import { DuplicateFinder } from '../../../shared/duplicates'
import { openLibrary, type NeurorefDb } from './schema'
import { importRecords } from './import-file'
import { addItemsToCollection, createCollection } from './collections'
import { addTag, setTagColor } from './tags'
import { saveNote } from './notes'
import { setRating } from './reading'
import { saveSearch } from './saved-searches'
import { savePubmedSearch } from './pubmed-searches'
import { writeSetting } from './settings'
import { backupFileName, backupSummary, BACKUP_TABLES, createBackup, parseBackup, restoreBackup } from './backup'

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

describe('library backup', () => {
  it('restores every table exactly: backup → wipe → restore', async () => {
    const before = await everyTable(db)
    expect(before.items.length).toBeGreaterThan(5)
    const text = JSON.stringify(await createBackup(db, new Date('2025-03-04T10:00:00Z')))

    await db.delete()
    db = openLibrary(`backup-restored-${Math.random()}`)
    expect(await db.items.count()).toBe(0)

    await restoreBackup(db, parseBackup(text, 'backup.json'))
    expect(await everyTable(db)).toEqual(before)
  })

  it('replaces what the library held, rather than adding to it', async () => {
    const backup = parseBackup(JSON.stringify(await createBackup(db)))
    await saveSearch(db, 'Made after the backup', 'vasopressin')
    await db.items.clear()
    await restoreBackup(db, backup)
    expect((await db.savedSearches.toArray()).map(s => s.name)).toEqual(['Oxytocin in rats'])
    expect(await db.items.count()).toBe(backup.tables.items.length)
  })

  it('says what it holds and where the attachment files are', async () => {
    const backup = await createBackup(db, new Date('2025-03-04T10:00:00Z'))
    expect(backup.format).toBe('neuroref-library-backup')
    expect(backupFileName(backup)).toBe('neuroref-library-2025-03-04.json')
    expect(backupSummary(backup)).toBe(`${backup.tables.items.length} papers, 2 collections, 2 notes`)
    expect(backup.attachmentFiles).toMatch(/not inside this backup.*SHA-256/)
  })

  it('refuses files that are not a backup, with a sentence, changing nothing', async () => {
    const bib = readFileSync(`${FIXTURES}/bibtex/jabref_complex.bib`, 'utf8')
    expect(() => parseBackup(bib, 'jabref_complex.bib')).toThrow(
      'jabref_complex.bib is not a Neuroref library backup (it is not a JSON file). Nothing was changed.'
    )
    const csl = readFileSync(`${FIXTURES}/other/csl-json/zotero_csl_json_book_with_editor.json`, 'utf8')
    expect(() => parseBackup(csl, 'book.json')).toThrow('book.json is not a Neuroref library backup (it has no Neuroref backup marker).')
    const damaged = { ...(await createBackup(db)), tables: { items: [{ title: 'no id' }] } }
    expect(() => parseBackup(JSON.stringify(damaged), 'old.json')).toThrow('its items are damaged')
    const newer = { ...(await createBackup(db)), version: 99 }
    expect(() => parseBackup(JSON.stringify(newer), 'new.json')).toThrow('made by a newer version of Neuroref')
  })

  it('leaves the library as it was when a restore fails half-way', async () => {
    const before = await everyTable(db)
    const backup = parseBackup(JSON.stringify(await createBackup(db)))
    backup.tables.notes.push({ ...(backup.tables.notes[0] as object) }) // same id twice: the write fails
    await expect(restoreBackup(db, backup)).rejects.toThrow()
    expect(await everyTable(db)).toEqual(before)
  })
})
