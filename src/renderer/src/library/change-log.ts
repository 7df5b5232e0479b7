// The change log: an append-only table of what every committed write changed
// (kind, change, ids, time), numbered by `seq`, which IndexedDB's key
// generator only ever increases (never reused, not even after compaction).
// Written in the same transaction as the change itself, so a rolled-back
// write leaves no entry. Readers (sync, auto-export, a persisted search
// index) keep the last `seq` they handled and ask for what came after it.
import type { EventKind, LibraryEvent } from './events'
import type { NeurorefDb } from './schema'

export interface ChangeEntry {
  /** assigned by IndexedDB when the entry is written: 1, 2, 3 … */
  seq?: number
  kind: EventKind
  change: LibraryEvent['change']
  /** item, attachment, note, collection or search ids; tag names; setting keys */
  ids: string[]
  /** for notes: the papers they belong to (a deleted note's paper can't be looked up later) */
  itemIds?: string[]
  /**
   * papers a change set only their filing fields of (collections, the Trash, reading status, dates: item-basics.ts),
   * which search reads none of: the search index need not index them again (the light form must take them)
   */
  filing?: true
  /** when the transaction wrote it (ms since 1970) */
  time: number
}

/** The setting that remembers up to which sequence number entries were compacted away. */
const COMPACTED_THROUGH_KEY = 'changeLog.compactedThrough'

export function entryOf(event: LibraryEvent, time: number): ChangeEntry {
  const entry: ChangeEntry = { kind: event.kind, change: event.change, ids: event.ids, time }
  if (event.kind === 'note') entry.itemIds = event.itemIds
  if ('filing' in event) entry.filing = true
  return entry
}

/**
 * Entries after `seq`, oldest first. `complete` is false when entries the
 * reader has not seen were compacted away: it must then treat the whole
 * library as changed (a full export or resync) and continue from `lastSeq`.
 */
export async function changesSince(db: NeurorefDb, seq: number): Promise<{ entries: ChangeEntry[]; complete: boolean; lastSeq: number }> {
  return db.transaction('r', db.changes, db.settings, async () => {
    const compacted = ((await db.settings.get(COMPACTED_THROUGH_KEY))?.value as number | undefined) ?? 0
    const entries = await db.changes.where('seq').above(seq).toArray()
    const last = (await db.changes.orderBy('seq').lastKey()) as number | undefined
    return { entries, complete: seq >= compacted, lastSeq: Math.max(last ?? 0, compacted, seq) }
  })
}

/** The sequence number of the newest entry (or of the last one compacted away); 0 for an empty log. */
export async function lastChangeSeq(db: NeurorefDb): Promise<number> {
  return db.transaction('r', db.changes, db.settings, async () => {
    const compacted = ((await db.settings.get(COMPACTED_THROUGH_KEY))?.value as number | undefined) ?? 0
    const last = (await db.changes.orderBy('seq').lastKey()) as number | undefined
    return Math.max(last ?? 0, compacted)
  })
}

/** True when no entry after `seq` and before `before` was written (none is in the log, none was compacted away). */
export async function nothingLoggedBetween(db: NeurorefDb, seq: number, before: number): Promise<boolean> {
  return db.transaction('r', db.changes, db.settings, async () => {
    const compacted = ((await db.settings.get(COMPACTED_THROUGH_KEY))?.value as number | undefined) ?? 0
    if (seq < compacted) return false
    return (await db.changes.where('seq').between(seq, before, false, false).count()) === 0
  })
}

/**
 * Removes the entries up to and including `throughSeq` (every reader has
 * handled them), in one transaction. Returns how many went. Later entries
 * keep their numbers; the next entry still gets a higher one.
 */
export async function compactChangeLog(db: NeurorefDb, throughSeq: number): Promise<number> {
  return db.transaction('rw', db.changes, db.settings, async () => {
    const removed = await db.changes.where('seq').belowOrEqual(throughSeq).delete()
    const before = ((await db.settings.get(COMPACTED_THROUGH_KEY))?.value as number | undefined) ?? 0
    if (throughSeq > before) await db.settings.put({ key: COMPACTED_THROUGH_KEY, value: throughSeq })
    return removed
  })
}

/** Where something derived from the papers (the saved search index, the saved light form) is current to. */
export interface CurrentTo {
  /** every change-log entry up to this one is in it */
  seq: number
  /** built by this restore from the rows it wrote (library-pages.ts): its "library restored" entry changes nothing for it */
  restore?: string
}

/**
 * The papers the log says changed after `seq` (their rows, or their notes), for what is derived from them
 * (the saved search index, the saved light form); a reason instead when that can't be known: rebuild. `filing`: false
 * for what holds no filing field (the search index), which passes over the entries of filing-only changes (a whole
 * library collected, trashed or restored from the Trash was indexed again, all 100,000 rows read, in the worker).
 */
export async function changedPapers(
  db: NeurorefDb,
  { seq, restore }: CurrentTo,
  { filing = true }: { filing?: boolean } = {}
): Promise<{ ids: Set<string>; lastSeq: number } | { reason: string }> {
  // the log's own newest entry (changesSince counts the asker's seq too)
  if (seq > (await lastChangeSeq(db))) return { reason: 'it is newer than the library (a restored or replaced database)' }
  const { entries, complete, lastSeq } = await changesSince(db, seq)
  if (!complete) return { reason: 'changes it had not seen were compacted away' }
  const ids = new Set<string>()
  for (const entry of entries) {
    if (entry.kind === 'library' && restore !== undefined && entry.ids.includes(restore)) continue
    if (entry.kind === 'library') return { reason: 'a backup was restored' }
    if (entry.kind === 'item' && (filing || !entry.filing)) entry.ids.forEach(id => ids.add(id))
    if (entry.kind === 'note') {
      if (!entry.itemIds) return { reason: 'a note change does not name its paper' }
      entry.itemIds.forEach(id => ids.add(id))
    }
  }
  return { ids, lastSeq }
}
