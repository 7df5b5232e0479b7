// Reading and replacing the library a page of rows at a time, so a restore,
// its safety copy and its checks hold a few thousand rows in memory however
// large the library is; and a fingerprint (row counts and a hash of every
// row) to check that what is stored is what was meant to be.
import type { Dexie, Table } from 'dexie'
import { BACKUP_TABLES, PRIMARY_KEYS, type BackupTable } from './backup-rows'
import type { NeurorefDb } from './schema'
import { lastChangeSeq } from './change-log'
import { nextLightGeneration, type LightWriteOptions } from './light-form'
import { formsHere, type MakeForms } from './restored-forms'
import { write } from './write'

export const PAGE = 2000

export interface RowPage {
  table: BackupTable
  rows: unknown[]
}

/** Rows counted per table and a hash of them all, the same whatever order the rows come in. */
export interface Fingerprint {
  counts: Record<BackupTable, number>
  hash: string
}

// Two 32-bit FNV-1a variants per row, summed per table (order-independent).
function rowHashes(text: string): [number, number] {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
  }
  return [a >>> 0, b >>> 0]
}

export class FingerprintBuilder {
  private counts = Object.fromEntries(BACKUP_TABLES.map(t => [t, 0])) as Record<BackupTable, number>
  private sums = Object.fromEntries(BACKUP_TABLES.map(t => [t, [0, 0]])) as Record<BackupTable, [number, number]>

  add(table: BackupTable, rows: readonly unknown[]): void {
    const sum = this.sums[table]
    for (const row of rows) {
      const [a, b] = rowHashes(JSON.stringify(row))
      sum[0] = (sum[0] + a) >>> 0
      sum[1] = (sum[1] + b) >>> 0
    }
    this.counts[table] += rows.length
  }

  result(): Fingerprint {
    const hash = BACKUP_TABLES.map(t => `${this.sums[t][0].toString(16)}.${this.sums[t][1].toString(16)}`).join('-')
    return { counts: { ...this.counts }, hash }
  }
}

export const sameFingerprint = (a: Fingerprint, b: Fingerprint): boolean =>
  a.hash === b.hash && BACKUP_TABLES.every(table => a.counts[table] === b.counts[table])

/** The rows of one table in primary-key order, a page at a time. */
async function* pagesOf(db: Dexie, table: BackupTable, size = PAGE): AsyncGenerator<RowPage> {
  const t: Table = db.table(table)
  let rows = await t.orderBy(':id').limit(size).toArray()
  while (rows.length > 0) {
    yield { table, rows }
    if (rows.length < size) return
    const last = (rows[rows.length - 1] as Record<string, string>)[PRIMARY_KEYS[table]]
    rows = await t.where(':id').above(last).limit(size).toArray()
  }
}

/** Every table of a database (the library or its safety copy), page by page. */
export async function* everyPage(db: Dexie, size = PAGE): AsyncGenerator<RowPage> {
  for (const table of BACKUP_TABLES) yield* pagesOf(db, table, size)
}

export async function fingerprintOf(db: Dexie): Promise<Fingerprint> {
  const builder = new FingerprintBuilder()
  for await (const page of everyPage(db)) builder.add(page.table, page.rows)
  return builder.result()
}

/**
 * Empties every table and writes the pages, each page in a transaction of
 * its own (a 100,000-paper backup does not fit one transaction's memory).
 * The caller keeps a safety copy first (before-restore.ts): that copy, not
 * one transaction, is what makes a failed restore reversible. The saved
 * search index and light form go with the rows they were made of, and new
 * ones are made from the rows as they are written, marked as this restore's
 * (restored-forms.ts; `makeForms` may make them elsewhere from the same
 * rows). Records no event: a Web Worker may do this, and only the window's
 * own write tells its store (`recordRestored`, with the same `restore`).
 */
export async function replaceRows(
  db: NeurorefDb,
  pages: AsyncIterable<RowPage>,
  restore: string,
  light?: LightWriteOptions,
  makeForms: MakeForms = formsHere(db, light)
): Promise<Fingerprint> {
  const tables = BACKUP_TABLES.map(name => db.table(name))
  // the log's seq and the form's next generation read where the old rows and forms go, in one transaction
  const [seq, generation] = await db.transaction('rw', [...tables, db.lightCopies, db.searchIndex, db.changes], async () => {
    const at = await Promise.all([lastChangeSeq(db), nextLightGeneration(db)])
    await Promise.all([...tables, db.lightCopies, db.searchIndex].map(t => t.clear()))
    return at
  })
  const forms = makeForms({ generation, at: { seq, restore } })
  const written = new FingerprintBuilder()
  for await (const page of pages) {
    if (page.rows.length === 0) continue
    await db.transaction('rw', db.table(page.table), () => db.table(page.table).bulkAdd(page.rows))
    written.add(page.table, page.rows)
    await forms.take(page)
  }
  await forms.commit()
  return written.result()
}

/** Records "library restored" (the tables were replaced by `restore`), which tells the store to load again. */
export async function recordRestored(db: NeurorefDb, restore: string): Promise<void> {
  await write(db, [], async changes => changes.record({ kind: 'library', change: 'restored', ids: [restore] }))
}

/** A name for one replacement of the library's rows, which its saved forms and its "library restored" entry share. */
export const newRestore = (): string => `restore-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
