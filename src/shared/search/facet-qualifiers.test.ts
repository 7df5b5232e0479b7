// The qualifiers the facet panel writes find exactly what the facet counted.
import { describe, expect, it } from 'vitest'
import type { Item } from '../model'
import { createSearchIndex } from './index'

const item = (id: string, over: Partial<Item>): Item => ({
  id,
  csl: { type: 'article-journal', title: `paper ${id}` },
  titleWords: [],
  tags: [],
  collectionIds: [],
  addedAt: 0,
  modifiedAt: 0,
  sources: ['pubmed'],
  ...over
})

describe('facet qualifiers', () => {
  const index = createSearchIndex()
  index.add(
    item('review', { publicationTypes: ['Journal Article', 'REVIEW'], mesh: [{ descriptor: 'Mice, Inbred C57BL', majorTopic: false, qualifiers: [] }] })
  )
  index.add(item('systematic', { publicationTypes: ['Systematic Review'], mesh: [{ descriptor: 'Humans', majorTopic: false, qualifiers: [] }] }))
  index.add(
    item('rct', { publicationTypes: ['Randomized Controlled Trial'], peptideTags: [{ peptide: 'Oxytocin', evidence: [] }], removedPeptideTags: ['Oxytocin'] })
  )

  it('type: matches the whole publication type, in any case', () => {
    expect(index.search('type:review')).toEqual(['review'])
    expect(index.search('type:"systematic review"')).toEqual(['systematic'])
    expect(index.search('type:"Randomized Controlled Trial"')).toEqual(['rct'])
  })

  it('organism: matches the species behind a MeSH heading', () => {
    expect(index.search('organism:mice')).toEqual(['review'])
    expect(index.search('organism:humans')).toEqual(['systematic'])
  })

  it('peptide: skips peptide tags the user removed', () => {
    expect(index.search('peptide:oxytocin')).toEqual([])
  })
})
