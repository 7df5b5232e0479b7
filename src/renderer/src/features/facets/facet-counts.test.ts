// The facet panel's counts as papers arrive: the same counts as counting the
// whole view again, whichever way the view grew or changed.
import { describe, expect, it } from 'vitest'
import { computeFacets } from '@shared/facets'
import type { LightItem } from '@shared/model'
import { fixtureItems } from '../../../../main/services/pubmed/fixture-items.test-support'
import { atOnce, untilStopped } from '../../store/turns'
import { countFacets as countingFacets, type CountedView } from './facet-counts'

const papers = fixtureItems() as unknown as LightItem[]
const view = JSON.stringify(['library'])

/** The counts, worked out to the end at once. */
const countFacets = (...args: Parameters<typeof countingFacets>) => atOnce(countingFacets(...args))

function kept(counted: ReturnType<typeof countFacets>): CountedView {
  if (!('counter' in counted)) throw new Error('not kept')
  return counted
}

describe('facet counts kept between library versions', () => {
  it('adds papers that join the view and counts what a full count would', () => {
    let counted = kept(countFacets(papers.slice(0, 10), view, 1, undefined, { ids: null }))
    counted = kept(countFacets(papers.slice(0, 20), view, 2, counted, { ids: new Set(papers.slice(10, 20).map(p => p.id)) }))
    counted = kept(countFacets(papers, view, 3, counted, { ids: new Set(papers.slice(20).map(p => p.id)) }))
    expect(counted.facets).toEqual(computeFacets(papers))
    // the same counts again, twice (the funding notes left out each time)
    expect(countFacets(papers, view, 4, counted, { ids: new Set() }).facets).toEqual(computeFacets(papers))
    expect(kept(countFacets(papers, view, 4, counted, { ids: new Set() })).counter.facets()).toEqual(computeFacets(papers))
  })

  it('follows a counted paper that changed or left, and counts again for another view or an unknown change', () => {
    const first = kept(countFacets(papers, view, 1, undefined, { ids: null }))
    const edited = papers.map((p, i) => (i === 0 ? { ...p, csl: { ...p.csl, 'container-title': 'Journal of Sleep' } } : p))
    const afterEdit = countFacets(edited, view, 2, first, { ids: new Set([papers[0].id]) })
    expect(afterEdit.facets).toEqual(computeFacets(edited))
    expect(afterEdit.facets.journals.some(j => j.value === 'Journal of Sleep')).toBe(true)
    const afterDelete = countFacets(papers.slice(1), view, 3, kept(afterEdit), { ids: new Set([papers[0].id]) })
    expect(afterDelete.facets.total).toBe(papers.length - 1)
    const search = countFacets(papers.slice(0, 5), JSON.stringify(['library', 'oxytocin']), 4, kept(afterDelete), { ids: new Set() })
    expect(search.facets).toEqual(computeFacets(papers.slice(0, 5)))
    // a change log too old to say what changed
    expect(countFacets(papers.slice(0, 3), view, 9, first, { ids: null }).facets).toEqual(computeFacets(papers.slice(0, 3)))
  })

  it('counts a large view a slice at a time, the window getting turns in between, and a count given up gives no counts', () => {
    const many = Array.from({ length: Math.ceil(4000 / papers.length) }, (_, n) => papers.map(p => ({ ...p, id: `${p.id}-${n}` }))).flat()
    expect(many.length).toBeGreaterThan(3 * 1024)
    const counting = countingFacets(many, view, 1, undefined, { ids: null })
    let pauses = 0
    let step = counting.next()
    for (; !step.done; step = counting.next()) pauses += 1
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(many.length / 1024))
    expect(step.value.facets).toEqual(computeFacets(many))

    const stop = { stopped: false }
    const given = untilStopped(countingFacets(many, view, 1, undefined, { ids: null }), stop)
    given.next()
    stop.stopped = true
    expect(atOnce(given)).toBeUndefined()
  })
})
