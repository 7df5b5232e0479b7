// Merging two copies of one paper (PMID 25744111 from PubMed and from a
// colleague's BibTeX file: see two-copies.test-support.ts).
import { describe, expect, it } from 'vitest'
import type { Item, ReferenceRecord } from './model'
import { differingFields, mergeItems, olderFirst } from './merge-items'
import { itemTagKeys } from './tags'
import { colleagueBibtexRecord, pubmedRecord } from './two-copies.test-support'

function asItem(record: ReferenceRecord, id: string, extra: Partial<Item>): Item {
  return { ...record, id, titleWords: [], tags: [], collectionIds: [], addedAt: 0, modifiedAt: 0, ...extra }
}

/** The colleague's copy, added to the library a year before the PubMed one. */
function bibtexCopy(): Item {
  return asItem(colleagueBibtexRecord(), 'bib-copy', {
    citationKey: 'Fujiwara2015',
    tags: ['SBS prevention'],
    collectionIds: ['child-abuse'],
    keywords: ['Shaken baby syndrome', 'Public health practice'],
    rating: 4,
    readStatus: 'reading',
    addedAt: Date.UTC(2023, 0, 5)
  })
}

function pubmedCopy(): Item {
  return asItem(pubmedRecord(), 'pubmed-copy', {
    citationKey: 'Fujiwara2015a',
    tags: ['to read', 'SBS prevention'],
    collectionIds: ['japan-cohorts'],
    readStatus: 'read',
    flags: ['has-comment'],
    addedAt: Date.UTC(2024, 2, 1)
  })
}

describe('differingFields', () => {
  it('lists only the fields both copies fill differently, as the researcher reads them', () => {
    const [keep, other] = olderFirst(pubmedCopy(), bibtexCopy())
    expect(keep.id).toBe('bib-copy')
    const fields = differingFields(keep, other)
    expect(fields.map(f => f.label)).toEqual(['Title', 'Journal'])
    const journal = fields.find(f => f.field === 'container-title')!
    expect([journal.keepText, journal.otherText]).toEqual(['Public Health', 'Public health'])
    // Titles that differ only in punctuation: the older copy's is suggested.
    expect(fields.find(f => f.field === 'title')!.suggested).toBe('keep')
  })

  it('suggests the fuller value when the words differ (an abstract the other manager cut short)', () => {
    const keep = bibtexCopy()
    keep.csl.abstract = `${keep.csl.abstract!.slice(0, 200)}…`
    const abstract = differingFields(keep, pubmedCopy()).find(f => f.field === 'abstract')!
    expect(abstract.suggested).toBe('other')
    expect(abstract.otherText).toMatch(/^OBJECTIVES: Previous studies/)
  })

  it('suggests the value the researcher edited by hand', () => {
    const keep = { ...bibtexCopy(), editedFields: ['title'] }
    expect(differingFields(keep, pubmedCopy()).find(f => f.field === 'title')!.suggested).toBe('keep')
    const other = { ...pubmedCopy(), editedFields: ['container-title'] }
    expect(differingFields(bibtexCopy(), other).find(f => f.field === 'container-title')!.suggested).toBe('other')
  })
})

describe('mergeItems', () => {
  const merged = mergeItems(bibtexCopy(), pubmedCopy(), { title: 'keep', 'container-title': 'other' }, 1_700_000_000_000)

  it('keeps the older item with the chosen values, recorded as edited', () => {
    expect(merged.id).toBe('bib-copy')
    expect(merged.citationKey).toBe('Fujiwara2015')
    expect(merged.addedAt).toBe(Date.UTC(2023, 0, 5))
    expect(merged.csl.title).toBe('Effectiveness of public health practices against shaken baby syndrome/abusive head trauma in Japan')
    expect(merged.csl['container-title']).toBe('Public health')
    expect(merged.editedFields).toEqual(expect.arrayContaining(['title', 'container-title']))
    expect(merged.modifiedAt).toBe(1_700_000_000_000)
  })

  it('fills what the older copy lacked: PMID, MeSH, author affiliations, journal abbreviation', () => {
    expect(merged.pmid).toBe('25744111')
    expect(merged.csl.PMID).toBe('25744111')
    expect(merged.doi).toBe('10.1016/j.puhe.2015.01.018')
    expect(merged.mesh?.map(m => m.descriptor)).toContain('Child Abuse')
    expect(merged.authorDetails?.[0].affiliations?.[0]).toMatch(/^Department of Social Medicine/)
    expect(merged.csl['container-title-short']).toBe('Public Health')
  })

  it('unites tags, collections, keywords, flags and sources without doubles', () => {
    expect(merged.tags).toEqual(['SBS prevention', 'to read'])
    expect(merged.collectionIds).toEqual(['child-abuse', 'japan-cohorts'])
    expect(merged.keywords).toEqual([
      'Shaken baby syndrome',
      'Public health practice',
      'Abusive head trauma',
      'Crying',
      'Intervention',
      'Japan',
      'Public health'
    ])
    expect(merged.flags).toEqual(['has-comment'])
    expect(merged.sources).toEqual(['file'])
    expect(itemTagKeys(merged)).toEqual(expect.arrayContaining(['manual:to read', 'manual:SBS prevention', 'keyword:Crying', 'mesh:Child Abuse']))
  })

  it('keeps the highest rating and the furthest reading status', () => {
    expect(merged.rating).toBe(4)
    expect(merged.readStatus).toBe('read')
  })

  it('merges MeSH headings by descriptor, keeping the kept copy’s heading', () => {
    const keep = { ...bibtexCopy(), mesh: [{ descriptor: 'Crying', majorTopic: true, qualifiers: [] }] }
    const result = mergeItems(keep, pubmedCopy(), {})
    const crying = result.mesh!.filter(m => m.descriptor === 'Crying')
    expect(crying).toEqual([{ descriptor: 'Crying', majorTopic: true, qualifiers: [] }])
    expect(result.mesh!.length).toBe(pubmedCopy().mesh!.length)
  })

  it('takes a chosen identifier with its CSL mirror, and authors with their details', () => {
    const other = { ...pubmedCopy(), doi: '10.1016/j.puhe.2015.99.999', csl: { ...pubmedCopy().csl, DOI: '10.1016/J.PUHE.2015.99.999' } }
    const result = mergeItems(bibtexCopy(), other, { doi: 'other', author: 'other' })
    expect(result.doi).toBe('10.1016/j.puhe.2015.99.999')
    expect(result.csl.DOI).toBe('10.1016/J.PUHE.2015.99.999')
    expect(result.authorDetails).toEqual(pubmedCopy().authorDetails)
  })

  it('never keeps a Trash date', () => {
    expect(mergeItems({ ...bibtexCopy(), trashedAt: 5 }, pubmedCopy(), {}).trashedAt).toBeUndefined()
  })
})
