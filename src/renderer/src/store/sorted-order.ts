// The library in each chosen sort order, kept between keystrokes: searching
// only filters it, and a change to some items moves just those (sorted
// among themselves and merged in) instead of sorting 100,000 papers again.
// The columns a researcher is likely to click next are sorted beforehand, a
// slice at a time (`prepare`), so the click finds their order ready.
import type { LightItem } from '@shared/model'
import type { LibraryStore } from './library-store'
import { compareKeys as compare, sortInSlices, type Ordered, type SortKey } from './sort-in-slices'
import { inTurns } from './turns'

export type { SortKey }

interface Kept extends Ordered {
  version: number
}

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
          if (this.current(store, column)) continue
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

  /** The kept order of this column with the changes since patched in, or undefined when it must be sorted again. */
  private current(store: LibraryStore, column: string): Kept | undefined {
    if (this.store !== store) {
      this.kept.clear()
      this.store = store
    }
    const kept = this.kept.get(column)
    const changed = kept && store.changedSince(kept.version)
    if (!kept || !changed) return undefined
    if (changed.size > 0) this.patch(store, kept, column, changed)
    kept.version = store.version
    return kept
  }

  private rebuild(store: LibraryStore, column: string): Kept {
    const key = this.keyOf(column)
    const pairs = [...store.items.values()].map(item => ({ item, key: key(item) }))
    pairs.sort((x, y) => compare(x.key, x.item.id, y.key, y.item.id))
    const kept = { items: pairs.map(p => p.item), keys: pairs.map(p => p.key), version: store.version }
    this.kept.set(column, kept)
    return kept
  }

  /** The unchanged items keep their places; the changed ones, sorted among themselves, are merged in (an import brings thousands). */
  private patch(store: LibraryStore, kept: Kept, column: string, changed: Set<string>): void {
    const key = this.keyOf(column)
    const moved: { item: LightItem; key: string | number }[] = []
    for (const id of changed) {
      const item = store.items.get(id)
      if (item) moved.push({ item, key: key(item) })
    }
    moved.sort((x, y) => compare(x.key, x.item.id, y.key, y.item.id))
    const items: LightItem[] = []
    const keys: (string | number)[] = []
    let m = 0
    for (let i = 0; i < kept.items.length; i++) {
      if (changed.has(kept.items[i].id)) continue
      for (; m < moved.length && compare(moved[m].key, moved[m].item.id, kept.keys[i], kept.items[i].id) < 0; m++) {
        items.push(moved[m].item)
        keys.push(moved[m].key)
      }
      items.push(kept.items[i])
      keys.push(kept.keys[i])
    }
    for (; m < moved.length; m++) {
      items.push(moved[m].item)
      keys.push(moved[m].key)
    }
    kept.items = items
    kept.keys = keys
  }
}
