// Backups as lines of JSON (issue 11, item 4: one JSON.stringify of the
// library failed with "Invalid string length" well below 100,000 papers):
// every table comes back byte for byte through the writer, a stream cut at
// any point, the check and the page-by-page restore; a damaged file is
// refused with one sentence and the library is untouched.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DuplicateFinder } from '@shared/duplicates'
import { openLibrary, type NeurorefDb } from './schema'
import { importRecords } from './import-file'
import { addItemsToCollection, createCollection } from './collections'
import { addTag, setTagColor } from './tags'
import { saveNote } from './notes'
import { saveSearch } from './saved-searches'
import { savePubmedSearch } from './pubmed-searches'
import { writeSetting } from './settings'
import { BACKUP_TABLES, checkBackupFile, restoreCheckedBackup } from './backup'
import { linesOf, readBackupLines, type BackupHeader } from './backup-lines'
import { backupText, oldFormatBackup, textStream } from './backup.test-support'

let db: NeurorefDb
const dbs: NeurorefDb[] = []
const library = (name: string): NeurorefDb => {
  const opened = openLibrary(`${name}-${Math.random()}`)
  dbs.push(opened)
  return opened
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map(d => d.delete()))
})

/** Every row of every table, as the exact JSON text it is stored as. */
async function everyRowAsText(d: NeurorefDb): Promise<Record<string, string[]>> {
  return Object.fromEntries(await Promise.all(BACKUP_TABLES.map(async name => [name, (await d.table(name).toArray()).map(row => JSON.stringify(row))])))
}

const restoreText = async (d: NeurorefDb, text: string, name = 'backup.ndjson'): Promise<void> => {
  const file = new Blob([text])
  await restoreCheckedBackup(d, file, await checkBackupFile(file, name))
}

/** What the check says about a file, and that the library did not change. */
async function refusal(text: string, name = 'b.ndjson'): Promise<string> {
  const before = await everyRowAsText(db)
  let told = ''
  try {
    await restoreText(db, text, name)
  } catch (error) {
    told = (error as Error).message
  }
  expect(await everyRowAsText(db)).toEqual(before)
  return told
}

beforeEach(async () => {
  db = library('lines')
  const records = [
    {
      csl: { type: 'article-journal', title: 'Oxytocin — “social” reward in the NAcc 🐀', author: [{ family: 'Dölen', given: 'Gül' }] },
      sources: ['file' as const]
    },
    {
      csl: { type: 'article-journal', title: 'Line\nbreaks\u2028and\u2029separators, tabs\tand \\ backslashes', DOI: '10.1038/nature12518' },
      sources: ['file' as const]
    },
    { csl: { type: 'book', title: 'Neuropeptides', issued: { 'date-parts': [[2016]] } }, sources: ['file' as const] }
  ]
  const { added } = await importRecords(db, records, new DuplicateFinder())
  const ids = added.map(item => item.id)
  const collection = await createCollection(db, 'CRF and stress')
  await addItemsToCollection(db, collection.id, ids.slice(0, 2))
  await addTag(db, ids, 'to read')
  await setTagColor(db, 'to read', '#c0392b')
  await saveNote(db, ids[0], 'Compare with the **orexin** data.\n\nSecond paragraph: “quotes”.')
  await db.attachments.add({ id: 'att-1', itemId: ids[0], hash: 'a'.repeat(64), fileName: 'Dölen 2013.pdf', size: 183204, addedAt: 1_700_000_000_000 })
  await db.fullTexts.add({ attachmentId: 'att-1', itemId: ids[0], pages: ['Abstract\n', 'Méthodes'], hasTextLayer: true, extractedAt: 1_700_000_000_500 })
  await writeSetting(db, 'contact', { email: 'lab@example.org' })
  await saveSearch(db, 'Oxytocin in rats', 'oxytocin rat')
  await savePubmedSearch(db, 'CRF and alcohol', 'corticotropin-releasing factor AND alcohol', 1_700_000_000_000)
})

