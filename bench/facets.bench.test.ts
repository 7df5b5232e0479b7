// Facet counting at library scale: 100,000 synthetic papers, counted the way
// the facet panel counts them on every view or search change. Two libraries:
// the shared synthetic library the search benchmarks use, and a facet-heavy
// one (publication types in both spellings, strain check tags). Prints the
// times (figures go to bench/RESULTS-facets.md); asserts only that counts add up.
import { expect, it } from 'vitest'
import { computeFacets } from '@shared/facets'
import type { Item, LightItem } from '@shared/model'
import { countFacets, type CountedView } from '../src/renderer/src/features/facets/facet-counts'
import { atOnce } from '../src/renderer/src/store/turns'
import { createSyntheticLibrary } from './synthetic-library'
import { facetBenchItems } from './facet-items'

// These run in `npm test` too (at a smaller size where they can): a generous guard
// against a hang on a busy machine, never a time goal (the figures are printed).
const HANG_GUARD_MS = 180_000

function timeFacets(label: string, items: Item[]): ReturnType<typeof computeFacets> {
  computeFacets(items.slice(0, 5_000)) // warm up the JIT, as the window has by the time anyone searches
  const times: number[] = []
  let facets = computeFacets(items)
  for (let run = 0; run < 5; run++) {
    const start = performance.now()
    facets = computeFacets(items)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  console.log(
    `computeFacets, ${items.length.toLocaleString('en')} papers (${label}): median ${times[2].toFixed(1)} ms, best ${times[0].toFixed(1)} ms, worst ${times[4].toFixed(1)} ms`
  )
  return facets
}

it(
  'counts the facets of the 100,000-paper synthetic library',
  () => {
    const { items } = createSyntheticLibrary(100_000)
    const facets = timeFacets('shared synthetic library', items)
    expect(facets.total).toBe(100_000)
    expect(facets.years.reduce((sum, y) => sum + y.count, 0) + facets.undated).toBe(100_000)
    expect(facets.organisms.at(-1)?.id).toBe('animals')
  },
  HANG_GUARD_MS
)

it(
  'counts the facets of 100,000 facet-heavy papers',
  () => {
    const facets = timeFacets('facet-heavy', facetBenchItems(100_000))
    expect(facets.total).toBe(100_000)
    expect(facets.journals.reduce((sum, j) => sum + j.count, 0)).toBe(100_000)
    // Both spellings of "Journal Article" are one value; funding notes are no type.
    expect(facets.publicationTypes.filter(t => t.value.toLowerCase() === 'journal article')).toHaveLength(1)
    expect(facets.publicationTypes.some(t => t.value.startsWith('Research Support'))).toBe(false)
  },
  HANG_GUARD_MS
)

it(
  'follows an import shown 500 papers at a time into 100,000 papers',
  () => {
    const items = facetBenchItems(100_000) as unknown as LightItem[]
    // `shown` given: the changed papers come from the store (the panel); not given: they are looked for in the list (before)
    for (const follow of [false, true]) {
      let kept = atOnce(countFacets(items.slice(0, 90_000), 'view', 0, undefined, { ids: null })) as CountedView
      const times: number[] = []
      for (let showing = 1; showing <= 20; showing++) {
        const joined = items.slice(89_500 + showing * 500, 90_000 + showing * 500)
        const start = performance.now()
        const changes = { ids: new Set(joined.map(item => item.id)), shown: follow ? () => joined : undefined }
        kept = atOnce(countFacets(items.slice(0, 90_000 + showing * 500), 'view', showing, kept, changes)) as CountedView
        times.push(performance.now() - start)
      }
      times.sort((a, b) => a - b)
      const how = follow ? 'changed papers from the store' : 'changed papers looked for in the list'
      console.log(`facet counts at a showing of 500 new papers, ${how}: median ${times[10].toFixed(1)} ms, worst ${times[19].toFixed(1)} ms`)
      expect(kept.facets.total).toBe(100_000)
    }
  },
  HANG_GUARD_MS
)
