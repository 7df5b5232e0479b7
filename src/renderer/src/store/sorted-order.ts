// The library in the chosen sort order, kept between keystrokes: searching
// only filters it, and a change to a few items moves just those (binary
// search and splice) instead of sorting 100,000 papers again.
import type { Item } from '@shared/model'
import type { LibraryStore } from './library-store'

export type SortKey = (item: Item) => string | number

function compare(a: string | number, aId: string, b: string | number, bId: string): number {
  return a < b ? -1 : a > b ? 1 : aId < bId ? -1 : aId > bId ? 1 : 0
}

/** Ascending by key, ties by id; the caller walks it backwards for descending. */
export class SortedOrder {
  private items: Item[] = []
  private keys: (string | number)[] = []
  private version = -1
  private column = ''

  constructor(private readonly keyOf: (column: string) => SortKey) {}

  get(store: LibraryStore, column: string): Item[] {
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

  private patch(store: LibraryStore, changed: Set<string>): void {
    const items: Item[] = []
    const keys: (string | number)[] = []
    for (let i = 0; i < this.items.length; i++) {
      if (changed.has(this.items[i].id)) continue
      items.push(this.items[i])
      keys.push(this.keys[i])
    }
    const key = this.keyOf(this.column)
    for (const id of changed) {
      const item = store.items.get(id)
      if (!item) continue
      const k = key(item)
      let lo = 0
      let hi = items.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (compare(keys[mid], items[mid].id, k, id) < 0) lo = mid + 1
        else hi = mid
      }
      items.splice(lo, 0, item)
      keys.splice(lo, 0, k)
    }
    this.items = items
    this.keys = keys
  }
}
