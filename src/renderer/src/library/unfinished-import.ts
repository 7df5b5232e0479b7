// A large import's papers are written in batches while the file is still
// being read, but announced once, when all are written: one change-log entry
// and one event, so the window takes them in and the search-index worker
// indexes them once (announcing each batch indexed and redrew the list at
// every batch, and a 10,000-entry import took longer than writing it in one
// go). Until then each batch's ids are kept in a settings row of the import,
// written in the batch's own transaction. Announcing deletes those rows; an
// import that fails removes its papers and rows, unannounced; a window closed
// midway leaves them, and the next opening of the library removes them (unless
// another window of the library is still importing: it holds the import's lock).
// A batch's papers are written as rows of 100 papers (paperGroups, paper-groups.ts), not a row each: IndexedDB's work
// is per row (10,000 entries: the browser's CPU to searchable 7.0–9.3 → 3.8–4.5 s). The library reads a grouped paper
// as a row; once announced, the groups are spread into rows in the background (spread-groups.ts).
import type { ImportedPapers } from './events'
import type { PaperGroup } from './paper-groups'
import type { StoredItem } from './row-read'
import type { NeurorefDb } from './schema'
import { write } from './write'

const MARK = 'unfinished import '

/** A batch of an import's new papers, with their citation keys, to be written unannounced. */
export interface UnannouncedBatch {
  importId: string
  number: number
  /** as the rows store them: the import's writer has their peptide tags as one string (peptide-tags-stored.ts) */
  items: StoredItem[]
}

/**
 * Ids this window's imports have written but not announced. Another write in the window (a paper added by identifier
 * mid-import) must not find them as "already in the library": the store has not seen them, and a failing import
 * removes them.
 */
const unannouncedHere = new WeakMap<NeurorefDb, Map<string, Set<string>>>()

export function isUnannounced(db: NeurorefDb, id: string): boolean {
  for (const ids of unannouncedHere.get(db)?.values() ?? []) if (ids.has(id)) return true
  return false
}

/** Notes papers an import of this window has written unannounced. */
export function noteUnannounced(db: NeurorefDb, importId: string, ids: readonly string[]): void {
  let here = unannouncedHere.get(db)
  if (!here) unannouncedHere.set(db, (here = new Map()))
  let ofImport = here.get(importId)
  if (!ofImport) here.set(importId, (ofImport = new Set()))
  for (const id of ids) ofImport.add(id)
}

/** Forgets an import's papers, announced or removed: at once (100,000 ids taken out one by one were most of a task at an import's end). */
export function forgetUnannounced(db: NeurorefDb, importId: string): void {
  unannouncedHere.get(db)?.delete(importId)
}

const markOf = (importId: string, number: number) => `${MARK}${importId} ${number}`
const marksOf = (db: NeurorefDb, importId: string) => db.settings.where('key').startsWith(`${MARK}${importId} `)

/** Papers a group row holds: rows of 10 gained less (the prototype, 383c72e). */
const PAPERS_A_GROUP = 100

/** An import's group rows: their keys start with its id (`${importId} ${batch} ${part}`). */
const groupsOf = (db: NeurorefDb, importId: string) => db.paperGroups.where('key').startsWith(`${importId} `)

/** Writes a batch's papers, in groups, and the row that names them in one transaction; no change-log entry, no event (yet). */
export async function writeUnannounced(db: NeurorefDb, { importId, number, items }: UnannouncedBatch): Promise<void> {
  const groups: PaperGroup[] = []
  for (let at = 0, part = 0; at < items.length; at += PAPERS_A_GROUP, part++) {
    const papers = items.slice(at, at + PAPERS_A_GROUP)
    groups.push({ key: `${importId} ${number} ${part}`, ids: papers.map(paper => paper.id), papers })
  }
  await db.transaction('rw', [db.paperGroups, db.settings], async () => {
    await db.paperGroups.bulkAdd(groups)
    await db.settings.put({ key: markOf(importId, number), value: items.map(item => item.id) })
  })
}

/** The import's papers, all written, become part of the library: one change-log entry and one event (the papers as the window kept them), its rows of ids gone. */
export async function announceImport(db: NeurorefDb, importId: string, imported: ImportedPapers): Promise<void> {
  await write(db, [db.items, db.settings], async changes => {
    await marksOf(db, importId).delete()
    changes.record({ kind: 'item', change: 'added', ids: imported.items.map(item => item.id), imported })
  })
}

/** An import that failed: the papers it wrote (its groups, and any taken out of them as rows) and its rows of ids removed, unannounced (nothing had been told). */
export async function removeUnannounced(db: NeurorefDb, importId: string): Promise<void> {
  await db.transaction('rw', [db.items, db.paperGroups, db.settings], async () => {
    const marks = await marksOf(db, importId).toArray()
    // the groups first: the rows' delete then finds none of its ids grouped
    await groupsOf(db, importId).delete()
    await db.items.bulkDelete(marks.flatMap(mark => mark.value as string[]))
    await marksOf(db, importId).delete()
  })
}

const lockOf = (importId: string) => `neuroref ${MARK}${importId}`

/** Holds the import's lock until `done` settles, so another window opening the library leaves its papers alone. */
export function holdWhileImporting(importId: string, done: Promise<unknown>): void {
  void globalThis.navigator?.locks?.request(lockOf(importId), () => done.catch(() => undefined))
}

/** Imports written in part, not announced (or removed) yet: those with rows of ids. */
export async function unfinishedImports(db: NeurorefDb): Promise<Set<string>> {
  const marks = await db.settings.where('key').startsWith(MARK).primaryKeys()
  return new Set(marks.map(key => String(key).slice(MARK.length).split(' ')[0]))
}

/** At open: the papers of imports a closed window left unfinished are removed, unannounced. */
export async function clearUnfinishedImports(db: NeurorefDb): Promise<void> {
  const imports = await unfinishedImports(db)
  if (!imports.size) return
  const held = new Set(((await globalThis.navigator?.locks?.query())?.held ?? []).map(lock => lock.name))
  for (const importId of imports) if (!held.has(lockOf(importId))) await removeUnannounced(db, importId)
}
