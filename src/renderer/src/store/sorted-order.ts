// The library in each chosen sort order, kept between keystrokes: searching
// only filters it, and a change to some items moves just those (sorted
// among themselves and merged in) instead of sorting 100,000 papers again.
// The columns a researcher is likely to click next are sorted beforehand, a
// slice at a time (`prepare`), so the click finds their order ready.
import type { LightItem } from '@shared/model'
import type { LibraryStore } from './library-store'
import { mergeInSlices, sortInSlices, type KeySource, type Ordered, type SortKey } from './sort-in-slices'
import { atOnce, inQuietTurns, inTurns } from './turns'

export type { KeySource, SortKey }

interface Kept extends Ordered {
  version: number
  /** sorted while papers taken in were not yet shown: a change to come may already be in it, so it is looked for */
  unsure?: boolean
}

/** A kept order of more papers than this is brought up to date beforehand a slice at a time (an import brings 100,000). */
const AT_ONCE = 20_000
/** the papers by id, kept like a column and made first: a column sorted from it breaks ties by place */
const BY_ID = ' id'
const idOf = (item: LightItem): string => item.id

/** One library's orders: ascending by key, ties by id; the caller walks it backwards for descending. */
export class SortedOrder {
  private kept = new Map<string, Kept>()
  private preparing: Promise<void> | null = null
  private asked: readonly string[] = []
  private again = false
  /** each column being sorted or caught up a slice at a time: asked again meanwhile (a click while it is prepared), it is not sorted twice */
  private underWay = new Map<string, Promise<{ items: LightItem[]; version: number }>>()

  constructor(
    private readonly store: LibraryStore,
    private readonly columnKey: (column: string) => SortKey,
    /** what a column's key is made from, where that is one field (a changed paper whose field is the same keeps its key) */
    private readonly columnSource: (column: string) => KeySource | undefined = () => undefined,
    /** a column's order made already, with the version it shows (the papers by date added as they arrived at open), once */
    private readonly madeOrder: (column: string) => (Ordered & { version: number }) | undefined = () => undefined
  ) {}

  /** Keeps the column's order made already, if there is one: changes since are merged in as into any kept order. */
  private keptMade(column: string): boolean {
    const made = this.madeOrder(column)
    if (made) this.kept.set(column, made)
    return made !== undefined
  }

  private keyOf(column: string): SortKey {
    return column === BY_ID ? idOf : this.columnKey(column)
  }

  get(column: string): LightItem[] {
    return (this.current(column) ?? this.rebuild(column)).items
  }

  /**
   * Sorts these columns in the background (a slice at a time), or brings their kept orders up to date, so choosing one
   * later is not a sort of the whole library in one task. Called again while under way, it runs once more after.
   */
  prepare(columns: readonly string[]): Promise<void> {
    this.asked = columns
    if (this.preparing) {
      this.again = true
      return this.preparing
    }
    const run = async (): Promise<void> => {
      do {
        this.again = false
        for (const column of [BY_ID, ...this.asked]) {
          // each column in a task of its own, after the list that asked has been shown
          await new Promise(resolve => setTimeout(resolve, 0))
          // while a large batch is taken in, its last showing asks again: merging every column at each showing cost
          // the import a merge over the whole library per column and showing
          if (this.store.takingIn) break
          // in idle time once the researcher pauses searching: at open these sorts ran beside their first searches
          await this.catchUp(column, inQuietTurns)
        }
      } while (this.again)
    }
    this.preparing = run().finally(() => (this.preparing = null))
    return this.preparing
  }

  /** Whether this column's order is kept, with at most `most` changes to merge in at its next use (a few, merged at once). */
  has(column: string, most: number): boolean {
    return this.current(column, most) !== undefined
  }

  /** Some kept order up to date but for at most `most` changes (ascending), to show the papers in while the chosen one is made; undefined when none is. */
  anyReady(most: number): LightItem[] | undefined {
    for (const column of this.kept.keys()) {
      // (ids look like no order at all)
      const kept = column !== BY_ID && this.current(column, most)
      if (kept) return kept.items
    }
    return undefined
  }

  /** Brings this column's kept order up to date (or sorts it) a slice at a time, so that showing it next is quick: the order and the version it shows. */
  catchUp(column: string, turns = inTurns): Promise<{ items: LightItem[]; version: number }> {
    const running = this.underWay.get(column)
    // that one may have been sorted while the library changed: looked at again once it is done
    if (running) return running.then(() => this.catchUp(column, turns))
    const job = this.caughtUp(column, turns).finally(() => this.underWay.get(column) === job && this.underWay.delete(column))
    this.underWay.set(column, job)
    return job
  }

