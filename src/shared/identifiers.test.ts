import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findIdentifiers, identifierLabel, isIdentifierValue, normaliseDoi, type Identifier } from './identifiers'

const doi = (value: string): Identifier => ({ kind: 'doi', value })
const pmid = (value: string): Identifier => ({ kind: 'pmid', value })
const pmcid = (value: string): Identifier => ({ kind: 'pmcid', value })

const IJMS = doi('10.3390/ijms22052372')
const LANCET = doi('10.1016/s0140-6736(20)30183-5')

// [what a researcher pastes, what Neuroref should find]
const cases: [string, string, Identifier[]][] = [
  // nothing to find
  ['empty input', '', []],
  ['whitespace only', '  \t \r\n \n ', []],
  ['plain prose', 'Oxytocin reduces cue-induced craving in rats.', []],

  // DOIs in their usual wrappers
  ['bare DOI', '10.3390/ijms22052372', [IJMS]],
  ['upper-case DOI is lower-cased', '10.3390/IJMS22052372', [IJMS]],
  ['doi.org link', 'https://doi.org/10.3390/ijms22052372', [IJMS]],
  ['dx.doi.org link over http', 'http://dx.doi.org/10.3390/ijms22052372', [IJMS]],
  ['doi: prefix', 'doi:10.3390/ijms22052372', [IJMS]],
  ['DOI: prefix with space', 'DOI: 10.3390/ijms22052372', [IJMS]],
  ['DOI at the end of a sentence', 'See 10.3390/ijms22052372.', [IJMS]],
  ['DOI followed by a comma', '10.3390/ijms22052372, and more', [IJMS]],
  ['DOI followed by a semicolon', 'doi: 10.3390/ijms22052372; epub ahead of print', [IJMS]],
  ['DOI followed by a colon', 'doi 10.3390/ijms22052372: the paper', [IJMS]],
  ['DOI in parentheses', 'as shown before (doi:10.1038/srep16696)', [doi('10.1038/srep16696')]],
  ['DOI in brackets', '[https://doi.org/10.1038/srep16696]', [doi('10.1038/srep16696')]],
  ['DOI in angle brackets', '<https://doi.org/10.1038/srep16696>', [doi('10.1038/srep16696')]],
  ['DOI in quotes', '"10.1038/srep16696"', [doi('10.1038/srep16696')]],
  ['DOI in single quotes', "'10.1038/srep16696'", [doi('10.1038/srep16696')]],
  ['DOI in an HTML link', '<a href="https://doi.org/10.1038/srep16696">paper</a>', [doi('10.1038/srep16696')]],
  ['DOI with parentheses inside', '10.1016/S0140-6736(20)30183-5', [LANCET]],
  ['DOI with parentheses inside, then a full stop', 'Lancet. doi:10.1016/S0140-6736(20)30183-5.', [LANCET]],
  ['DOI with parentheses inside, wrapped in parentheses', '(10.1016/S0140-6736(20)30183-5)', [LANCET]],
  ['DOI whose own closing parenthesis ends it', 'doi 10.1002/(SICI)1097-4636(199812)', [doi('10.1002/(sici)1097-4636(199812)')]],
  ['URL-encoded DOI', 'https://doi.org/10.1002%2Fjor.1100150407', [doi('10.1002/jor.1100150407')]],
  ['URL-encoded DOI inside an encoded link', 'https%3A%2F%2Fdoi.org%2F10.1002%2Fjor.1100150407', [doi('10.1002/jor.1100150407')]],
  ['DOI in a publisher link', 'https://onlinelibrary.wiley.com/doi/full/10.1002/jor.1100150407', [doi('10.1002/jor.1100150407')]],
  ['publisher link with tracking query', 'https://onlinelibrary.wiley.com/doi/10.1002/jor.1100150407?af=R&utm_source=x', [doi('10.1002/jor.1100150407')]],
  ['publisher link with /full page', 'https://www.frontiersin.org/articles/10.3389/fnins.2021.654321/full', [doi('10.3389/fnins.2021.654321')]],
  ['PLOS link with ?id=', 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0033693', [doi('10.1371/journal.pone.0033693')]],
  ['publisher link without a DOI is not a DOI', 'https://www.mdpi.com/1422-0067/22/5/2372', []],
  ['Markdown link shows the DOI twice', '[10.1038/srep16696](https://doi.org/10.1038/srep16696)', [doi('10.1038/srep16696')]],
  ['registrant too short is not a DOI', '10.123/abc', []],
  ['a version number before 10. is not a DOI', 'v110.1234/abc', []],
  ['DOI with nothing after the slash is not a DOI', 'doi: 10.1234/.', []],
  ['two DOIs on one line', '10.1038/srep16696 and 10.1371/journal.pone.0033693', [doi('10.1038/srep16696'), doi('10.1371/journal.pone.0033693')]],

  // arXiv
  ['arXiv id', 'arXiv:2101.00001', [doi('10.48550/arxiv.2101.00001')]],
  ['arXiv id with version', 'arXiv:2101.00001v2', [doi('10.48550/arxiv.2101.00001')]],
  ['arXiv id with space after colon', 'see arXiv: 2310.12345', [doi('10.48550/arxiv.2310.12345')]],
  ['arXiv abstract link', 'https://arxiv.org/abs/2101.00001', [doi('10.48550/arxiv.2101.00001')]],
  ['arXiv pdf link with version', 'https://arxiv.org/pdf/2101.00001v3.pdf', [doi('10.48550/arxiv.2101.00001')]],
  ['old-style arXiv id', 'arXiv:hep-th/9901001', [doi('10.48550/arxiv.hep-th/9901001')]],
  ['old-style arXiv id with subject class', 'arXiv:math.AG/0601001v1', [doi('10.48550/arxiv.math.ag/0601001')]],
  ['arXiv DOI written out equals the arXiv id', 'arXiv:2101.00001 = https://doi.org/10.48550/arXiv.2101.00001', [doi('10.48550/arxiv.2101.00001')]],

  // PMIDs with a label or in a link
  ['PMID: label', 'PMID: 33673448', [pmid('33673448')]],
  ['PMID label without colon', 'PMID 33673448', [pmid('33673448')]],
  ['pmid: lower case, no space', 'pmid:33673448', [pmid('33673448')]],
  ['MEDLINE field PMID-', 'PMID- 33673448', [pmid('33673448')]],
  ['PMID at the end of a sentence', 'Published as PMID 33673448.', [pmid('33673448')]],
  ['PubMed link', 'https://pubmed.ncbi.nlm.nih.gov/33673448/', [pmid('33673448')]],
  ['old PubMed link', 'https://www.ncbi.nlm.nih.gov/pubmed/33673448', [pmid('33673448')]],
  ['Europe PMC link', 'https://europepmc.org/article/MED/33673448', [pmid('33673448')]],
  ['a PubMed search is not a paper', 'https://pubmed.ncbi.nlm.nih.gov/?term=33673448', []],
  ['PMID with a leading zero is not a PMID', 'PMID: 012345', []],
  ['nine digits are not a PMID', 'PMID: 123456789', []],

  // PMCIDs
  ['PMCID', 'PMC7956822', [pmcid('PMC7956822')]],
  ['lower-case pmc', 'pmc7956822', [pmcid('PMC7956822')]],
  ['PMCID: label', 'PMCID: PMC7956822', [pmcid('PMC7956822')]],
  ['PMCID: label with the number alone', 'PMCID: 7956822', [pmcid('PMC7956822')]],
  ['old PMC link', 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7956822/', [pmcid('PMC7956822')]],
  ['new PMC link', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7956822/', [pmcid('PMC7956822')]],

  // a whole reference, and a seed line of mixed ids
  [
    'PubMed citation line gives three ids',
    'Ferrer-Pérez C, et al. Int J Mol Sci. 2021;22(5):2372. doi: 10.3390/ijms22052372. PMID: 33673448; PMCID: PMC7956822.',
    [IJMS, pmid('33673448'), pmcid('PMC7956822')]
  ],
  ['mixed seed line', '10.3390/ijms22052372 33673448 PMC7956822', [IJMS, pmid('33673448'), pmcid('PMC7956822')]],
  ['tab-separated row', '33673448\t10.3390/ijms22052372\tPMC7956822', [pmid('33673448'), IJMS, pmcid('PMC7956822')]],
  [
    'links of PubMed, PMC and doi.org',
    'https://pubmed.ncbi.nlm.nih.gov/33673448/\nhttps://pmc.ncbi.nlm.nih.gov/articles/PMC7956822/\nhttps://doi.org/10.3390/ijms22052372',
    [pmid('33673448'), pmcid('PMC7956822'), IJMS]
  ],

  // lists of bare PMIDs
  ['one bare PMID', '33673448', [pmid('33673448')]],
  ['comma-separated PMIDs', '33673448, 34843274', [pmid('33673448'), pmid('34843274')]],
  ['semicolon-separated PMIDs', '33673448;34843274; 1', [pmid('33673448'), pmid('34843274'), pmid('1')]],
  ['spreadsheet column with CRLF', '33673448\r\n34843274\r\n36216673\r\n', [pmid('33673448'), pmid('34843274'), pmid('36216673')]],
  ['spreadsheet column with a header', 'PMID\n33673448\n34843274', [pmid('33673448'), pmid('34843274')]],
  ['list after a PMIDs: label', 'PMIDs: 33673448, 34843274', [pmid('33673448'), pmid('34843274')]],
  ['list mixing bare PMIDs and a DOI link', '33673448\nhttps://doi.org/10.3390/ijms22052372\n34843274', [pmid('33673448'), IJMS, pmid('34843274')]],
  ['a year alone on a list still counts', '2021', [pmid('2021')]],

  // false friends: numbers in prose are never PMIDs
  ['year in prose', 'published in 2021', []],
  ['page range', 'published in 2021 on pages 123-130', []],
  ['ISSN', 'ISSN 1422-0067, volume 22', []],
  ['volume(issue)', 'Int J Mol Sci 22(5):2372', []],
  ['phone number in prose', 'Call the lab on 555 0123 or 020 7946 0958', []],
  ['prose with a labelled PMID keeps only the labelled one', 'In 2021 (volume 22) we cited PMID 33673448.', [pmid('33673448')]],
  ['digits inside a DOI are not PMIDs, a separate number on a list is', '10.1038/srep16696 16696', [doi('10.1038/srep16696'), pmid('16696')]],
  ['numbers inside a URL are not PMIDs', 'https://www.mdpi.com/1422-0067/22/5/2372', []],
  ['a list with a leading-zero number is not a list', '33673448\n0123', []],
  ['a list with a 9-digit number is not a list', '33673448 123456789', []],
  ['reference split over lines is not a list', 'Int J Mol Sci\n2021\n22\n2372', []],

  // duplicates
  ['same DOI twice in different forms', 'https://doi.org/10.3390/IJMS22052372 and doi:10.3390/ijms22052372', [IJMS]],
  ['same PMID as label, link and bare', 'PMID: 33673448\nhttps://pubmed.ncbi.nlm.nih.gov/33673448/\n33673448', [pmid('33673448')]],
  ['duplicates keep first-appearance order', 'PMC7956822 33673448 PMC7956822 10.3390/ijms22052372 33673448', [pmcid('PMC7956822'), pmid('33673448'), IJMS]]
]

describe('findIdentifiers', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(findIdentifiers(input)).toEqual(expected)
  })
})