describe('a backup of lines', () => {
  it('brings back every table byte for byte, however the file is cut into pieces as it is read', async () => {
    const before = await everyRowAsText(db)
    for (const table of BACKUP_TABLES) expect(before[table].length, `${table} has rows to back up`).toBeGreaterThan(0)
    const { text } = await backupText(db, new Date('2025-03-04T10:00:00Z'))

    for (const size of [1, 7, 4096]) {
      const outcome = await readBackupLines(linesOf(textStream(text, size)), 'backup.ndjson')
      expect(outcome.ok && outcome.counts).toEqual(Object.fromEntries(BACKUP_TABLES.map(t => [t, before[t].length])))
    }
    const restored = library('restored')
    await restoreText(restored, text)
    expect(await everyRowAsText(restored)).toEqual(before)
  })

  it('leaves out the title words an older row carries, and still restores an older backup that has them', async () => {
    const [first, ...others] = await db.items.toArray()
    // a row written before title words were dropped
    await db.items.put({ ...first, titleWords: ['oxytocin', 'social', 'reward'] })
    const { text } = await backupText(db)
    const lines = text.trimEnd().split('\n')
    expect(JSON.parse(lines[0])).toMatchObject({ version: 3 })
    expect(lines.filter(line => line.includes('titleWords'))).toEqual([])
    const restored = library('restored')
    await restoreText(restored, text)
    expect(await restored.items.get(first.id)).toEqual(first)

    // a version 2 backup: every paper with its title words
    const older = lines.map((line, n) => {
      const value = JSON.parse(line) as { version?: number; table?: string; row: Record<string, unknown> }
      if (n === 0) return JSON.stringify({ ...value, version: 2 })
      return value.table === 'items' ? JSON.stringify({ ...value, row: { ...value.row, titleWords: ['old', 'words'] } }) : line
    })
    const fromOlder = library('from-older')
    await restoreText(fromOlder, older.join('\n') + '\n', 'older.ndjson')
    expect((await fromOlder.items.toArray()).map(({ titleWords: _words, ...item }) => item).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [first, ...others].sort((a, b) => a.id.localeCompare(b.id))
    )
  })

  it('starts with a header saying what it is, and ends with the rows written', async () => {
    const { text } = await backupText(db, new Date('2025-03-04T10:00:00Z'))
    const lines = text.trimEnd().split('\n')
    const header = JSON.parse(lines[0]) as BackupHeader
    expect(header).toMatchObject({
      format: 'neuroref-library-backup',
      version: 3,
      layout: 'ndjson',
      appVersion: '9.9.9',
      createdAt: '2025-03-04T10:00:00.000Z'
    })
    expect(header.counts.items).toBe(3)
    expect(header.attachmentFiles).toMatch(/not inside this backup.*SHA-256/)
    expect(JSON.parse(lines[lines.length - 1])).toEqual({ end: true, counts: header.counts })
    expect(lines).toHaveLength(2 + BACKUP_TABLES.reduce((sum, t) => sum + header.counts[t], 0))
  })

  it('restores 2,001 papers (more than a page) exactly, written in pieces', async () => {
    const big = library('big')
    const records = Array.from({ length: 2001 }, (_, i) => ({
      csl: { type: 'article-journal', title: `Vasopressin V1a receptors in study ${i}`, volume: String(i) },
      sources: ['file' as const]
    }))
    await importRecords(big, records, new DuplicateFinder())
    const before = await everyRowAsText(big)
    const { text } = await backupText(big)
    const restored = library('big-restored')
    await restoreText(restored, text)
    expect(await everyRowAsText(restored)).toEqual(before)
    expect(before.items).toHaveLength(2001)
    // 60 s, as light-form.test.ts's: the import's papers are read from its groups (not spread here), 18 s alone at load 17 (main: 12 s)
  }, 60_000)

  it('replaces the library, keeping the one before for Undo restore', async () => {
    const other = library('other')
    await importRecords(other, [{ csl: { type: 'article-journal', title: 'Orexin and cocaine seeking' }, sources: ['file'] }], new DuplicateFinder())
    await restoreText(db, (await backupText(other)).text)
    expect((await db.items.toArray()).map(item => item.csl.title)).toEqual(['Orexin and cocaine seeking'])
    expect(await db.notes.count()).toBe(0)
  })

  it('still restores a backup of version 1 (one JSON object)', async () => {
    const before = await everyRowAsText(db)
    const text = JSON.stringify(await oldFormatBackup(db))
    const restored = library('old')
    await restoreText(restored, text, 'neuroref-library-2025-03-04.json')
    expect(await everyRowAsText(restored)).toEqual(before)
  })
})

