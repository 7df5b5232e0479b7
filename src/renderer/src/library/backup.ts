// "Back up library" and "Restore library": the whole library as one JSON
// file, and back. Attachment files stay on disk; the backup lists their
// records (by SHA-256 hash), so a restore on the same machine finds them.
import { ServiceError } from '@shared/result'
import type { NeurorefDb } from './schema'
import { BACKUP_TABLES, BackupRowCheck, type BackupTable } from './backup-rows'
import { PAGE, type Fingerprint, type RowPage } from './library-pages'
import { restoreLibrary, type TrialLoad } from './restore'

export { BACKUP_TABLES, type BackupTable } from './backup-rows'

export const BACKUP_FORMAT = 'neuroref-library-backup'
const BACKUP_VERSION = 1

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
  const check = new BackupRowCheck()
  for (const name of BACKUP_TABLES) {
    const rows = tables?.[name] ?? []
    if (!Array.isArray(rows)) throw notBackup(fileName, `its ${name} are not a list`)
    check.addAll(name, rows)
  }
  if (typeof backup.createdAt !== 'string' || Number.isNaN(Date.parse(backup.createdAt))) throw notBackup(fileName, 'it has no date')
  const damaged = check.problem(fileName)
  if (damaged) throw new ServiceError('INVALID_INPUT', damaged)
  const complete = Object.fromEntries(BACKUP_TABLES.map(name => [name, (tables?.[name] as unknown[] | undefined) ?? []]))
  return { ...(backup as LibraryBackup), tables: complete as Record<BackupTable, unknown[]> }
}

async function* pagesOfBackup(backup: LibraryBackup): AsyncGenerator<RowPage> {
  for (const table of BACKUP_TABLES) {
    const rows = backup.tables[table]
    for (let start = 0; start < rows.length; start += PAGE) yield { table, rows: rows.slice(start, start + PAGE) }
  }
}

/**
 * Replaces the library with a checked backup (parseBackup), keeping a copy
 * of the library first (Undo restore); `trialLoad` loads the result as the
 * app does at start, and a failure puts the copy back (restore.ts).
 */
export function restoreBackup(db: NeurorefDb, backup: LibraryBackup, trialLoad: TrialLoad = async () => {}): Promise<Fingerprint> {
  return restoreLibrary(db, () => pagesOfBackup(backup), backup.createdAt, trialLoad)
}

/** How many papers, collections and notes a backup holds, for the question before restoring. */
export function backupSummary(backup: LibraryBackup): string {
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`
  const { items, collections, notes } = backup.tables
  return `${count(items.length, 'paper', 'papers')}, ${count(collections.length, 'collection', 'collections')}, ${count(notes.length, 'note', 'notes')}`
}
