// Keywords of two copies of a paper: PubMed's whole keyword "image processing,
// biomarkers" (PMID 29963580) against the pieces a BibTeX file gives of it.
// The real record's round trip is in src/renderer/src/library/comma-keyword.test.ts.
import { describe, expect, it } from 'vitest'
import { rejoinKeywords, unionKeywords } from './keywords'

const PUBMED = ['asthma', 'image processing, biomarkers', 'thoracic computed tomography']
const BIBTEX = ['asthma', 'image processing', 'biomarkers', 'thoracic computed tomography']

describe('unionKeywords', () => {
  it('counts the pieces as the keyword they spell, whichever copy comes first', () => {
    expect(unionKeywords(PUBMED, BIBTEX)).toEqual(PUBMED)
    expect(unionKeywords(BIBTEX, PUBMED)).toEqual(PUBMED)
  })

  it('recognises the pieces in another order and case (a manager that sorts its keywords)', () => {
    expect(unionKeywords(PUBMED, ['Biomarkers', 'Image Processing', 'asthma'])).toEqual(PUBMED)
  })

  it('keeps a piece that has only part of the keyword with it: that is a keyword of its own', () => {
    expect(unionKeywords(PUBMED, ['biomarkers'])).toEqual([...PUBMED, 'biomarkers'])
  })

  it('keeps a piece the whole copy also holds on its own', () => {
    expect(unionKeywords([...PUBMED, 'biomarkers'], BIBTEX)).toEqual([...PUBMED, 'biomarkers'])
  })

  it('still unites different keywords, each once', () => {
    expect(unionKeywords(['Oxytocin', 'stress'], ['oxytocin ', 'social defeat'])).toEqual(['Oxytocin', 'stress', 'social defeat'])
    expect(unionKeywords(undefined, undefined)).toEqual([])
  })
})

describe('rejoinKeywords', () => {
  it('puts the whole keyword where its first piece was', () => {
    expect(rejoinKeywords(BIBTEX, PUBMED)).toEqual(PUBMED)
  })

  it('leaves a list without all the pieces as it is', () => {
    expect(rejoinKeywords(['asthma', 'biomarkers'], PUBMED)).toEqual(['asthma', 'biomarkers'])
  })
})