describe('findIdentifiers on real PubMed exports (e2e/fixtures/pubmed/medline_nbib)', () => {
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../e2e/fixtures/pubmed/medline_nbib', name), 'utf8')

  it('finds the PMID and DOI of a record, ignoring dates, ISSNs, pages and the pii', () => {
    expect(findIdentifiers(fixture('zotero_nbib_25744111_doi_pii.nbib'))).toEqual([pmid('25744111'), doi('10.1016/j.puhe.2015.01.018')])
  })

  it('reads a CRLF export the same way', () => {
    expect(findIdentifiers(fixture('zotero_nbib_36216673_publisher_status_crlf.nbib'))).toEqual([pmid('36216673'), doi('10.1016/j.wem.2022.07.008')])
  })

  it('finds every record of a four-record export, with its PMCID', () => {
    expect(findIdentifiers(fixture('biopython_pubmed_result2_4records.txt'))).toEqual([
      pmid('16403221'),
      pmcid('PMC1373603'),
      doi('10.1186/1471-2105-7-10'),
      pmid('16377612'),
      doi('10.1093/bioinformatics/btk021'),
      pmid('14871861'),
      doi('10.1093/bioinformatics/bth078'),
      pmid('14630660')
    ])
  })

  it('finds a dx.doi.org link in an ERIC export and no PMIDs', () => {
    expect(findIdentifiers(fixture('zotero_nbib_ERIC_3records_longlines.nbib'))).toEqual([doi('10.1186/s40468-019-0086-7')])
  })
})

