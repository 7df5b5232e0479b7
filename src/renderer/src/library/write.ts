// The write path: every change to the library runs through `write`, which
// opens one transaction over the tables the change needs plus the change log,
// lets the change record its events, appends them to the log inside that
// transaction, and emits them after it commits. A write that fails (rolled
// back) logs nothing and emits nothing.
import Dexie, { type Table, type Transaction } from 'dexie'
import type { Item } from '@shared/model'
import type { LibraryEvent } from './events'
import { entryOf, type ChangeEntry } from './change-log'
import type { NeurorefDb } from './schema'
import { atOnce } from '@shared/work-in-steps'
import { distinctInOrder, inChunks, inSteps } from './slices'
import { partOf, type Progress } from './write-progress'
import { replacedIn, type Replaced } from './replaced'
import { filingOf, isFilingField, type Filing } from './item-basics'
import { ListsInKeyOrder } from './lists-in-key-order'

/** What a change hands back to `write`: one call per event, in order. */
export interface Changes {
  record(event: LibraryEvent): void
  /**
   * An event for the window that the log does not keep, because an event this write recorded already names the same
   * papers for every reader of the log (the Trash's, after its "item changed": a whole library's 100,000 ids copied into
   * IndexedDB a second time were ~35 ms more of the write's last task).
   */
  announce(event: LibraryEvent): void
}

class EventBuffer implements Changes {
  readonly events: LibraryEvent[] = []
  /** of `events`, those emitted but not logged */
  readonly unlogged = new Set<LibraryEvent>()
  record(event: LibraryEvent): void {
    if (event.ids.length > 0 || event.kind === 'library') this.events.push(event)
  }
  announce(event: LibraryEvent): void {
    this.record(event)
    this.unlogged.add(event)
  }
}

/** Buffers of the library transactions now open, so a write inside another joins it. */
const open = new WeakMap<Transaction, EventBuffer>()

function enclosing(): EventBuffer | undefined {
  for (let tx: Transaction | undefined = Dexie.currentTransaction; tx; tx = tx.parent) {
    const buffer = open.get(tx)
    if (buffer) return buffer
  }
  return undefined
}

/**
 * Runs `change` in one read-write transaction over `tables` and the change
 * log. Called inside another write, it joins that write's transaction and
 * its events are emitted when the outer one commits.
 */
export async function write<T>(db: NeurorefDb, tables: Table[], change: (changes: Changes) => Promise<T>): Promise<T> {
  return (await writeLogged(db, tables, change)).value
}

/** `write`, also handing back the change-log entries it wrote, with their seq (none for a write that joined another). */
export async function writeLogged<T>(db: NeurorefDb, tables: Table[], change: (changes: Changes) => Promise<T>): Promise<{ value: T; entries: ChangeEntry[] }> {
  const outer = enclosing()
  if (outer) return { value: await change(outer), entries: [] }
  const buffer = new EventBuffer()
  let entries: ChangeEntry[] = []
  const result = await db.transaction('rw', [...tables, db.changes], async tx => {
    open.set(tx, buffer)
    const value = await change(buffer)
    if (buffer.events.length) {
      const now = Date.now()
      entries = buffer.events.filter(event => !buffer.unlogged.has(event)).map(event => entryOf(event, now))
      const seqs = await db.changes.bulkAdd(entries, { allKeys: true })
      entries.forEach((entry, i) => (entry.seq = seqs[i]))
    }
    return value
  })
  db.events.emit(buffer.events)
  return { value: result, entries }
}

/** What the window may ask of a change of many papers. */
export interface ChangeOptions {
  progress?: Progress
  /** receives what the change replaced in each paper (for Undo), once they are written */
  replaced?: (replaced: Replaced[]) => void
}

/** Papers a change looks at: a query's, read at once, or those of ids, read and changed a chunk at a time (`itemsWithIds`). */
type FoundItems = { toArray(): Promise<Item[]> } | ItemsInChunks

interface ItemsInChunks {
  /** how many ids are looked at */
  count: number
  /** `step` on each chunk's rows that the change looks at, with how many ids the chunk held, a few chunks under way at once */
  eachChunk(step: (rows: Item[], from: number, ids: number) => Promise<void>): Promise<void>
}

/**
 * Changes the items a query finds, in the enclosing write: `change` edits each
 * one in place (as Dexie's modify would), and the stored rows are recorded as
 * one "changed" event. The rows are changed and written a chunk at a time, each
 * a task of its own (the whole library's 100,000 rows in one bulkPut held the
 * window 5.7 s). Papers of ids are read, changed and written a chunk at a time
 * too, and a paper whose change set only its filing fields (item-basics.ts) is
 * let go once written: the window is told the values of those fields. Returns
 * the ids of the changed items, in key order.
 */
