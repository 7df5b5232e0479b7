import { describe, expect, it } from 'vitest'
import type { ImportedRecord } from '../import/imported-record'
import { completeReferences, identifierToLookUp } from './complete-references'
import { referenceImportSummary } from './references'

const embedded = (over: Partial<ImportedRecord>): ImportedRecord => ({
  csl: { type: 'article-journal', title: 'As the coauthor typed it' },
  sources: ['file'],
  ...over
})

describe('completing references online', () => {
  it('looks a reference up by its PMID, else its PMCID, else its DOI; one without any is not looked up', () => {
    expect(identifierToLookUp(embedded({ pmid: '38147649', doi: '10.1038/s41380-023-02341-1' }))).toEqual({ kind: 'pmid', value: '38147649' })
    expect(identifierToLookUp(embedded({ pmcid: 'PMC7956822', doi: '10.3390/ijms22052372' }))).toEqual({ kind: 'pmcid', value: 'PMC7956822' })
    expect(identifierToLookUp(embedded({ doi: '10.1038/srep16696' }))).toEqual({ kind: 'doi', value: '10.1038/srep16696' })
    expect(identifierToLookUp(embedded({}))).toBeUndefined()
  })

  it("takes PubMed's record, fills its gaps with the document's data, keeps the citation key, and leaves what was not found as embedded", () => {
    const gut = embedded({
      pmid: '38147649',
      citationKey: 'ritz2024',
      csl: { type: 'article-journal', title: 'gut microbes (draft title)', note: 'read for the review' }
    })
    const lost = embedded({ doi: '10.9999/not-a-paper' })
    const book = embedded({ csl: { type: 'book', title: 'Behavioral Neuroendocrinology' } })
    const records = [gut, lost, book]
    const lookedUp = new Map([
      [gut, { kind: 'pmid' as const, value: '38147649' }],
      [lost, { kind: 'doi' as const, value: '10.9999/not-a-paper' }]
    ])
    const pubmed = {
      csl: { type: 'article-journal', title: 'Social anxiety disorder-associated gut microbiota increases social fear.', 'container-title': 'PNAS' },
      pmid: '38147649',
      doi: '10.1073/pnas.2308706120',
      mesh: [{ descriptor: 'Animals', majorTopic: false, qualifiers: [] }],
      sources: ['pubmed' as const]
    }
    const { records: out, completed } = completeReferences(records, lookedUp, [{ ids: [{ kind: 'pmid', value: '38147649' }], record: pubmed }])
    expect(out[0]).toMatchObject({
      csl: { title: 'Social anxiety disorder-associated gut microbiota increases social fear.', 'container-title': 'PNAS', note: 'read for the review' },
      pmid: '38147649',
      doi: '10.1073/pnas.2308706120',
      mesh: pubmed.mesh,
      citationKey: 'ritz2024',
      sources: ['pubmed', 'file']
    })
    expect(out[1]).toBe(lost)
    expect(out[2]).toBe(book)
    expect([...completed]).toEqual([out[0]])
  })

  it('counts what was completed, and says when the services could not be reached', () => {
    expect(referenceImportSummary({ cited: 84, already: 51, added: 33, completed: 30, withoutIdentifiers: 2 })).toBe(
      'Cited 84, already in library 51, added 33, completed online 30, 2 without identifiers kept as they were embedded.'
    )
    expect(
      referenceImportSummary({
        cited: 3,
        already: 0,
        added: 3,
        withoutIdentifiers: 1,
        unreachable: { count: 2, reason: 'Could not reach eutils.ncbi.nlm.nih.gov. Check your internet connection.' }
      })
    ).toBe(
      'Cited 3, already in library 0, added 3, 1 without identifiers kept as they were embedded. 2 papers with a PMID or DOI could not be completed online and were kept as embedded: Could not reach eutils.ncbi.nlm.nih.gov. Check your internet connection.'
    )
    expect(referenceImportSummary({ cited: 2, already: 0, added: 2, completed: 1, notFound: 1, withoutIdentifiers: 0 })).toBe(
      'Cited 2, already in library 0, added 2, completed online 1, 1 not found online kept as they were embedded.'
    )
  })
})
