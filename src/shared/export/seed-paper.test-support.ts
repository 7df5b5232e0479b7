// Test support: the seed paper (PMID 33673448) as a PubMed + Crossref lookup
// gives it. No recorded response for it exists in e2e/fixtures (see
// pubmed/SOURCES.md), so the record is written out here from the published
// article: Ferrer-Pérez C, et al. Int J Mol Sci. 2021;22(5):2372.
import type { ExportItem } from './bibtex-fields'

export const seedPaper: ExportItem = {
  sources: ['pubmed', 'crossref'],
  pmid: '33673448',
  pmcid: 'PMC7956822',
  doi: '10.3390/ijms22052372',
  keywords: ['cocaine', 'conditioned place preference', 'oxytocin', 'social defeat'],
  citationKey: 'ferrerperez2021oxytocin',
  csl: {
    type: 'article-journal',
    title: 'Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat',
    'container-title': 'International Journal of Molecular Sciences',
    'container-title-short': 'Int J Mol Sci',
    author: [
      { family: 'Ferrer-Pérez', given: 'Carmen' },
      { family: 'Castro-Zavala', given: 'Adriana' },
      { family: 'Luján', given: 'Miguel Ángel' },
      { family: 'Martín-García', given: 'Elena' },
      { family: 'Maldonado', given: 'Rafael' },
      { family: 'Miñarro', given: 'José' },
      { family: 'Rodríguez-Arias', given: 'Marina' }
    ],
    issued: { 'date-parts': [[2021, 3, 1]] },
    volume: '22',
    issue: '5',
    page: '2372',
    ISSN: '1422-0067',
    DOI: '10.3390/ijms22052372',
    URL: 'https://doi.org/10.3390/ijms22052372',
    publisher: 'MDPI AG'
  }
}
