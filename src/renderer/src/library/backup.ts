// "Back up library" and "Restore library": the whole library as lines of
// JSON (backup-lines.ts), and back; backups of version 1 (one JSON object)
// still restore. Attachment files stay on disk; the backup lists their
// records (by SHA-256 hash), so a restore on the same machine finds them.
import { ServiceError } from '@shared/result'
import type { NeurorefDb } from './schema'
import { BACKUP_TABLES, BackupRowCheck, type BackupTable } from './backup-rows'
import { everyPage, PAGE, type Fingerprint, type RowPage } from './library-pages'
import {
  ATTACHMENT_NOTE,
  BACKUP_FORMAT,
  headerOf,
  LINES_VERSION,
  linesOf,
  noCounts,
  pagesOfLines,
  readBackupLines,
  textOfFile,
  writeBackupLines,
  type BackupHeader,
  type LinesOutcome,
  type TableCounts
} from './backup-lines'
import { restoreLibrary, rowWorkHere, type RowWork, type TrialLoad } from './restore'
import type { MakeForms } from './restored-forms'

export { BACKUP_TABLES, type BackupTable } from './backup-rows'

const OLD_VERSION = 1

/** A backup of version 1: the whole library as one JSON object (still restored; new backups are lines, backup-lines.ts). */
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

/**
 * Writes the library as backup lines to `sink`, a page of rows at a time
 * (each page read in a transaction of its own). Returns the rows written.
 */
export async function writeBackup(db: NeurorefDb, appVersion: string, sink: (text: string) => Promise<void>, now = new Date()): Promise<TableCounts> {
  const counts = noCounts()
  for (const table of BACKUP_TABLES) counts[table] = await db.table(table).count()
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: LINES_VERSION,
    layout: 'ndjson',
    appVersion,
    createdAt: now.toISOString(),
    schemaVersion: db.verno,
    attachmentFiles: ATTACHMENT_NOTE,
    counts
  }
  return writeBackupLines(header, everyPage(db), sink)
}

export function backupFileName(now = new Date()): string {
  return `neuroref-library-${now.toISOString().slice(0, 10)}.ndjson`
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
  if (typeof backup.version !== 'number' || backup.version > OLD_VERSION) {
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
  return restoreLibrary(
    db,
    rowWorkHere(db, () => pagesOfBackup(backup)),
    backup.createdAt,
    trialLoad
  )
}

/** Larger than any version-1 backup can be: such a file is never read whole. */
const WHOLE_FILE_LIMIT = 1_600_000_000

/** A backup file, checked whole: lines (read again to restore) or a version-1 object (held). */
export type CheckedBackup = { kind: 'lines'; header: BackupHeader; counts: TableCounts } | { kind: 'object'; backup: LibraryBackup }

/** Checks a backup's lines here (the window passes a Web Worker doing the same). */
export const checkLinesHere = (file: Blob, fileName: string): Promise<LinesOutcome> => readBackupLines(linesOf(textOfFile(file)), fileName)

/**
 * Checks a chosen backup file before anything is written, every row of it;
 * throws the sentence to show. A file whose first line is a backup header is
 * lines, read as a stream (`checkLines`); anything else is read whole as a
 * version-1 backup (or refused in words).
 */
export async function checkBackupFile(file: Blob, fileName: string, checkLines = checkLinesHere, wholeLimit = WHOLE_FILE_LIMIT): Promise<CheckedBackup> {
  const start = await file.slice(0, 65_536).text()
  const newline = start.indexOf('\n')
  if (newline >= 0 && headerOf(start.slice(0, newline))) {
    const outcome = await checkLines(file, fileName)
    if (!outcome.ok) throw new ServiceError('INVALID_INPUT', outcome.sentence)
    return { kind: 'lines', header: outcome.header, counts: outcome.counts }
  }
  // a version-1 backup was one string, so it cannot be larger than V8 allows one (≈ 0.5 G characters)
  if (file.size > wholeLimit) throw notBackup(fileName, 'it does not begin with a backup header')
  return { kind: 'object', backup: parseBackup(await file.text(), fileName) }
}

/** The rows of a backup file of lines, read again from the file at each call. */
export const pagesOfFile = (file: Blob): AsyncGenerator<RowPage> => pagesOfLines(linesOf(textOfFile(file)))

/** A restore's row work on this thread, the backup's rows read again from its file of lines (their forms made by `backupForms` if given). */
export const linesWorkHere = (db: NeurorefDb, file: Blob, backupForms?: MakeForms): RowWork => rowWorkHere(db, () => pagesOfFile(file), backupForms)

/**
 * Replaces the library with a checked backup file, inside restoreLibrary's
 * safety net; `workOn` does the row work of a file of lines (the window
 * passes a Web Worker doing the same).
 */
export function restoreCheckedBackup(
  db: NeurorefDb,
  file: Blob,
  checked: CheckedBackup,
  trialLoad: TrialLoad = async () => {},
  workOn: (file: Blob) => RowWork = file => linesWorkHere(db, file)
): Promise<Fingerprint> {
  if (checked.kind === 'object') return restoreBackup(db, checked.backup, trialLoad)
  return restoreLibrary(db, workOn(file), checked.header.createdAt, trialLoad)
}

/** How many papers, collections and notes a backup holds, for the question before restoring. */
export function backupSummary(counts: Pick<TableCounts, 'items' | 'collections' | 'notes'>): string {
  const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`
  return `${count(counts.items, 'paper', 'papers')}, ${count(counts.collections, 'collection', 'collections')}, ${count(counts.notes, 'note', 'notes')}`
}

/** The rows per table of a version-1 backup. */
export const countsOf = (backup: LibraryBackup): TableCounts => Object.fromEntries(BACKUP_TABLES.map(t => [t, backup.tables[t].length])) as TableCounts