describe('a damaged backup of lines changes nothing', () => {
  it('refuses a file cut short, saying so', async () => {
    const { text } = await backupText(db)
    expect(await refusal(text.slice(0, text.lastIndexOf('{"end"')), 'cut.ndjson')).toMatch(
      /^cut\.ndjson cannot be restored: the file ends early, after \d+ rows, before its end line \(it was cut short, perhaps by a full disk or an interrupted copy\)\. Nothing was changed\.$/
    )
    // cut in the middle of a row: the same
    expect(await refusal(text.slice(0, Math.floor(text.length / 2)), 'half.ndjson')).toMatch(
      /^half\.ndjson cannot be restored: the file ends early, after \d+ rows/
    )
  })

  it('never reads whole a file too large to be a backup of version 1', async () => {
    const video = new Blob(['\u0000'.repeat(5000)])
    await expect(checkBackupFile(video, 'lecture.mp4', undefined, 4096)).rejects.toThrow(
      'lecture.mp4 is not a Neuroref library backup (it does not begin with a backup header). Nothing was changed.'
    )
  })

  it('names a line that is not JSON, and counts the damaged ones', async () => {
    const lines = (await backupText(db)).text.split('\n')
    lines[2] = 'oxytocin'
    lines[4] = '{"table":"items","row":'
    expect(await refusal(lines.join('\n'))).toBe('b.ndjson cannot be restored: line 3 is not JSON. 1 more row is damaged. Nothing was changed.')
  })

  it('names the first row that breaks the model', async () => {
    const lines = (await backupText(db)).text.split('\n')
    const row = JSON.parse(lines[1]) as { table: string; row: Record<string, unknown> }
    lines[1] = JSON.stringify({ table: 'items', row: { id: row.row.id, addedAt: 1 } })
    expect(await refusal(lines.join('\n'))).toBe(
      `b.ndjson cannot be restored: row 1 of items (id “${String(row.row.id)}”) has no bibliographic fields (csl). It is the only damaged row. Nothing was changed.`
    )
    lines[1] = JSON.stringify({ table: 'papers', row: row.row })
    expect(await refusal(lines.join('\n'))).toBe(
      'b.ndjson cannot be restored: line 2 names no table of the library. It is the only damaged row. Nothing was changed.'
    )
  })

  it('refuses a backup from a newer Neuroref, and an end line that does not match the rows', async () => {
    const lines = (await backupText(db)).text.split('\n')
    const header = JSON.parse(lines[0]) as BackupHeader
    expect(await refusal([JSON.stringify({ ...header, version: 4 }), ...lines.slice(1)].join('\n'), 'new.ndjson')).toBe(
      'new.ndjson was made by a newer version of Neuroref. Update Neuroref to restore it. Nothing was changed.'
    )
    const end = lines.length - 2
    lines[end] = JSON.stringify({ end: true, counts: { ...header.counts, notes: 5 } })
    expect(await refusal(lines.join('\n'))).toBe('b.ndjson cannot be restored: its end line counts 5 notes but 1 were read. Nothing was changed.')
  })
})