  private async caughtUp(column: string, turns: typeof inTurns): Promise<{ items: LightItem[]; version: number }> {
    const { store } = this
    if (!this.current(column, 0) && !(this.keptMade(column) && this.current(column, 0)) && !(await this.mergedInTurns(column, turns))) {
      const version = store.version
      const unsure = store.unshown
      const ordered = await turns(this.sorted(column))
      // changes made meanwhile are patched in at the next use; a change of everything means sorting again
      if (!store.knowsChangesSince(version)) {
        this.again = true
        return { ...ordered, version }
      }
      this.kept.set(column, { ...ordered, version, unsure })
    }
    const { items, version } = this.kept.get(column)!
    return { items, version }
  }

  /** The kept order of this column with up to `most` changes patched in, or undefined when there are more or it must be sorted again. */
  private current(column: string, most = Infinity): Kept | undefined {
    const kept = this.kept.get(column)
    // a large order with more than `most` changes is not merged here: their set is not made to learn it
    const changed = kept && this.store.changedSince(kept.version, kept.items.length > AT_ONCE ? most : Infinity)
    if (!kept || !changed || (changed.size > most && kept.items.length + changed.size > AT_ONCE)) return undefined
    if (changed.size > 0) Object.assign(kept, atOnce(this.merge(kept, column, changed)))
    kept.version = this.store.version
    return kept
  }

  /** A change merged into the kept order a slice at a time; false when there is none to merge into. */
  private async mergedInTurns(column: string, turns: typeof inTurns): Promise<boolean> {
    const kept = this.kept.get(column)
    if (!kept || !this.store.knowsChangesSince(kept.version)) return false
    const { version } = this.store
    const merged = await turns(this.mergedSince(kept, column))
    // (everything changed meanwhile: sorted again)
    if (!merged) return false
    // a list shown meanwhile patched this column itself: its order stands
    if (this.kept.get(column) === kept && kept.version < version) Object.assign(kept, merged, { version })
    return true
  }

  /** The changes since the kept order merged in; their set made a slice at a time too (100,000 ids after a change of every paper). */
  private *mergedSince(kept: Kept, column: string): Generator<void, (Ordered & { unsure: boolean }) | undefined> {
    const changed = yield* this.store.changedInSlices(kept.version)
    return changed ? yield* this.merge(kept, column, changed) : undefined
  }

  private rebuild(column: string): Kept {
    const made = this.keptMade(column) && this.current(column)
    if (made) return made
    const kept = { ...atOnce(this.sorted(column)), version: this.store.version, unsure: this.store.unshown }
    this.kept.set(column, kept)
    return kept
  }

  /** Every paper sorted by this column: from the papers in id order when that is kept and whole. */
  private sorted(column: string): Generator<void, Ordered> {
    const { store } = this
    const byId = column === BY_ID || store.unshown ? undefined : this.current(BY_ID, 0)
    const papers = byId?.items.length === store.items.size ? byId.items : undefined
    return sortInSlices(papers ?? [...store.items.values()], this.keyOf(column), papers !== undefined)
  }

  /**
   * The unchanged items keep their places, and the changed ones whose key is as it was; the others, sorted among
   * themselves, are merged in. Papers new to the library since the kept order (an import's) are merged without looking
   * for them among the kept ones.
   */
  private merge(kept: Kept, column: string, changed: ReadonlySet<string>): Generator<void, Ordered & { unsure: boolean }> {
    const { store } = this
    const onlyNew = !kept.unsure && store.onlyNewSince(kept.version)
    // what was unsure is known once every paper taken in so far is among the changes merged
    const unsure = kept.unsure === true && store.unshown
    const now = (id: string): LightItem | undefined => store.items.get(id)
    return withUnsure(
      mergeInSlices({ items: kept.items, keys: kept.keys }, changed, now, this.keyOf(column), onlyNew, column === BY_ID ? idOf : this.columnSource(column)),
      unsure
    )
  }
}

function* withUnsure(merging: Generator<void, Ordered>, unsure: boolean): Generator<void, Ordered & { unsure: boolean }> {
  return { ...(yield* merging), unsure }
}
