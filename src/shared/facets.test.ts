import { describe, expect, it } from 'vitest'
import { computeFacets } from './facets'
import { organismIdsOf } from './facet-vocab'
import { fixtureItems } from '../main/services/pubmed/fixture-items.test-support'
import type { Item } from './model'

const items = fixtureItems()
const facets = computeFacets(items)
const countOf = (list: { value: string; count: number }[], value: string): number | undefined => list.find(v => v.value === value)?.count

describe('computeFacets on the recorded PubMed records', () => {
  it('counts every paper once', () => {
    expect(items).toHaveLength(31)
    expect(facets.total).toBe(31)
  })

  it('counts journals by their full name', () => {
    expect(countOf(facets.journals, 'The New England journal of medicine')).toBe(2)
    expect(countOf(facets.journals, 'Nature chemical biology')).toBe(2)
    expect(countOf(facets.journals, 'Gut')).toBe(1)
    // Two GeneReviews book chapters have no journal.
    expect(facets.journals.reduce((sum, j) => sum + j.count, 0)).toBe(29)
  })

  it('counts publication types case-insensitively and leaves out funding notes', () => {
    // 26 records say "Journal Article", one of them as PubMed's "JOURNAL ARTICLE".
    expect(countOf(facets.publicationTypes, 'Journal Article')).toBe(26)
    expect(countOf(facets.publicationTypes, 'JOURNAL ARTICLE')).toBeUndefined()
    expect(countOf(facets.publicationTypes, 'Review')).toBe(2)
    expect(countOf(facets.publicationTypes, 'Randomized Controlled Trial')).toBe(2)
    expect(countOf(facets.publicationTypes, 'Systematic Review')).toBe(1)
    expect(facets.publicationTypes.some(t => t.value.startsWith('Research Support'))).toBe(false)
    expect(facets.publicationTypes[0].value).toBe('Journal Article')
  })

  it('counts years oldest first, and papers without one apart', () => {
    expect(facets.years.find(y => y.year === 2001)?.count).toBe(3)
    expect(facets.years.find(y => y.year === 2024)?.count).toBe(4)
    expect(facets.years.map(y => y.year)).toEqual([...facets.years.map(y => y.year)].sort((a, b) => a - b))
    expect(facets.years.reduce((sum, y) => sum + y.count, 0) + facets.undated).toBe(31)
  })

  it('counts organisms from the MeSH check tags, species before the generic "Animals"', () => {
    expect(facets.organisms.map(o => [o.id, o.count])).toEqual([
      ['humans', 13],
      ['mice', 2],
      ['animals', 3]
    ])
  })

  it('counts MeSH major topics only, and peptides from the peptide tags', () => {
    expect(countOf(facets.mesh, 'Phobia, Social')).toBe(1)
    expect(countOf(facets.mesh, 'Humans')).toBeUndefined()
    expect(facets.peptides).toEqual([{ value: 'Oxytocin', count: 1 }])
  })
})

describe('computeFacets on hand-made items', () => {
  const base = items.find(i => i.pmid === '38147649')!
  it('leaves out peptide tags the researcher removed', () => {
    const withVasopressin: Item = {
      ...base,
      id: 'a',
      peptideTags: [...base.peptideTags!, { peptide: 'Vasopressin', evidence: [{ source: 'title', text: 'vasopressin' }] }]
    }
    const removed: Item = { ...withVasopressin, id: 'b', removedPeptideTags: ['Oxytocin'] }
    expect(computeFacets([withVasopressin, removed]).peptides).toEqual([
      { value: 'Vasopressin', count: 2 },
      { value: 'Oxytocin', count: 1 }
    ])
  })

  it('counts "Mice" and "Mice, Inbred C57BL" on one paper as one mouse paper', () => {
    const strain: Item = { ...base, mesh: [...base.mesh!, { descriptor: 'Mice, Inbred C57BL', majorTopic: false, qualifiers: [] }] }
    expect(computeFacets([strain]).organisms.find(o => o.id === 'mice')?.count).toBe(1)
    const ratsOnly: Item = { ...base, mesh: [{ descriptor: 'Rats, Sprague-Dawley', majorTopic: false, qualifiers: [] }] }
    expect(computeFacets([ratsOnly]).organisms).toEqual([{ id: 'rats', value: 'Rats', count: 1 }])
    expect(organismIdsOf(strain.mesh)).toEqual(['humans', 'animals', 'mice'])
  })

  it('merges journal spellings that differ only in case and shows the one not in capitals', () => {
    const a: Item = { ...base, id: 'a', csl: { ...base.csl, 'container-title': 'NEUROPSYCHOPHARMACOLOGY' } }
    const b: Item = { ...base, id: 'b', csl: { ...base.csl, 'container-title': 'Neuropsychopharmacology' } }
    expect(computeFacets([a, b]).journals).toEqual([{ value: 'Neuropsychopharmacology', count: 2 }])
  })

  it('gives empty facets for no papers', () => {
    expect(computeFacets([])).toEqual({ total: 0, peptides: [], mesh: [], organisms: [], publicationTypes: [], journals: [], years: [], undated: 0 })
  })
})
