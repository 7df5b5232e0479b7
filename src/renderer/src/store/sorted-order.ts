// The library in each chosen sort order, kept between keystrokes: searching
// only filters it, and a change to some items moves just those (sorted
// among themselves and merged in) instead of sorting 100,000 papers again.
// The columns a researcher is likely to click next are sorted beforehand, a
// slice at a time (`prepare`), so the click finds their order ready.
import type { LightItem } from '@shared/model'
import type { LibraryStore } from './library-store'
import { compareKeys as compare, mergeInSlices, sortInSlices, type Ordered, type SortKey } from './sort-in-slices'
import { atOnce, inTurns } from './turns'

export type { SortKey }

interface Kept extends Ordered {
  version: number
}

/** More changed papers than this are merged into a prepared column a slice at a time (an import brings 100,000). */
const SLICED_CHANGE = 5000

/** Ascending by key, ties by id; the caller walks it backwards for descending. */
export class SortedOrder {
  private kept = new Map<string, Kept>()
  private store: LibraryStore | undefined
  private preparing: Promise<void> | null = null
  private again = false

  constructor(private readonly keyOf: (column: string) => SortKey) {}

  get(store: LibraryStore, column: string): LightItem[] {
    return (this.current(store, column) ?? this.rebuild(store, column)).items
  }

  /**
   * Sorts these columns in the background (a slice at a time), or brings their kept orders up to date, so choosing one
   * later is not a sort of the whole library in one task. Called again while under way, it runs once more after.
   */
  prepare(store: LibraryStore, columns: readonly string[]): Promise<void> {
    if (this.preparing) {
      this.again = true
      return this.preparing
    }
    const run = async (): Promise<void> => {
      do {
        this.again = false
        for (const column of columns) {
          // each column in a task of its own, after the list that asked has been shown
          await new Promise(resolve => setTimeout(resolve, 0))
          if (this.current(store, column, SLICED_CHANGE) || (await this.mergedInTurns(store, column))) continue
          const version = store.version
          const ordered = await inTurns(sortInSlices([...store.items.values()], this.keyOf(column)))
          // changes made meanwhile are patched in at the next use; a change of everything means sorting again
          if (this.store === store && store.changedSince(version) !== null) this.kept.set(column, { ...ordered, version })
          else this.again = true
        }
      } while (this.again)
    }
    this.preparing = run().finally(() => (this.preparing = null))
    return this.preparing
  }

  /** The kept order of this column with up to `most` changes patched in, or undefined when there are more or it must be sorted again. */
  private current(store: LibraryStore, column: string, most = Infinity): Kept | undefined {
    if (this.store !== store) {
      this.kept.clear()
      this.store = store
    }
    const kept = this.kept.get(column)
    const changed = kept && store.changedSince(kept.version)
    if (!kept || !changed || changed.size > most) return undefined
    if (changed.size > 0) Object.assign(kept, atOnce(this.merge(store, kept, column, changed)))
    kept.version = store.version
    return kept
  }

  /** A large change merged into the kept order a slice at a time; false when there is none to merge into. */
  private async mergedInTurns(store: LibraryStore, column: string): Promise<boolean> {
    const kept = this.kept.get(column)
    const changed = kept && store.changedSince(kept.version)
    if (!kept || !changed) return false
    const { version } = store
    const { items, keys } = await inTurns(this.merge(store, kept, column, changed))
    // a list shown meanwhile patched this column itself (or another library opened): its order stands
    if (this.store === store && this.kept.get(column) === kept && kept.version < version) Object.assign(kept, { items, keys, version })
    return true
  }

  private rebuild(store: LibraryStore, column: string): Kept {
    const key = this.keyOf(column)
    const pairs = [...store.items.values()].map(item => ({ item, key: key(item) }))
    pairs.sort((x, y) => compare(x.key, x.item.id, y.key, y.item.id))
    const kept = { items: pairs.map(p => p.item), keys: pairs.map(p => p.key), version: store.version }
    this.kept.set(column, kept)
    return kept
  }

  /** The unchanged items keep their places; the changed ones, sorted among themselves, are merged in. */
  private merge(store: LibraryStore, kept: Kept, column: string, changed: Set<string>): Generator<void, Ordered> {
    const moved: LightItem[] = []
    for (const id of changed) {
      const item = store.items.get(id)
      if (item) moved.push(item)
    }
    return mergeInSlices({ items: kept.items, keys: kept.keys }, moved, changed, this.keyOf(column))
  }
}
