// After a change to a few papers (one added, one edited), the list in view
// is patched rather than rebuilt: the changed papers leave it and those that
// still pass the same view, search and tag filter go back in at their sorted
// place. Walking 100,000 papers for one new row is what this avoids.
import type { LightItem } from '@shared/model'
import { firstAtLeast } from '@shared/first-at-least'
import type { LibraryStore } from './library-store'
import type { SortKey } from './sorted-order'

/** Beyond this many changed papers a full rebuild is as quick. */
const MAX_PATCHED = 500

export interface PreviousList {
  store: LibraryStore
  version: number
  items: LightItem[]
}

export interface PatchRules {
  key: SortKey
  ascending: boolean
  /** whether a changed paper passes the view and tag filter */
  passes: (item: LightItem) => boolean
  /** of the changed ids, those the search matches (undefined: no search); null when unknown */
  matching: (ids: ReadonlySet<string>) => Set<string> | null | undefined
}

function compare(a: string | number, aId: string, b: string | number, bId: string): number {
  return a < b ? -1 : a > b ? 1 : aId < bId ? -1 : aId > bId ? 1 : 0
}

/** The patched list, or null when it must be rebuilt (too many or unknown changes). */
export function patchList(store: LibraryStore, previous: PreviousList, rules: PatchRules): LightItem[] | null {
  if (previous.store !== store) return null
  const changed = store.changedSince(previous.version, MAX_PATCHED)
  if (changed === null || changed.size > MAX_PATCHED) return null
  if (changed.size === 0) return previous.items
  const matching = rules.matching(changed)
  if (matching === null) return null
  const items = previous.items.filter(item => !changed.has(item.id))
  const sign = rules.ascending ? 1 : -1
  for (const id of changed) {
    const item = store.items.get(id)
    if (!item || (matching && !matching.has(id)) || !rules.passes(item)) continue
    const k = rules.key(item)
    items.splice(
      firstAtLeast(items.length, i => sign * compare(rules.key(items[i]), items[i].id, k, id) < 0),
      0,
      item
    )
  }
  return items
}
