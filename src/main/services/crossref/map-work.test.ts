// Real Crossref /works/{doi} answers (e2e/fixtures/crossref/works, see its
// SOURCES.md) mapped to what a researcher sees in the library.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ReferenceRecord } from '@shared/model'
import { mapWork, pageOf, updatesOf, type CrossrefWork } from './map-work'

const WORKS = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/crossref/works')

function mapped(file: string): ReferenceRecord {
  const envelope = JSON.parse(readFileSync(path.join(WORKS, file), 'utf8')) as { message: CrossrefWork }
  return mapWork(envelope.message)
}

const year = (r: ReferenceRecord): unknown => r.csl.issued?.['date-parts']?.[0]?.[0]

describe('journal articles', () => {
  it('PLoS ONE 2012: authors, editor, journal, e-page, licence, cited works and its correction', () => {
    const r = mapped('habanero_works_10.1371_journal.pone.0033693.json')
    expect(r.csl.type).toBe('article-journal')
    expect(r.csl.title).toBe('Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice')
    expect(r.csl.author?.[0]).toEqual({ family: 'Sadasivan', given: 'Shankar' })
    expect(r.csl.editor).toEqual([{ family: 'Borlongan', given: 'Cesario V.' }])
    expect(r.csl['container-title']).toBe('PLoS ONE')
    expect(r.csl.issued).toEqual({ 'date-parts': [[2012, 3, 21]] })
    expect([r.csl.volume, r.csl.issue, r.csl.page]).toEqual(['7', '3', 'e33693'])
    expect(r.csl.ISSN).toBe('1932-6203')
    expect(r.csl.publisher).toBe('Public Library of Science (PLoS)')
    expect(r.csl.language).toBe('en')
    expect(r.doi).toBe('10.1371/journal.pone.0033693')
    expect(r.license).toBe('http://creativecommons.org/licenses/by/4.0/')
    expect(r.sources).toEqual(['crossref'])
    expect(r.csl.genre).toBeUndefined()

    // 70 cited works: 65 with a DOI, the rest built from their parts.
    expect(r.references).toHaveLength(70)
    expect(r.references?.filter(c => c.doi)).toHaveLength(65)
    expect(r.references?.[0]).toEqual({
      citation: 'AF Arnsten (2006). Stimulants: Therapeutic actions in ADHD. Neuropsychopharmacology 31:2376',
      doi: '10.1038/sj.npp.1301164'
    })
    expect(r.references?.find(c => c.citation.startsWith('G Paxinos'))?.citation).toBe('G Paxinos (2001). The Mouse Brain in Stereotaxic Coordinates')

    // Updated by a correction notice: flagged, and the notice is linked.
    expect(r.flags).toEqual(['corrected'])
    expect(r.related).toEqual([{ relation: 'has-correction', doi: '10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda' }])
  })

  it('J Clin Pathol: print date preferred, italic gene names kept, sectioned abstract, ORCID, affiliations, funder', () => {
    const r = mapped('habanero_works_10.1136_jclinpath-2020-206745_abstract_orcid_funder.json')
    expect(r.csl.title).toBe(
      'Construction of a reference material panel for detecting <i>KRAS</i>/<i>NRAS</i>/<i>EGFR</i>/<i>BRAF</i>/<i>MET</i> mutations in plasma ctDNA'
    )
    // published-print (May 2021, vol 74 issue 5) wins over the online date (Aug 2020).
    expect(r.csl.issued).toEqual({ 'date-parts': [[2021, 5]] })
    expect([r.csl.volume, r.csl.issue, r.csl.page]).toEqual(['74', '5', '314-320'])
    expect(r.csl['container-title-short']).toBe('J Clin Pathol')
    expect(r.csl.author).toHaveLength(15)
    expect(r.csl.author?.[0]).toEqual({ family: 'Xu', given: 'Jun' })
    expect(r.authorDetails?.[0]).toEqual({
      index: 0,
      affiliations: ['Department of Neurosurgery, China-Japan Friendship Hospital, Beijing, China']
    })
    const withOrcid = r.authorDetails?.find(d => d.orcid)
    expect(withOrcid?.orcid).toBe('0000-0002-3513-6501')
    expect(r.csl.author?.[withOrcid!.index].family).toBe('Yang')
    expect(r.funders).toEqual([
      { name: 'National Key Research and Development Program', doi: '10.13039/501100012166', awards: ['2017YFC0906500 and 2016YFC1000301'] }
    ])

    expect(r.abstractSections?.map(s => s.label)).toEqual(['Background', 'Objective', 'Methods', 'Results', 'Conclusion'])
    expect(r.abstractSections?.[0].text).toBe(
      'The absence of high-quality next-generation sequencing (NGS) reference material (RM) has impeded the clinical use of liquid biopsies with plasma cell-free DNA (cfDNA) in China.'
    )
    // Pretty-printed JATS: "(\n <italic>KRAS</italic>\n )" reads "(<i>KRAS</i>)".
    expect(r.abstractSections?.[1].text).toContain('Kirsten rat sarcoma viral oncogene (<i>KRAS</i>)/neuroblastoma ras oncogene (<i>NRAS</i>)')
    expect(r.csl.abstract?.startsWith('Background: The absence of high-quality next-generation sequencing')).toBe(true)
    expect(r.csl.abstract).toContain('\nObjective: This study aimed')
    expect(r.csl.abstract).not.toMatch(/jats|<p>|\n\s+\n/)
  })

  it('J Orthop Res 1997: "Abstract" heading dropped, Wiley hyphens kept, print date over online', () => {
    const r = mapped('habanero_works_10.1002_jor.1100150407.json')
    expect(r.csl.abstract?.startsWith('Twenty\u2010two beagles were divided into two equal groups')).toBe(true)
    expect(r.csl.abstract?.endsWith('during rehabilitation after prolonged inactivity.')).toBe(true)
    expect(r.abstractSections).toBeUndefined()
    expect(r.csl.issued).toEqual({ 'date-parts': [[1997, 7]] })
    expect(r.csl['container-title']).toBe('Journal of Orthopaedic Research')
    expect([r.csl.volume, r.csl.page]).toEqual(['15', '519-527'])
    expect(r.references).toHaveLength(36)
  })

  it('Scientific Reports: no page, so the article number is cited instead; licence of the version of record', () => {
    const r = mapped('habanero_works_10.1038_srep16696.json')
    expect(r.csl.title).toBe('Single-molecule FRET studies on alpha-synuclein oligomerization of Parkinson’s disease genetically related mutants')
    expect(r.csl.page).toBe('16696')
    expect(r.csl.author?.[0].family).toBe('Tosatto')
    expect(year(r)).toBe(2015)
    expect(r.license).toBe('https://creativecommons.org/licenses/by/4.0')
    expect(r.references?.[0]).toEqual({
      citation:
        'González-Hernández, T., Cruz-Muros, I., Afonso-Oramas, D., Salas-Hernandez, J. & Castro-Hernandez, J. Vulnerability of mesostriatal dopaminergic neurons in Parkinson’s disease. Front. Neuroanat. 4, 140 (2010).',
      doi: '10.3389/fnana.2010.00140'
    })
  })

  it('Pediatric Neurology: bare ORCID from an http://orcid.org URL; open licence of the version of record over the TDM one', () => {
    const r = mapped('rcrossref_works_10.1016_j.pediatrneurol.2015.06.002_orcid_funder.json')
    expect(r.csl.title).toBe('Delay in Diagnosis of Spinal Muscular Atrophy: A Systematic Literature Review')
    expect(r.authorDetails?.[0]).toEqual({ index: 0, orcid: '0000-0001-9219-2449' })
    expect(r.csl.author?.[0]).toEqual({ family: 'Lin', given: 'Chia-Wei' })
    expect(r.funders).toEqual([{ name: 'Biogen', doi: '10.13039/100005614' }])
    expect(r.license).toBe('http://creativecommons.org/licenses/by-nc-nd/4.0/')
    expect([r.csl.volume, r.csl.issue, r.csl.page, year(r)]).toEqual(['53', '4', '293-300', 2015])
  })

  it("Crelle's Journal: one funder listed once per award becomes one funder with four awards", () => {
    const r = mapped('rcrossref_works_10.1515_crelle-2013-0024_abstract_funder.json')
    expect(r.csl['container-title']).toBe('Journal für die reine und angewandte Mathematik (Crelles Journal)')
    expect(r.funders).toEqual([{ name: 'NSF', awards: ['DMS-0800084', 'DMS-1206661', 'DMS-0804042', 'DMS-1105187'] }])
    expect(r.csl.abstract).toContain('it is possible to “gauge” the Euler–Lagrange equations')
    expect(r.references).toBeUndefined()
  })

  it('Neurobiology of Aging: registry funder with DOI and award next to a name-only funder; has-review relation', () => {
    const r = mapped('habanero_works_10.1016_j.neurobiolaging.2010.03.024.json')
    expect(r.funders).toEqual([
      { name: 'Ministry of Education, Science and Technology', doi: '10.13039/501100004085', awards: ['R32-10064'] },
      { name: 'Stem Cell Research Center', awards: ['SC4170'] }
    ])
    expect(r.related).toEqual([{ relation: 'has-review', doi: '10.3410/f.3904957.3650055' }])
    expect(r.csl.abstract).toBeUndefined()
    expect(r.license).toBe('https://www.elsevier.com/tdm/userlicense/1.0/')
  })

  it('minimal record: family-only author, full date, nothing invented', () => {
    const r = mapped('habanero_works_10.3892_ijo_00000353_minimal.json')
    expect(r.csl.author?.[0]).toEqual({ family: 'Stravopodis' })
    expect(r.csl.issued).toEqual({ 'date-parts': [[2009, 6, 26]] })
    expect(r.csl['container-title']).toBe('International Journal of Oncology')
    expect(r.csl.volume).toBeUndefined()
    expect(r.csl.page).toBeUndefined()
    expect(r.references).toBeUndefined()
    expect(r.funders).toBeUndefined()
    expect(r.flags).toBeUndefined()
  })
})