describe('normaliseDoi', () => {
  it.each([
    ['https://doi.org/10.3390/IJMS22052372.', '10.3390/ijms22052372'],
    ['doi:10.1016/S0140-6736(20)30183-5', '10.1016/s0140-6736(20)30183-5'],
    ['  DOI: 10.1038/srep16696 ', '10.1038/srep16696'],
    ['10.1002%2Fjor.1100150407', '10.1002/jor.1100150407'],
    ['https://www.mdpi.com/1422-0067/22/5/2372', null],
    ['33673448', null],
    ['', null]
  ])('%j → %j', (input, expected) => {
    expect(normaliseDoi(input)).toBe(expected)
  })
})

describe('identifierLabel', () => {
  it.each([
    [IJMS, 'DOI 10.3390/ijms22052372'],
    [pmid('33673448'), 'PMID 33673448'],
    [pmcid('PMC7956822'), 'PMCID PMC7956822']
  ])('%j → %s', (id, expected) => {
    expect(identifierLabel(id)).toBe(expected)
  })
})

// One pattern per identifier: what main's validators accept is exactly what the finder finds.
describe('isIdentifierValue', () => {
  it.each([
    ['pmid', '1', true],
    ['pmid', '33673448', true],
    // NLM: a PMID is a 1- to 8-digit accession number with no leading zeros
    ['pmid', '123456789', false],
    ['pmid', '0123', false],
    ['pmid', 'PMID 1', false],
    ['pmcid', 'PMC7956822', true],
    ['pmcid', 'pmc7956822', true],
    ['pmcid', '7956822', false],
    ['doi', '10.3390/ijms22052372', true],
    ['doi', '10.123/x', false],
    ['doi', 'https://doi.org/10.3390/ijms22052372', false]
  ] as const)('%s %j → %s', (kind, value, expected) => {
    expect(isIdentifierValue(kind, value)).toBe(expected)
  })

  it('agrees with findIdentifiers on the longest PMID', () => {
    expect(findIdentifiers('PMID: 99999999')).toEqual([pmid('99999999')])
    expect(isIdentifierValue('pmid', '99999999')).toBe(true)
    expect(findIdentifiers('PMID: 123456789')).toEqual([])
  })
})
