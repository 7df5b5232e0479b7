// Which grouped papers a read of `items` would meet on an index, in the order IndexedDB would give them: a paper's
// entries on an index are its key(s) there (every valid, distinct element of a multiEntry array; a compound index's
// whole array), kept when inside the range, sorted by index key then primary key (`cmp`), as IndexedDB sorts an index.
import { cmp, type DBCoreIndex, type DBCoreKeyRange } from 'dexie'

/** One entry of an index: the key it is found by there, the paper's id and the paper. */
export interface IndexEntry {
  key: unknown
  primaryKey: unknown
  value: unknown
}

/** DBCore's range types (Dexie's `DBCoreRangeType` is a const enum, which this build's per-file compile cannot inline); a range [lower, upper] holds an equal one too */
export const RANGE_TYPE = { range: 2, any: 3, never: 4 } as const

/** A value IndexedDB would take as a key (anything else makes no index entry). */
function isValidKey(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isNaN(value)
  if (typeof value === 'string') return true
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  if (Array.isArray(value)) return value.every(isValidKey)
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value)
}

/** A paper's keys on an index, as IndexedDB would make its entries there. */
function indexKeysOf(index: DBCoreIndex, value: unknown): unknown[] {
  const key = index.extractKey ? index.extractKey(value) : undefined
  if (index.multiEntry && Array.isArray(key)) {
    const keys = key.filter(isValidKey)
    // an element twice in the array makes one entry
    return keys.filter((k, i) => keys.findIndex(other => cmp(other, k) === 0) === i)
  }
  return isValidKey(key) ? [key] : []
}

export function inRange(range: DBCoreKeyRange, key: unknown): boolean {
  if (range.type === RANGE_TYPE.any) return true
  if (range.type === RANGE_TYPE.never) return false
  const { lower, upper, lowerOpen, upperOpen } = range
  if (lower !== undefined) {
    const c = cmp(key, lower)
    if (c < 0 || (c === 0 && lowerOpen)) return false
  }
  if (upper !== undefined) {
    const c = cmp(key, upper)
    if (c > 0 || (c === 0 && upperOpen)) return false
  }
  return true
}

export const entryOrder = (a: IndexEntry, b: IndexEntry): number => cmp(a.key, b.key) || cmp(a.primaryKey, b.primaryKey)

/**
 * The entries of `papers` on `index` inside `range`, unsorted. A paper met under several keys is a copy of its own each
 * time after the first, as IndexedDB gives each entry its own copy (the reading hook changes a read paper in place).
 */
export function entriesOf(papers: readonly unknown[], index: DBCoreIndex, primaryKey: DBCoreIndex, range: DBCoreKeyRange): IndexEntry[] {
  const entries: IndexEntry[] = []
  for (const paper of papers) {
    const keys = index.isPrimaryKey ? [primaryKey.extractKey!(paper)] : indexKeysOf(index, paper)
    let met = 0
    for (const key of keys) {
      if (!inRange(range, key)) continue
      entries.push({ key, primaryKey: primaryKey.extractKey!(paper), value: met++ === 0 ? paper : structuredClone(paper) })
    }
  }
  return entries
}

/** Entries in the order a cursor of that direction gives them: `unique` keeps one a key, the one of lowest primary key. */
export function inDirection(sorted: IndexEntry[], reverse: boolean, unique: boolean): IndexEntry[] {
  const kept = unique ? sorted.filter((entry, i) => i === 0 || cmp(sorted[i - 1].key, entry.key) !== 0) : sorted
  return reverse ? kept.slice().reverse() : kept
}