describe('preprints', () => {
  it('bioRxiv: article of genre preprint, cited as bioRxiv, italics kept with the spaces bioRxiv drops', () => {
    const r = mapped('prereview_works_biorxiv_posted-content.json')
    expect(r.csl.type).toBe('article')
    expect(r.csl.genre).toBe('preprint')
    expect(r.csl['container-title']).toBe('bioRxiv')
    expect(r.csl.title).toBe('Enhanced virulence and stress tolerance are signatures of epidemiologically successful <i>Shigella sonnei</i>')
    expect(r.csl.abstract?.startsWith('Shigellosis is a leading cause of diarrhoeal deaths worldwide, with <i>Shigella sonnei</i> increasingly')).toBe(true)
    expect(r.csl.issued).toEqual({ 'date-parts': [[2025, 2, 5]] })
    expect(r.authorDetails?.[0]).toEqual({ index: 0, orcid: '0000-0003-2291-4105' })
  })

  it('bioRxiv mononym: a family-only author keeps its ORCID', () => {
    const r = mapped('prereview_works_biorxiv_family_name_only.json')
    expect(r.csl.author?.[0]).toEqual({ family: 'Neha' })
    expect(r.authorDetails?.[0]).toEqual({ index: 0, orcid: '0000-0002-5719-6572' })
    expect(r.csl.title?.startsWith('Exploring G-quadruplex structure in <i>PRCC-TFE3</i> fusion Oncogene')).toBe(true)
    expect(r.csl.abstract?.startsWith('The <i>TFE3</i> fusion gene, byproduct of Xp11.2 translocation')).toBe(true)
  })

  it('bioRxiv group author: the study group becomes a literal name at its place in the list', () => {
    const r = mapped('prereview_works_biorxiv_group_author.json')
    expect(r.csl.author).toHaveLength(22)
    expect(r.csl.author?.[21]).toEqual({ literal: 'The MoTrPAC Study Group' })
    expect(r.csl.author?.[0]).toEqual({ family: 'Many', given: 'Gina M.' })
  })

  it('medRxiv: "ABSTRACT" heading dropped; publisher and server', () => {
    const r = mapped('prereview_works_medrxiv_posted-content.json')
    expect(r.csl.title).toBe('Brain-wide pleiotropy investigation of alcohol drinking and tobacco smoking behaviors')
    expect(r.csl.abstract?.startsWith('To investigate the pleiotropic mechanisms linking brain structure')).toBe(true)
    expect(r.csl['container-title']).toBe('medRxiv')
    expect(r.csl.publisher).toBe('Cold Spring Harbor Laboratory')
    expect(r.csl.author?.[0]).toEqual({ family: 'Deiana', given: 'Giovanni' })
  })

  it('Preprints.org: markup encoded as entities in the title becomes italics', () => {
    const r = mapped('prereview_works_preprintsorg_title_encoded_html.json')
    expect(r.csl.title).toBe(
      'Capability of ISSR, SCoT and CEAP Markers for Genetic Diversity Assessment of Lavender (<i>Lavandula angustifolia Mill.</i>) Genotypes'
    )
    expect(r.csl.genre).toBe('preprint')
  })

  it('SciELO Preprints in Portuguese: accents intact', () => {
    const r = mapped('prereview_works_scielo_preprint_portuguese.json')
    expect(r.csl.title).toBe('Experiências de socialização de jovens atingidos pelo rompimento da Barragem de Fundão (Mariana, Minas Gerais, Brasil)')
    expect(r.csl.abstract?.startsWith('No dia 5 de novembro de 2015, o rompimento da Barragem de Fundão')).toBe(true)
    expect(r.csl.author?.[1]).toEqual({ family: 'Da Exaltação Coutrim', given: 'Rosa Maria' })
    expect(r.csl.language).toBeUndefined()
  })
})

