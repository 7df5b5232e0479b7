// The library in the chosen sort order, kept between keystrokes: searching
// only filters it, and a change to some items moves just those (sorted
// among themselves and merged in) instead of sorting 100,000 papers again.
import type { LightItem } from '@shared/model'
import type { LibraryStore } from './library-store'

export type SortKey = (item: LightItem) => string | number

function compare(a: string | number, aId: string, b: string | number, bId: string): number {
  return a < b ? -1 : a > b ? 1 : aId < bId ? -1 : aId > bId ? 1 : 0
}

/** Ascending by key, ties by id; the caller walks it backwards for descending. */
export class SortedOrder {
  private items: LightItem[] = []
  private keys: (string | number)[] = []
  private version = -1
  private column = ''

  constructor(private readonly keyOf: (column: string) => SortKey) {}

  get(store: LibraryStore, column: string): LightItem[] {
    const changed = this.column === column ? store.changedSince(this.version) : null
    if (changed === null) this.rebuild(store, column)
    else if (changed.size > 0) this.patch(store, changed)
    this.version = store.version
    return this.items
  }

  private rebuild(store: LibraryStore, column: string): void {
    const key = this.keyOf(column)
    const pairs = [...store.items.values()].map(item => ({ item, key: key(item) }))
    pairs.sort((x, y) => compare(x.key, x.item.id, y.key, y.item.id))
    this.items = pairs.map(p => p.item)
    this.keys = pairs.map(p => p.key)
    this.column = column
  }

  /** The unchanged items keep their places; the changed ones, sorted among themselves, are merged in (an import brings thousands). */
  private patch(store: LibraryStore, changed: Set<string>): void {
    const key = this.keyOf(this.column)
    const moved: { item: LightItem; key: string | number }[] = []
    for (const id of changed) {
      const item = store.items.get(id)
      if (item) moved.push({ item, key: key(item) })
    }
    moved.sort((x, y) => compare(x.key, x.item.id, y.key, y.item.id))
    const items: LightItem[] = []
    const keys: (string | number)[] = []
    let m = 0
    for (let i = 0; i < this.items.length; i++) {
      if (changed.has(this.items[i].id)) continue
      for (; m < moved.length && compare(moved[m].key, moved[m].item.id, this.keys[i], this.items[i].id) < 0; m++) {
        items.push(moved[m].item)
        keys.push(moved[m].key)
      }
      items.push(this.items[i])
      keys.push(this.keys[i])
    }
    for (; m < moved.length; m++) {
      items.push(moved[m].item)
      keys.push(moved[m].key)
    }
    this.items = items
    this.keys = keys
  }
}
