import { describe, expect, it } from 'vitest'
import { exportBiblatex } from './biblatex'
import type { ExportItem } from './bibtex-fields'
// The seed paper is shared with the other export tests.
import { seedPaper as seed } from './seed-paper.test-support'

describe('exportBiblatex', () => {
  it('writes the seed paper with biblatex names: journaltitle, date, eprint for the PMID', () => {
    expect(exportBiblatex([seed])).toBe(
      [
        '@article{ferrerperez2021oxytocin,',
        '  author = {Ferrer-Pérez, Carmen and Castro-Zavala, Adriana and Luján, Miguel Ángel and Martín-García, Elena and Maldonado, Rafael and Miñarro, José and Rodríguez-Arias, Marina},',
        '  title = {Oxytocin {Prevents} the {Increase} of {Cocaine-Related} {Responses} {Produced} by {Social} {Defeat}},',
        '  date = {2021-03-01},',
        '  journaltitle = {International Journal of Molecular Sciences},',
        '  volume = {22},',
        '  number = {5},',
        '  pages = {2372},',
        '  issn = {1422-0067},',
        '  doi = {10.3390/ijms22052372},',
        '  pmcid = {PMC7956822},',
        '  keywords = {cocaine, conditioned place preference, oxytocin, social defeat},',
        '  eprint = {33673448},',
        '  eprinttype = {pubmed}',
        '}',
        ''
      ].join('\n')
    )
  })

  it('a preprint is @online, its server the organization, its URL kept', () => {
    const preprint: ExportItem = {
      sources: ['crossref'],
      citationKey: 'doe2024orexin',
      csl: {
        type: 'article',
        title: 'Orexin and Relapse',
        'container-title': 'bioRxiv',
        author: [{ family: 'Doe', given: 'Jane' }],
        issued: { 'date-parts': [[2024, 5]] },
        URL: 'https://www.biorxiv.org/content/10.1101/2024.05.01.000001v1',
        DOI: '10.1101/2024.05.01.000001'
      }
    }
    const text = exportBiblatex([preprint])
    expect(text).toMatch(/^@online\{doe2024orexin,\n/)
    expect(text).toContain('  date = {2024-05},')
    expect(text).toContain('  organization = {bioRxiv},')
    expect(text).toContain('  url = {https://www.biorxiv.org/content/10.1101/2024.05.01.000001v1}\n}')
  })

  it('a web page is @online; a year-only date stays a year; accents can be LaTeX', () => {
    const page: ExportItem = {
      sources: ['manual'],
      citationKey: 'who2020',
      csl: {
        type: 'webpage',
        title: 'Opioid overdose',
        author: [{ literal: 'World Health Organization' }],
        issued: { 'date-parts': [[2020]] },
        URL: 'https://www.who.int/'
      }
    }
    const text = exportBiblatex([page])
    expect(text).toMatch(/^@online\{who2020,/)
    expect(text).toContain('  author = {{World Health Organization}},')
    expect(text).toContain('  date = {2020},')
    expect(exportBiblatex([seed], { latexAccents: true })).toContain("Ferrer-P{\\'e}rez, Carmen")
  })
})
