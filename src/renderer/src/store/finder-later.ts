// The duplicate finder of the library in the window, which recognises papers
// already in the library (imports, "Add by identifier", a manuscript's
// references). Papers read at open join it late, with the keys saved in the
// light form: adding 100,000 papers' keys took the window 0.5 s it needs for
// the first search, so they join in short slices once the library is complete
// and the search index in use, or all at once when the finder is asked for.
import type { ItemBasics, LightItem } from '@shared/model'
import { DuplicateFinder } from '@shared/duplicates'

export class FinderFilledLater {
  private known = new DuplicateFinder()
  private waiting: { items: LightItem[]; keys: (string[] | undefined)[]; next: number } = { items: [], keys: [], next: 0 }

  /** `current`: the window's papers, to tell a paper read at open from its newer copy */
  constructor(private readonly current: ReadonlyMap<string, LightItem>) {}

  /** Every paper known, those read at open too. */
  get finder(): DuplicateFinder {
    this.fill(Infinity)
    return this.known
  }

  /** A paper read at open, with its saved keys: recognised later. */
  later(item: LightItem, keys: string[] | undefined): void {
    this.waiting.items.push(item)
    this.waiting.keys.push(keys)
  }

  /** A paper written now: known at once. */
  add(item: ItemBasics): void {
    this.known.add(item)
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
      if (this.current.get(item.id) === item) this.known.add(item, waiting.keys[waiting.next])
    }
    if (waiting.next < waiting.items.length) return true
    this.waiting = { items: [], keys: [], next: 0 }
    return false
  }
}
