// The metapub efetch fixtures (see e2e/fixtures/pubmed/SOURCES.md), each checked
// for the oddity it was chosen for. The other files: parse-efetch.test.ts.
import { describe, expect, it } from 'vitest'
import type { ReferenceRecord } from '@shared/model'
import { fixtureText } from './fixture-files.test-support'
import { parsePubmedArticleSet } from './parse-efetch'

const only = (name: string): ReferenceRecord => {
  const records = parsePubmedArticleSet(fixtureText('efetch', name))
  expect(records).toHaveLength(1)
  return records[0]
}

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
    expect(r.authorDetails?.map(d => d.orcid)).toEqual(['0000-0002-3105-7515', '0000-0002-9987-0959'])
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
    expect(r.related).toEqual([
      {
        relation: 'ErratumIn',
        pmid: '39705317',
        doi: '10.1073/pnas.2424381121',
        citation: 'Proc Natl Acad Sci U S A. 2025 Jan 7;122(1):e2424381121. doi: 10.1073/pnas.2424381121.'
      }
    ])
    expect(r.flags).toEqual(['corrected'])
  })
  it('reads the rest of the neuropeptide paper', () => {
    // SOURCES.md says the abstract names vasopressin and social defeat: only its cited works do.
    expect(r.csl.abstract).toMatch(/oxytocin expression in the bed nucleus of the stria terminalis/)
    expect(r.chemicals).toContainEqual({ name: 'Oxytocin', registryNumber: '50-56-6', ui: 'D010121' })
    expect(r.references?.some(w => /chronic social defeat .*Vasopressin, oxytocin/.test(w.citation))).toBe(true)
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
    const names = r.csl.author?.map(a => `${a.given} ${a.family}`)
    expect(names).toContain('Gökmen Akgün')
    expect(names).toContain('Nihal Şahin')
    expect(names).toContain('Kadir Babaoğlu')
    expect(names).toContain('Yonca Anık')
    expect(r.abstractSections?.map(s => s.label)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSION', 'IMPACT'])
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