export async function changeItems(
  db: NeurorefDb,
  changes: Changes,
  found: FoundItems,
  change: (item: Item) => void,
  { progress, replaced }: ChangeOptions = {}
): Promise<string[]> {
  const { count, eachChunk } = 'eachChunk' in found ? found : await allAtOnce(found)
  const was: Replaced[] = []
  const lists = new ListsInKeyOrder()
  // every field the change set in any paper kept as a row: the window's light copies take just those (not made again from each row)
  const fields = new Set<string>()
  let done = 0
  await eachChunk(async (chunk, from, ids) => {
    const rows: Item[] = []
    const filing: Filing[] = []
    for (const item of chunk) {
      // a change sets a paper's fields anew, never changes what they hold: a shallow copy is the row as it was
      const before = { ...item }
      change(item)
      const changed = replacedIn(before, item)
      if (replaced) was.push(changed)
      const set = Object.keys(changed.fields)
      if (set.every(isFilingField)) filing.push(filingOf(item))
      else {
        rows.push(item)
        for (const field of set) fields.add(field)
      }
    }
    await db.items.bulkPut(chunk)
    lists.chunkDone(from, ids, { ids: chunk.map(item => item.id), rows, filing })
    done += ids
    progress?.(partOf(done, count, 0, 1))
  })
  replaced?.(was)
  const { rows, rowIds, filing, filingIds } = lists
  changes.record({ kind: 'item', change: 'changed', ids: rowIds, items: rows, fields: [...fields] })
  changes.record({ kind: 'item', change: 'changed', ids: filingIds, filing })
  return lists.ids
}

/** A query's papers, read at once, then changed and written a chunk at a time. */
async function allAtOnce(found: { toArray(): Promise<Item[]> }): Promise<ItemsInChunks> {
  const items = await found.toArray()
  return { count: items.length, eachChunk: step => inChunks(items, (chunk, from) => step(chunk, from, chunk.length)) }
}

/**
 * Stored rows of these ids that `keep` accepts, in the order asked (those no longer stored left out), read and looked
 * at a chunk at a time so that each is a task of its own: the window keeps its turns while a whole library is read.
 */
export async function storedItems(db: NeurorefDb, ids: readonly string[], progress?: Progress, keep: (item: Item) => boolean = () => true): Promise<Item[]> {
  const rows: (Item | undefined)[] = new Array(ids.length)
  let read = 0
  await inChunks(ids, async (chunk, from) => {
    ;(await db.items.bulkGet(chunk)).forEach((row, i) => (rows[from + i] = row && keep(row) ? row : undefined))
    read += chunk.length
    progress?.(partOf(read, ids.length, 0, 0.5))
  })
  return rows.filter((item): item is Item => item !== undefined)
}

/**
 * These ids once each, in key order, for `itemsWithIds`: worked out a slice at a time before the change's transaction
 * (inside one, which cannot wait for the event loop, at once). A whole library's 100,000 ids put in a set and sorted in
 * the click were a task of their own at the start of each whole-library change (57 ms CPU, traced at load 15).
 */
export function inKeyOrder(ids: readonly string[]): Promise<string[]> {
  const ordering = distinctInOrder(ids)
  return (Dexie.currentTransaction ? Promise.resolve(atOnce(ordering)) : inSteps(ordering)).then(ordered => (madeInKeyOrder.add(ordered), ordered))
}

/**
 * The lists `inKeyOrder` made, which `itemsWithIds` takes as they are: looking again at whether a whole library's 100,000
 * ids were in order was ~20 ms CPU of the task that opens each whole-library change (Trash traced at load 14).
 */
const madeInKeyOrder = new WeakSet<readonly string[]>()

/** true when each id comes after the one before (once each, in key order: `inKeyOrder` made them so) */
function inOrderOnce(ids: readonly string[]): boolean {
  if (madeInKeyOrder.has(ids)) return true
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1] < ids[i])) return false
  return true
}

/**
 * The items with these ids that `keep` accepts, for `changeItems`, in id
 * order: fetched by key, a chunk at a time, each looked at as it arrives (the
 * whole library's rows filtered at the end were one task: a tag's test of every
 * paper's tags, 120 ms CPU traced at 100,000, load 15). Dexie's
 * `where('id').anyOf` walks a cursor, which fake-indexeddb (unit tests,
 * benchmarks) moves in time proportional to the table: 26 s to find 1,000 of
 * 10,000 papers, against 31 ms by key.
 */
export function itemsWithIds(db: NeurorefDb, ids: readonly string[], keep: (item: Item) => boolean = () => true): ItemsInChunks {
  const keys = inOrderOnce(ids) ? ids : [...new Set(ids)].sort()
  return {
    count: keys.length,
    eachChunk: step =>
      inChunks(keys, async (chunk, from) => {
        const rows = (await db.items.bulkGet(chunk)).filter((row): row is Item => row !== undefined && keep(row))
        await step(rows, from, chunk.length)
      })
  }
}
