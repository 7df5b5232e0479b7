// The facet counts of the papers in view, kept from one library version to the
// next: the papers changed since (an import's batch, an edit, the Trash) have
// their old contribution taken back and their new one added, and only an
// unknown change, or a large one (more than half the papers in view, or than
// FOLLOWED_AT_MOST), counts the view again, a slice at a time. An import of 100,000 papers shown a batch at a time walked the whole
// list at each showing to find the papers that joined (~50 ms a showing, on
// the window's thread), and counted the whole list again at each showing of
// more than 5,000 (0.1–0.5 s each at 100,000).
import { FacetCounter, type Facets } from '@shared/facets'
import type { LightItem } from '@shared/model'

export interface CountedView {
  /** what decides which papers are in view (view, search, tags), not their order */
  papers: string
  /** the library version counted */
  version: number
  facets: Facets
  counter: FacetCounter
  /** the papers counted, as they were counted (an edit's old copy is what is taken back) */
  counted: Map<string, LightItem>
}

export interface Changes {
  /** the papers changed since the kept counts' version; null when not known */
  ids: ReadonlySet<string> | null
  /** of those, the ones in view now, found without reading the list; null when that cannot be told (they are looked for in the list) */
  shown?: (ids: ReadonlySet<string>) => LightItem[] | null
}

/** papers counted (or followed) between two looks at the clock */
const STEP = 1024

/**
 * The most changed papers found in view in one step: after a 100,000-entry import into 1,000 papers, the last showing
 * (or the index's arrival) had 100,000 papers searched at once, a task of 0.7 s (load 14, profiled); a showing of
 * 12,000 imported papers is still followed without reading the list.
 */
const FOLLOWED_AT_MOST = 20_000

/** The most changed papers followed in a view of this many papers: more are counted afresh (the changes' ids are then not needed). */
export function followedAtMost(inView: number): number {
  return Math.min(inView / 2, FOLLOWED_AT_MOST)
}

/**
 * The counts of `items`, the papers in view `papers` at library `version`. `kept`: the last counts of this panel, which
 * a count stopped halfway leaves half changed (so it is not kept). `papers` undefined: a view that moves without a library
 * change (recent papers, duplicates), counted afresh each time. Pauses (yields) every thousand papers or so: counting
 * 100,000 papers was a task of 65-150 ms at each search and each choice of a view.
 */
export function* countFacets(
  items: readonly LightItem[],
  papers: string | undefined,
  version: number,
  kept: CountedView | undefined,
  changes: Changes
): Generator<void, CountedView | { facets: Facets }> {
  const changed = changes.ids
  // following a paper costs about what counting it does, and the changed papers in view are found in one step (`shown`
  // searches them): a change of at most half the papers in view, and of at most FOLLOWED_AT_MOST, is followed, a larger
  // one counted afresh a slice at a time
  if (papers !== undefined && kept?.papers === papers && changed && changed.size <= followedAtMost(items.length)) {
    if (changed.size === 0) return { ...kept, version }
    const shown = changes.shown?.(changed) ?? items.filter(item => changed.has(item.id))
    let n = 0
    for (const id of changed) {
      const before = kept.counted.get(id)
      if (before) kept.counter.remove(before)
      kept.counted.delete(id)
      if (++n % STEP === 0) yield
    }
    for (const item of shown) {
      kept.counter.add(item)
      kept.counted.set(item.id, item)
      if (++n % STEP === 0) yield
    }
    return { ...kept, version, facets: kept.counter.facets() }
  }
  const counter = new FacetCounter()
  const counted = new Map<string, LightItem>()
  for (let i = 0; i < items.length; i++) {
    counter.add(items[i])
    if (papers !== undefined) counted.set(items[i].id, items[i])
    if (i % STEP === STEP - 1) yield
  }
  const facets = counter.facets()
  return papers === undefined ? { facets } : { papers, version, facets, counter, counted }
}
