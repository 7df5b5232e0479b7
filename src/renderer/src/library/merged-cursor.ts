// A cursor over entries already in memory (rows and grouped papers merged, grouped-reads.ts), which behaves to Dexie as
// an IndexedDB cursor does: `start` calls back at each entry until `stop`, the callback moves it on with `continue`,
// `continue(key)`, `continuePrimaryKey` or `advance`. Moves made inside the callback are taken in a loop, not by calling
// back from inside the callback, so a walk over 100,000 entries does not grow the stack.
import Dexie, { cmp, type DBCoreCursor, type DBCoreTransaction } from 'dexie'
import type { IndexEntry } from './grouped-reads'

export function entriesCursor(trans: DBCoreTransaction, entries: IndexEntry[], reverse: boolean): DBCoreCursor | null {
  if (entries.length === 0) return null
  // how far an entry is past a key, in the cursor's direction
  const past = (a: unknown, b: unknown): number => (reverse ? -cmp(a, b) : cmp(a, b))
  let at = 0
  let moved: (() => number) | undefined
  let onNext: (() => void) | undefined
  let walking = false
  let finish: { resolve: (value: unknown) => void; reject: (error: unknown) => void } | undefined

  const moveTo = (find: () => number): void => {
    moved = find
    if (!walking) walk()
  }
  const seek = (from: number, found: (entry: IndexEntry) => boolean): number => {
    let i = from
    while (i < entries.length && !found(entries[i])) i++
    return i
  }
  const walk = (): void => {
    walking = true
    try {
      while (moved && finish) {
        at = moved()
        moved = undefined
        if (at >= entries.length) {
          cursor.done = true
          cursor.stop()
          break
        }
        onNext!()
      }
    } catch (error) {
      cursor.fail(error as Error)
    } finally {
      walking = false
    }
  }

  const cursor: DBCoreCursor & { done: boolean } = {
    trans,
    done: false,
    get key() {
      return entries[at].key
    },
    get primaryKey() {
      return entries[at].primaryKey
    },
    get value() {
      return entries[at].value
    },
    continue(key?: unknown) {
      moveTo(() => (key === undefined ? at + 1 : seek(at + 1, e => past(e.key, key) >= 0)))
    },
    continuePrimaryKey(key: unknown, primaryKey: unknown) {
      moveTo(() => seek(at + 1, e => past(e.key, key) > 0 || (past(e.key, key) === 0 && past(e.primaryKey, primaryKey) >= 0)))
    },
    advance(count: number) {
      moveTo(() => at + count)
    },
    start(callback: () => void) {
      onNext = callback
      // Dexie's own promise, as its cursors give: it keeps Dexie's zone (the transaction) for what follows
      const iteration = new Dexie.Promise((resolve, reject) => (finish = { resolve, reject }))
      moveTo(() => at)
      return iteration
    },
    stop(value?: unknown) {
      const ended = finish
      finish = undefined
      moved = undefined
      ended?.resolve(value)
    },
    fail(error: Error) {
      const ended = finish
      finish = undefined
      moved = undefined
      ended?.reject(error)
    },
    next() {
      let first = true
      return cursor.start(() => (first ? ((first = false), cursor.continue()) : cursor.stop())).then(() => cursor)
    }
  }
  return cursor
}
