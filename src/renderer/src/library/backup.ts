// "Back up library" and "Restore library": the whole library as one JSON
// file, and back. Attachment files stay on disk; the backup lists their
// records (by SHA-256 hash), so a restore on the same machine finds them.
import { ServiceError } from '../../../shared/result'
import type { NeurorefDb } from './schema'
import { write } from './write'

export const BACKUP_FORMAT = 'neuroref-library-backup'
export const BACKUP_VERSION = 1

/** Every table of the library, in the order a restore writes them. */
export const BACKUP_TABLES = ['items', 'collections', 'tags', 'notes', 'attachments', 'settings', 'savedSearches', 'pubmedSearches', 'fullTexts'] as const
export type BackupTable = (typeof BACKUP_TABLES)[number]

export interface LibraryBackup {
  format: typeof BACKUP_FORMAT
  version: number
  /** ISO date and time the backup was made */
  createdAt: string
  /** the database version it came from */
  schemaVersion: number
  attachmentFiles: string
  tables: Record<BackupTable, unknown[]>
}

const ATTACHMENT_NOTE =
  'PDF and other attachment files are not inside this backup. Each attachment record names its file by the SHA-256 hash of its bytes; ' +
  'Neuroref finds the file under that name in its data folder. Copy that folder too to move attachments to another computer.'

const tablesOf = (db: NeurorefDb) => BACKUP_TABLES.map(name => db.table(name))

/** Reads every table in one transaction, so the backup is one consistent moment of the library. */
export async function createBackup(db: NeurorefDb, now = new Date()): Promise<LibraryBackup> {
  return db.transaction('r', tablesOf(db), async () => {
    const rows = await Promise.all(BACKUP_TABLES.map(name => db.table(name).toArray()))
    const tables = Object.fromEntries(BACKUP_TABLES.map((name, i) => [name, rows[i]])) as Record<BackupTable, unknown[]>
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), schemaVersion: db.verno, attachmentFiles: ATTACHMENT_NOTE, tables }
  })
}

export function backupFileName(backup: LibraryBackup): string {
  return `neuroref-library-${backup.createdAt.slice(0, 10)}.json`
}

const notBackup = (fileName: string, why: string): ServiceError =>
  new ServiceError('INVALID_INPUT', `${fileName} is not a Neuroref library backup (${why}). Nothing was changed.`)

function hasKeys(rows: unknown[], key: string): boolean {
  return rows.every(row => typeof row === 'object' && row !== null && typeof (row as Record<string, unknown>)[key] === 'string')
}

const PRIMARY_KEYS: Record<BackupTable, string> = {
  items: 'id',
  collections: 'id',
  tags: 'name',
  notes: 'id',
  attachments: 'id',
  settings: 'key',
  savedSearches: 'id',
  pubmedSearches: 'id',
  fullTexts: 'attachmentId'
}

/** Reads and checks a backup file; throws a sentence the researcher can act on. */
export function parseBackup(text: string, fileName = 'This file'): LibraryBackup {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw notBackup(fileName, 'it is not a JSON file')
  }
  const backup = data as Partial<LibraryBackup> | null
  if (!backup || typeof backup !== 'object' || backup.format !== BACKUP_FORMAT) throw notBackup(fileName, 'it has no Neuroref backup marker')
  if (typeof backup.version !== 'number' || backup.version > BACKUP_VERSION) {
    throw new ServiceError('INVALID_INPUT', `${fileName} was made by a newer version of Neuroref. Update Neuroref to restore it. Nothing was changed.`)
  }
  const tables = backup.tables as Partial<Record<BackupTable, unknown>> | undefined
  for (const name of BACKUP_TABLES) {
    const rows = tables?.[name] ?? []
    if (!Array.isArray(rows) || !hasKeys(rows, PRIMARY_KEYS[name])) throw notBackup(fileName, `its ${name} are damaged`)
  }
  if (typeof backup.createdAt !== 'string' || Number.isNaN(Date.parse(backup.createdAt))) throw notBackup(fileName, 'it has no date')
  const complete = Object.fromEntries(BACKUP_TABLES.map(name => [name, (tables?.[name] as unknown[] | undefined) ?? []]))
  return { ...(backup as LibraryBackup), tables: complete as Record<BackupTable, unknown[]> }
}

/** Replaces every table with the backup's rows, in one transaction: all or nothing. */
export async function restoreBackup(db: NeurorefDb, backup: LibraryBackup): Promise<void> {
  await write(db, tablesOf(db), async changes => {
    for (const name of BACKUP_TABLES) {
      await db.table(name).clear()
      await db.table(name).bulkAdd(backup.tables[name])
    }
    changes.record({ kind: 'library', change: 'restored', ids: [] })
  })
}

/** How many papers, collections and notes a backup holds, for the question before restoring. */
export function backupSummary(backup: LibraryBackup): string {
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`
  const { items, collections, notes } = backup.tables
  return `${count(items.length, 'paper', 'papers')}, ${count(collections.length, 'collection', 'collections')}, ${count(notes.length, 'note', 'notes')}`
}
