// The duplicate finder of the library in the window, which recognises papers
// already in the library (imports, "Add by identifier", a manuscript's
// references). Papers read at open join it late, with the hashes of their keys
// saved in the light form: adding 100,000 papers' keys took the window 0.5 s it
// needs for the first search, so they join in short slices once the library is
// complete and the search index in use, or all at once when the finder is
// asked for.
import type { ItemBasics, LightItem } from '@shared/model'
import { recognitionHashes, type PaperFinder } from '@shared/duplicates'
import { PaperKeyTable } from './paper-key-table'
import { isFilingField } from '../library/item-basics'

/** A field no key of a paper comes from (shared/duplicates.ts: identifiers, title, year, first author). */
const isKeyless = (field: string): boolean => field === 'tags' || isFilingField(field)

/** Key hashes as read: a paper's own list (read from its row), or the typed array of its part's (part-bytes.ts). */
type Hashes = readonly number[] | Int32Array

/**
 * Papers read at open, each with where its keys' hashes are (`hashes[n]` from `from[n]` to `to[n]`; none: worked out
 * from the paper): many papers point to the same typed array of their part's hashes, none has an object of its own.
 */
interface Waiting {
  items: LightItem[]
  hashes: (Hashes | undefined)[]
  from: number[]
  to: number[]
  next: number
}

const nothingWaiting = (): Waiting => ({ items: [], hashes: [], from: [], to: [], next: 0 })

export class FinderFilledLater {
  private known: PaperKeyTable
  private waiting = nothingWaiting()

  /** `current`: the window's papers, to tell a paper read at open from its newer copy (and to check a match against) */
  constructor(private readonly current: ReadonlyMap<string, LightItem>) {
    this.known = new PaperKeyTable(id => current.get(id))
  }

  /** Every paper known, those read at open too. */
  get finder(): PaperFinder {
    this.fill(Infinity)
    return this.known
  }

  /** A paper read at open, with its keys' saved hashes (those of `hashes` from `from` to `to`): recognised later. */
  later(item: LightItem, hashes: Hashes | undefined, from = 0, to = hashes?.length ?? 0): void {
    const waiting = this.waiting
    waiting.items.push(item)
    waiting.hashes.push(hashes)
    waiting.from.push(from)
    waiting.to.push(to)
  }

  /** A paper written now: known at once (a paper in the Trash is not known), by its keys' hashes when they were worked out already. */
  add(item: ItemBasics, hashes?: ArrayLike<number>): void {
    if (item.trashedAt !== undefined) this.known.remove(item.id)
    else this.known.add(item.id, hashes ?? recognitionHashes(item))
  }

  /**
   * A paper changed: known again only where it may be known otherwise now — a field its keys come from changed (any
   * field but its tags and filing fields), it left or came out of the Trash, or papers read at open still wait to join
   * (its newer copy joins in their place). Known again, a paper leaves its old cells in the table taken: a whole
   * library tagged or filed filled it, rebuilt in one slice (60–80 ms of CPU traced at 100,000 papers).
   */
  changed(before: ItemBasics | undefined, after: ItemBasics, fields?: readonly string[]): void {
    const keysAsBefore = before !== undefined && fields !== undefined && fields.every(isKeyless)
    if (this.filling || !keysAsBefore || (before.trashedAt === undefined) !== (after.trashedAt === undefined)) this.add(after)
  }

  /** true while papers read at open wait to join (a paper's newer copy then joins in its place) */
  get filling(): boolean {
    return this.waiting.next < this.waiting.items.length
  }

  /** `keys` keys of papers about to be added (an import's): room made for them now. */
  expect(keys: number): void {
    this.known.expect(keys)
  }

  remove(id: string): void {
    this.known.remove(id)
  }

  /** Adds papers read at open for up to `ms`; false once none is left. A paper changed or removed since it was read was put right by its event: skipped. */
  fill(ms: number): boolean {
    const waiting = this.waiting
    const began = performance.now()
    for (; waiting.next < waiting.items.length && performance.now() - began < ms; waiting.next++) {
      const item = waiting.items[waiting.next]
      if (this.current.get(item.id) !== item || item.trashedAt !== undefined) continue
      const hashes = waiting.hashes[waiting.next]
      this.known.add(item.id, hashes ? hashes.slice(waiting.from[waiting.next], waiting.to[waiting.next]) : recognitionHashes(item))
    }
    if (waiting.next < waiting.items.length) return true
    this.waiting = nothingWaiting()
    return false
  }
}
