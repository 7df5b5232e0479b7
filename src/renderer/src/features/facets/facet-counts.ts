// The facet counts of the papers in view, kept from one library version to the
// next: papers that joined the view (a first sync's arrivals, an import) are
// added to the counts, and only a change to a paper already counted counts
// the view again. A first sync of 10,000 papers recounted every paper after
// each batch of 500 arrived, on the window's thread.
import { FacetCounter, type Facets } from '@shared/facets'
import type { LightItem } from '@shared/model'

export interface CountedView {
  /** what decides which papers are in view (view, search, tags), not their order */
  papers: string
  /** the library version counted */
  version: number
  facets: Facets
  counter: FacetCounter
  /** the papers counted */
  ids: Set<string>
}

/**
 * The counts of `items`, the papers in view `papers` at library `version`. `kept`: the last counts of this panel;
 * `changed`: the papers changed since its version (null when not known). `papers` undefined: a view that moves
 * without a library change (recent papers, duplicates), counted afresh each time.
 */
export function countFacets(
  items: readonly LightItem[],
  papers: string | undefined,
  version: number,
  kept: CountedView | undefined,
  changed: Set<string> | null
): CountedView | { facets: Facets } {
  if (papers !== undefined && kept?.papers === papers && changed && ![...changed].some(id => kept.ids.has(id))) {
    if (changed.size === 0) return { ...kept, version }
    const joined = items.filter(item => changed.has(item.id))
    for (const item of joined) {
      kept.counter.add(item)
      kept.ids.add(item.id)
    }
    return { ...kept, version, facets: joined.length ? kept.counter.facets() : kept.facets }
  }
  const counter = new FacetCounter()
  for (const item of items) counter.add(item)
  const facets = counter.facets()
  return papers === undefined ? { facets } : { papers, version, facets, counter, ids: new Set(items.map(item => item.id)) }
}
