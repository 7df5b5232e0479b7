import { describe, expect, it } from 'vitest'
import { citationsByYear, coOccurringMesh, meshSearch, OTHER_PEPTIDES, peptidesByYear, segmentSearch, topPeptides } from './dashboard-data'
import { fixtureItems } from '../main/services/pubmed/fixture-items.test-support'
import type { Item, PeptideTag } from './model'

const real = fixtureItems()
const social = real.find(i => i.pmid === '38147649')!
const tag = (peptide: string): PeptideTag => ({ peptide, evidence: [{ source: 'title', text: peptide.toLowerCase() }] })

/** The real oxytocin paper, re-dated and re-tagged: a small library of peptide papers. */
function paper(id: string, year: number, peptides: string[], extra: Partial<Item> = {}): Item {
  return { ...social, id, year, peptideTags: peptides.map(tag), ...extra }
}

describe('papers per year by peptide', () => {
  it('stacks the top peptides, then "Other peptides", over every year in the range', () => {
    const items = [
      paper('1', 2019, ['Oxytocin']),
      paper('2', 2019, ['Oxytocin', 'Vasopressin']),
      paper('3', 2021, ['Orexin']),
      paper('4', 2021, ['Vasopressin', 'Galanin', 'Cholecystokinin']),
      paper('5', 2021, []),
      paper('6', 2020, ['Oxytocin'], { removedPeptideTags: ['Oxytocin'] })
    ]
    const { series, rows } = peptidesByYear(items, 2)
    expect(series.map(s => s.label)).toEqual(['Oxytocin', 'Vasopressin', OTHER_PEPTIDES])
    expect(rows).toEqual([
      { year: 2019, s0: 2, s1: 1, s2: 0 },
      { year: 2020, s0: 0, s1: 0, s2: 0 },
      // paper 4 counts for Vasopressin and once for Other, however many other peptides it has
      { year: 2021, s0: 0, s1: 1, s2: 2 }
    ])
    expect(segmentSearch(series[0], 2019)).toBe('peptide:oxytocin year:2019')
    expect(segmentSearch(series[2], 2021)).toBe('year:2021')
  })

  it('has no "Other peptides" stack when every peptide has its own', () => {
    const { series, rows } = peptidesByYear([paper('1', 2024, ['Oxytocin'])])
    expect(series).toEqual([{ key: 's0', label: 'Oxytocin', peptide: 'Oxytocin' }])
    expect(rows).toEqual([{ year: 2024, s0: 1 }])
  })

  it('is empty for the recorded papers without peptides', () => {
    expect(peptidesByYear(real.filter(i => i !== social))).toEqual({ series: [], rows: [] })
  })
})

describe('top peptides and their MeSH terms', () => {
  it('ranks peptides by papers', () => {
    const items = [paper('1', 2019, ['Oxytocin']), paper('2', 2020, ['Oxytocin', 'Vasopressin'])]
    expect(topPeptides(items)).toEqual([
      { value: 'Oxytocin', count: 2 },
      { value: 'Vasopressin', count: 1 }
    ])
  })

  it('lists the MeSH terms of the real oxytocin paper, without check tags or the peptide itself', () => {
    const terms = coOccurringMesh(real, 'Oxytocin').map(t => t.value)
    expect(terms).toContain('Phobia, Social')
    expect(terms).toContain('Gastrointestinal Microbiome')
    for (const hidden of ['Oxytocin', 'Humans', 'Animals', 'Mice', 'Male', 'Female']) expect(terms).not.toContain(hidden)
    expect(coOccurringMesh(real, 'Vasopressin')).toEqual([])
    expect(meshSearch('Oxytocin', 'Phobia, Social')).toBe('peptide:oxytocin mesh:"Phobia, Social"')
  })
})

describe('citations', () => {
  it('has none for records that carry no citation count', () => {
    expect(citationsByYear(real)).toEqual([])
  })

  it('adds up the counts records carry, by year of publication', () => {
    const withCount = (id: string, year: number, count: unknown): Item => paper(id, year, [], { csl: { ...social.csl, 'is-referenced-by-count': count } })
    expect(citationsByYear([withCount('1', 2020, 12), withCount('2', 2020, 3), withCount('3', 2018, 0), withCount('4', 2019, 'many')])).toEqual([
      { year: 2018, citations: 0, papers: 1 },
      { year: 2020, citations: 15, papers: 2 }
    ])
  })
})
