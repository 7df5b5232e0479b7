// Restoring a backup without ever losing the library: the rows are checked
// before this runs (backup.ts, or the worker reading a file line by line);
// here a safety copy is taken, the library replaced, then loaded the way the
// app loads it at start (`trialLoad`). If anything fails, the copy is put
// back and compared with what was there, row by row (fingerprints), before
// anyone is told the library is as it was. The work on rows (copy, write,
// fingerprint: every row of the library, page by page) is a `RowWork`: done
// here, or by a Web Worker on the same database so the window never waits on
// it (features/backup/restore-in-worker.ts); the window records the event
// that reloads its store and runs the trial load.
import { ServiceError } from '@shared/result'
import { beforeRestore, beforeRestorePages, forgetBeforeRestore, keepBeforeRestore, type BeforeRestore } from './before-restore'
import { BACKUP_TABLES } from './backup-rows'
import { fingerprintOf, newRestore, recordRestored, replaceRows, sameFingerprint, type Fingerprint, type RowPage } from './library-pages'
import type { MakeForms } from './restored-forms'
import type { NeurorefDb } from './schema'

/** A restore's work on rows, each step over the whole library a page at a time; each returns the fingerprint of what it wrote or read. */
export interface RowWork {
  /** copies the library to its safety copy (before-restore.ts) */
  keepCopy(backupCreatedAt: string): Promise<Fingerprint>
  /** empties the library and writes the backup's rows (its saved forms made as they go, named `restore`: library-pages.ts) */
  writeBackup(restore: string): Promise<Fingerprint>
  /** empties the library and writes the safety copy's rows back (the same) */
  writeCopy(restore: string): Promise<Fingerprint>
  /** the library as stored */
  fingerprint(): Promise<Fingerprint>
}

async function* noPages(): AsyncGenerator<RowPage> {}

/** The row work done on this thread, with the backup's rows from `pages` (read again at each call); `backupForms` may make their forms elsewhere. */
export const rowWorkHere = (db: NeurorefDb, pages: () => AsyncIterable<RowPage> = noPages, backupForms?: MakeForms): RowWork => ({
  keepCopy: backupCreatedAt => keepBeforeRestore(db, backupCreatedAt),
  writeBackup: restore => replaceRows(db, pages(), restore, undefined, backupForms),
  writeCopy: restore => replaceRows(db, beforeRestorePages(db), restore),
  fingerprint: () => fingerprintOf(db)
})

/** Loads the library as the window does at start (the store's load); throws if it cannot. */
export type TrialLoad = () => Promise<void>

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\.$/, '')

const papers = (n: number): string => `${n.toLocaleString('en')} ${n === 1 ? 'paper' : 'papers'}`

/** Counts in the database equal to those written: the restore stored every row. */
async function countsMatch(db: NeurorefDb, written: Fingerprint): Promise<string | undefined> {
  for (const table of BACKUP_TABLES) {
    const stored = await db.table(table).count()
    if (stored !== written.counts[table]) return `${written.counts[table]} ${table} were written but ${stored} are stored`
  }
  return undefined
}

/** Puts the safety copy back and checks it; returns the sentence for what the library now is. */
async function rollBack(db: NeurorefDb, work: RowWork, before: Fingerprint, trialLoad: TrialLoad): Promise<string> {
  try {
    const restore = newRestore()
    await work.writeCopy(restore)
    await recordRestored(db, restore)
    await trialLoad()
    if (sameFingerprint(await work.fingerprint(), before))
      return `The library was put back as it was before (${papers(before.counts.items)}; every row checked).`
  } catch (error) {
    return `Putting the previous library back failed too (${reasonOf(error)}). Its copy is kept: try Undo restore in Settings → Library backup.`
  }
  return 'The library put back differs from the one before the restore. Its copy is kept: try Undo restore in Settings → Library backup.'
}

/**
 * Replaces the library with the backup's rows (already checked), keeping a
 * safety copy first. Returns what was written; throws a sentence saying what
 * happened to the library when the restored one cannot be stored or loaded.
 */
export async function restoreLibrary(db: NeurorefDb, work: RowWork, backupCreatedAt: string, trialLoad: TrialLoad): Promise<Fingerprint> {
  let before: Fingerprint
  try {
    before = await work.keepCopy(backupCreatedAt)
  } catch (error) {
    throw new ServiceError('IO', `A copy of the library could not be kept before restoring (${reasonOf(error)}), so nothing was changed.`)
  }
  try {
    const restore = newRestore()
    const written = await work.writeBackup(restore)
    await recordRestored(db, restore)
    await trialLoad()
    const wrong = await countsMatch(db, written)
    if (wrong) throw new Error(wrong)
    return written
  } catch (error) {
    const now = await rollBack(db, work, before, trialLoad)
    throw new ServiceError('INVALID_INPUT', `The backup could not be restored (${reasonOf(error)}). ${now}`)
  }
}

/** Puts back the library as it was before the latest restore, checked against the copy's fingerprint. */
export async function undoRestore(db: NeurorefDb, trialLoad: TrialLoad, work = rowWorkHere(db)): Promise<BeforeRestore> {
  const about = await beforeRestore(db)
  if (!about) throw new ServiceError('NOT_FOUND', 'There is no library kept from before a restore to put back.')
  try {
    const restore = newRestore()
    await work.writeCopy(restore)
    await recordRestored(db, restore)
    await trialLoad()
  } catch (error) {
    throw new ServiceError('IO', `The library before the restore could not be put back (${reasonOf(error)}). Its copy is kept: try again.`)
  }
  if (!sameFingerprint(await work.fingerprint(), about.fingerprint)) {
    throw new ServiceError('IO', 'The library put back differs from the copy taken before the restore. The copy is kept: try again.')
  }
  await forgetBeforeRestore(db)
  return about
}
