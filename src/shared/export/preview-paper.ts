// The paper a style is previewed with in the style chooser (and the seed paper
// of the tests): Ferrer-Pérez C, et al. Int J Mol Sci. 2021;22(5):2372
// (PMID 33673448), written out from the published article as PubMed and
// Crossref give it.
import type { ExportItem } from './bibtex-fields'

export const PREVIEW_PAPER: ExportItem = {
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
