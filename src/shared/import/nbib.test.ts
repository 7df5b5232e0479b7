import { readFileSync } from 'node:fs'
import { describeFixtureCounts } from './fixture-counts.test-support'
import { describe, expect, it } from 'vitest'
import { decodeBibliography } from './decode'
import { parseMedline } from './nbib'

const DIR = 'e2e/fixtures/pubmed/medline_nbib'
const read = (file: string) => parseMedline(decodeBibliography(new Uint8Array(readFileSync(`${DIR}/${file}`))).text)

const EXPECTED: [string, number][] = [
  ['biopython_pubmed_result1.txt', 1],
  ['biopython_pubmed_result2_4records.txt', 4],
  ['biopython_pubmed_result3.txt', 1],
  ['jabref_NbibImporterTest.nbib', 1],
  ['zotero_nbib_25744111_doi_pii.nbib', 1],
  ['zotero_nbib_2records_article_and_book.nbib', 2],
  ['zotero_nbib_35128459_utf8_pii_only.nbib', 1],
  ['zotero_nbib_36216673_publisher_status_crlf.nbib', 1],
  ['zotero_nbib_ERIC_3records_longlines.nbib', 3]
]

describeFixtureCounts('parseMedline on every MEDLINE / .nbib fixture', DIR, EXPECTED, read)

describe('parseMedline', () => {
  const [article, book] = read('zotero_nbib_2records_article_and_book.nbib').records

  it('reads an article: ids, title over continuation lines, expanded pages, date', () => {
    expect(article).toMatchObject({ pmid: '8692918', pmcid: 'PMC38908' })
    expect(article.csl).toMatchObject({
      type: 'article-journal',
      title: 'The structure of bovine F1-ATPase complexed with the antibiotic inhibitor aurovertin B.',
      'container-title': 'Proceedings of the National Academy of Sciences of the United States of America',
      'container-title-short': 'Proc Natl Acad Sci U S A',
      volume: '93',
      issue: '14',
      page: '6913-6917',
      issued: { 'date-parts': [[1996, 7, 9]] },
      ISSN: '0027-8424'
    })
    expect(article.csl.author![0]).toEqual({ family: 'van Raaij', given: 'M J' })
    expect(article.authorDetails![0]).toEqual({
      index: 0,
      initials: 'MJ',
      affiliations: ['Medical Research Council Laboratory of Molecular Biology, Cambridge, United Kingdom.']
    })
  })

  it('reads MeSH with starred major topics and qualifiers, substances and publication types', () => {
    expect(article.mesh).toContainEqual({
      descriptor: 'Aurovertins',
      majorTopic: false,
      qualifiers: [
        { name: 'chemistry', majorTopic: true },
        { name: 'metabolism', majorTopic: true }
      ]
    })
    expect(article.mesh).toContainEqual({ descriptor: 'Protein Structure, Secondary', majorTopic: true, qualifiers: [] })
    expect(article.chemicals).toContainEqual({ name: 'aurovertin B', registryNumber: '55350-03-3' })
    expect(article.chemicals).toContainEqual({ name: 'Aurovertins' })
    expect(article.publicationTypes).toEqual(['Journal Article', "Research Support, Non-U.S. Gov't"])
  })

  it('reads an NCBI Bookshelf chapter as a chapter in its book, with editors', () => {
    expect(book.pmid).toBe('21249755')
    expect(book.csl).toMatchObject({
      type: 'chapter',
      title: 'Peutz-Jeghers Syndrome',
      'container-title': 'Cancer Syndromes',
      publisher: 'National Center for Biotechnology Information (US)',
      'publisher-place': 'Bethesda (MD)',
      issued: { 'date-parts': [[2009]] }
    })
    expect(book.csl.editor).toHaveLength(4)
    expect(book.csl.editor![0]).toEqual({ family: 'Riegert-Johnson', given: 'Douglas L' })
    expect(book.doi).toBeUndefined()
  })

  it('takes the DOI from LID/AID "[doi]" and not the [pii]', () => {
    const [record] = read('zotero_nbib_25744111_doi_pii.nbib').records
    expect(record.doi).toBe('10.1016/j.puhe.2015.01.018')
    expect(record.csl.issued).toEqual({ 'date-parts': [[2015, 5]] })
  })

  it('has no DOI when LID holds only a [pii], and keeps UTF-8 in the abstract', () => {
    const [record] = read('zotero_nbib_35128459_utf8_pii_only.nbib').records
    expect(record.doi).toBeUndefined()
    expect(record.csl.abstract).toContain('vis-à-vis')
  })

  it('reads CRLF files and flags a record that is ahead of print', () => {
    const [record] = read('zotero_nbib_36216673_publisher_status_crlf.nbib').records
    expect(record.doi).toBe('10.1016/j.wem.2022.07.008')
    expect(record.flags).toEqual(['ahead of print'])
    expect(record.csl.title).toBe('Lichtenberg Figures: How a Cutaneous Sign Can Solve Suspicious Death Cases.')
  })

  it('reads keywords, multi-line affiliations, a group author and investigators (JabRef)', () => {
    const [record] = read('jabref_NbibImporterTest.nbib').records
    expect(record.keywords).toEqual(['Biomarkers', 'electrophoresis', 'neoplasia', 'spectrometry', 'translation'])
    expect(record.authorDetails![1].affiliations).toEqual(['Department of Pedodontics, Sri Balaji Dental College and Hospital, Chennai, Tamil Nadu, India.'])
    expect(record.csl.author!.at(-1)).toEqual({ literal: 'corporater' })
    expect(record.csl.author![2]).toEqual({ family: 'Selvamani' })
    expect(record.investigators).toHaveLength(1)
  })

  it('reads ERIC records without PMIDs and with very long lines', () => {
    const { records } = read('zotero_nbib_ERIC_3records_longlines.nbib')
    expect(records.map(r => r.pmid)).toEqual([undefined, undefined, undefined])
    expect(records[0].csl.author![0]).toEqual({ family: 'van Groen', given: 'Maaike M.' })
    expect(records[2].csl.title).toBe('College Entrance Exams: How Does Test Preparation Affect Retest Scores? Research Report 2019-2')
    expect(records[0].doi).toBeUndefined() // ERIC's LID is a web address
  })

  it('reports text that is not a MEDLINE record with its line', () => {
    const { records, problems } = parseMedline('PMID- 1\nTI  - One\n\nsome stray words\n')
    expect(records).toHaveLength(1)
    expect(problems).toEqual([{ line: 4, reason: expect.stringContaining('not a MEDLINE record') }])
  })
})
