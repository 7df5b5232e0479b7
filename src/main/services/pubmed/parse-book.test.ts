// PubmedBookArticle replies: a GeneReviews chapter, the whole GeneReviews book, a textbook.
import { describe, expect, it } from 'vitest'
import type { ReferenceRecord } from '@shared/model'
import { fixtureText } from './fixture-files.test-support'
import { parsePubmedArticleSet } from './parse-efetch'

const only = (name: string): ReferenceRecord => {
  const records = parsePubmedArticleSet(fixtureText('efetch', name))
  expect(records).toHaveLength(1)
  return records[0]
}

describe('metapub_20301577_PubmedBookArticle_GeneReviews.xml', () => {
  const r = only('metapub_20301577_PubmedBookArticle_GeneReviews.xml')
  it('is a chapter inside the GeneReviews book', () => {
    expect(r.pmid).toBe('20301577')
    expect(r.csl.type).toBe('chapter')
    expect(r.csl.title).toBe('<i>CACNA1C</i>-Related Disorders')
    expect(r.csl['container-title']).toBe('GeneReviews<sup>®</sup>')
    expect(r.csl.publisher).toBe('University of Washington, Seattle')
    expect(r.csl['publisher-place']).toBe('Seattle (WA)')
    expect(r.csl.issued).toEqual({ 'date-parts': [[1993]] })
    expect(r.csl.URL).toBe('https://www.ncbi.nlm.nih.gov/books/NBK1403/')
    expect(r.doi).toBeUndefined()
  })
  it('has chapter authors, book editors, sections and references', () => {
    expect(r.csl.author).toEqual([
      { family: 'Napolitano', given: 'Carlo' },
      { family: 'Priori', given: 'Silvia G' }
    ])
    expect(r.csl.editor).toHaveLength(6)
    expect(r.csl.editor?.[0]).toEqual({ family: 'Adam', given: 'Margaret P' })
    expect(r.authorDetails?.[0].affiliations).toHaveLength(2)
    expect(r.abstractSections?.map(s => s.label)).toEqual(['CLINICAL CHARACTERISTICS', 'DIAGNOSIS/TESTING', 'MANAGEMENT', 'GENETIC COUNSELING'])
    expect(r.abstractSections?.[2].text).toMatch(/^<i>Treatment of manifestations:<\/i> Beta-blockers/)
    expect(r.keywords).toContain('Timothy Syndrome')
    expect(r.publicationTypes).toEqual(['Review'])
    expect(r.references).toHaveLength(31)
    expect(r.references?.[1]).toMatchObject({ pmid: '31591237', pmcid: 'PMC6815189' })
  })
})

describe('ncbi_eutilsjson_efetch_pubmedbook_GeneReviews.xml', () => {
  it('is the whole book, edited, with ™ and no copyright line in the abstract', () => {
    const r = only('ncbi_eutilsjson_efetch_pubmedbook_GeneReviews.xml')
    expect(r.pmid).toBe('20301295')
    expect(r.csl.type).toBe('book')
    expect(r.csl.title).toBe('GeneReviews™')
    expect(r.csl['container-title']).toBeUndefined()
    expect(r.csl.author).toBeUndefined()
    expect(r.csl.editor?.map(e => e.family)).toEqual(['Pagon', 'Bird', 'Dolan', 'Stephens', 'Adam'])
    expect(r.csl.abstract).toMatch(/^GeneReviews are expert-authored/)
    expect(r.csl.abstract).not.toMatch(/©/)
    expect(r.csl.URL).toBe('https://www.ncbi.nlm.nih.gov/books/NBK1116/')
  })
})

describe('zotero_20821847_PubmedBookArticle_textbook.xml', () => {
  it('is a book with authors, publisher, place and ISBN', () => {
    const r = only('zotero_20821847_PubmedBookArticle_textbook.xml')
    expect(r.csl).toMatchObject({
      type: 'book',
      title: 'Endocrinology: An Integrated Approach',
      publisher: 'BIOS Scientific Publishers',
      'publisher-place': 'Oxford',
      ISBN: '1859962521',
      issued: { 'date-parts': [[2001]] },
      language: 'en',
      PMID: '20821847'
    })
    expect(r.csl.author).toEqual([
      { family: 'Nussey', given: 'Stephen' },
      { family: 'Whitehead', given: 'Saffron' }
    ])
    expect(r.csl.editor).toBeUndefined()
    expect(r.doi).toBeUndefined()
  })
})