describe('other kinds of work', () => {
  it('book chapter: chapter type, quoted title kept, affiliation, no date from [[null]]', () => {
    const r = mapped('rcrossref_works_10.4018_978-1-4666-9588-7.les2_book-chapter.json')
    expect(r.csl.type).toBe('chapter')
    expect(r.csl.title).toBe('"Racial Epithet"')
    expect(r.csl['container-title']).toBe('Impact of the Model Minority Stereotype on Modern Society')
    expect(r.csl.page).toBe('525-916')
    expect(r.csl.issued).toBeUndefined()
    expect(r.authorDetails).toEqual([{ index: 0, affiliations: ['Illinois State University, USA'] }])
  })

  it('IEEE proceedings: paper-conference with the event, no date', () => {
    const r = mapped('habanero_works_10.1109_icdcsw.2003.1203662_proceedings.json')
    expect(r.csl.type).toBe('paper-conference')
    expect(r.csl['container-title']).toBe('23rd International Conference on Distributed Computing Systems Workshops, 2003. Proceedings.')
    expect(r.csl['event-place']).toBe('Providence, Rhode Island, USA')
    expect(r.csl.page).toBe('877-882')
    expect(r.csl.issued).toBeUndefined()
    expect(r.references).toHaveLength(13)
    expect(r.references).toContainEqual({ citation: 'ramakrishnan (2001). Addition of ECN to IP. RFC 3168' })
  })

  it('ACM proceedings: apostrophe in the proceedings name, publisher place, three funders', () => {
    const r = mapped('rcrossref_works_10.1145_2834800.2834802_proceedings_funder.json')
    expect(r.csl['container-title']).toBe("Proceedings of the 3rd International Workshop on Energy Efficient Supercomputing - E2SC '15")
    expect(r.csl['publisher-place']).toBe('New York, New York, USA')
    expect(r.csl.issued).toEqual({ 'date-parts': [[2015]] })
    expect(r.funders?.map(f => f.name)).toEqual([
      'Russian Scientific Foundation',
      'panish Ministerio de Economia y Competitividad',
      'U.S. Department of Energy'
    ])
    expect(r.funders?.[2]).toEqual({ name: 'U.S. Department of Energy', doi: '10.13039/100000015', awards: ['DE- SC-0010042'] })
    expect(r.references?.[0].citation).toBe('The top500 list, 2015. http://www.top500.org. Last access: July 2015.')
  })

  it('dataset (ISRCTN trial registration)', () => {
    const r = mapped('rcrossref_works_10.1186_isrctn11093872_dataset.json')
    expect(r.csl.type).toBe('dataset')
    expect(r.csl.title).toBe('CapaCiTY Study 2 - Chronic Constipation Treatment Pathway')
    expect(r.csl.author).toEqual([{ family: 'Taheri', given: 'Shiva' }])
    expect(r.funders).toEqual([{ name: 'National Institute for Health Research', doi: '10.13039/501100000272' }])
    expect(r.csl.genre).toBeUndefined()
  })

  it('peer review: review type, linked to the paper it reviews', () => {
    const r = mapped('rcrossref_works_10.7287_peerj.3819v0.1_reviews_2_peer-review.json')
    expect(r.csl.type).toBe('review')
    expect(r.csl.title).toBe('Peer Review #2 of "Human agency beliefs influence behaviour during virtual social interactions (v0.1)"')
    expect(r.csl['container-title']).toBeUndefined()
    expect(r.related).toEqual([{ relation: 'is-review-of', doi: '10.7717/peerj.3819' }])
    expect(r.flags).toBeUndefined()
  })
})

describe('update notices and page ranges', () => {
  // None of the recorded works is a retraction; these entries have the shape Crossref documents.
  it('a paper updated by a retraction is flagged retracted; a retraction notice is flagged as a notice', () => {
    expect(updatesOf({ DOI: '10.1/a', 'updated-by': [{ DOI: '10.1/RETRACT', type: 'retraction' }] })).toEqual({
      flags: ['retracted'],
      related: [{ relation: 'has-retraction', doi: '10.1/retract' }]
    })
    expect(updatesOf({ DOI: '10.1/notice', 'update-to': [{ DOI: '10.1/a', type: 'expression_of_concern' }] })).toEqual({
      flags: ['expression-of-concern-notice'],
      related: [{ relation: 'is-expression-of-concern-of', doi: '10.1/a' }]
    })
  })

  it('page ranges use a plain hyphen', () => {
    expect(pageOf('635–641')).toBe('635-641')
    expect(pageOf('650--661')).toBe('650-661')
    expect(pageOf(' e23 ')).toBe('e23')
  })
})
