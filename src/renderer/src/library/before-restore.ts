// The safety copy a restore takes of the library just before replacing it,
// so "Undo restore" can put the previous library back and a failed restore
// can roll back. It is a second IndexedDB database beside the library's
// (`<library>-before-restore`, e.g. "neuroref-before-restore"), in the same
// browser storage, so it survives a reload and is never itself replaced by a
// restore. One copy is kept: the one before the latest restore.
import Dexie from 'dexie'
import { BACKUP_TABLES, PRIMARY_KEYS } from './backup-rows'
import { everyPage, FingerprintBuilder, type Fingerprint, type RowPage } from './library-pages'
import type { NeurorefDb } from './schema'

/** What the copy holds, written last: a copy without it is incomplete and never offered. */
export interface BeforeRestore {
  key: 'about'
  /** when the copy was taken (ms) */
  takenAt: number
  /** when the backup that replaced this library was made (ISO date) */
  backupCreatedAt: string
  fingerprint: Fingerprint
}

export const beforeRestoreName = (db: { name: string }): string => `${db.name}-before-restore`

function openCopy(db: NeurorefDb): Dexie {
  const copy = new Dexie(beforeRestoreName(db))
  copy.version(1).stores({ ...Object.fromEntries(BACKUP_TABLES.map(t => [t, PRIMARY_KEYS[t]])), about: 'key' })
  return copy
}

async function withCopy<T>(db: NeurorefDb, read: (copy: Dexie) => Promise<T>): Promise<T> {
  const copy = openCopy(db)
  try {
    return await read(copy)
  } finally {
    copy.close()
  }
}

/** Copies the library, page by page, replacing the previous copy; returns its fingerprint. */
export async function keepBeforeRestore(db: NeurorefDb, backupCreatedAt: string, now = Date.now()): Promise<Fingerprint> {
  return withCopy(db, async copy => {
    const tables = [...BACKUP_TABLES, 'about'].map(t => copy.table(t))
    await copy.transaction('rw', tables, () => Promise.all(tables.map(t => t.clear())))
    const builder = new FingerprintBuilder()
    for await (const page of everyPage(db)) {
      await copy.table(page.table).bulkAdd(page.rows)
      builder.add(page.table, page.rows)
    }
    const fingerprint = builder.result()
    await copy.table('about').put({ key: 'about', takenAt: now, backupCreatedAt, fingerprint } satisfies BeforeRestore)
    return fingerprint
  })
}

/** The copy taken before the latest restore, if there is a complete one. */
export async function beforeRestore(db: NeurorefDb): Promise<BeforeRestore | undefined> {
  return withCopy(db, copy => copy.table('about').get('about'))
}

/** The copy's rows, page by page (the copy stays open while they are read). */
export async function* beforeRestorePages(db: NeurorefDb): AsyncGenerator<RowPage> {
  const copy = openCopy(db)
  try {
    yield* everyPage(copy)
  } finally {
    copy.close()
  }
}

/** Drops the copy (after Undo restore put it back). */
export async function forgetBeforeRestore(db: NeurorefDb): Promise<void> {
  await withCopy(db, copy => copy.table('about').delete('about'))
  await Dexie.delete(beforeRestoreName(db))
}
