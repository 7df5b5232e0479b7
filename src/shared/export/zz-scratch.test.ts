import { test } from 'vitest'
import { exportBibtex } from './bibtex'
test('print', () => {
  console.log(exportBibtex([{
    sources: ['pubmed'], pmid: '33673448', pmcid: 'PMC7956822', doi: '10.3390/ijms22052372', keywords: ['oxytocin', 'social defeat', 'cocaine'],
    csl: { type: 'article-journal', title: 'Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat',
      'container-title': 'International Journal of Molecular Sciences', 'container-title-short': 'Int J Mol Sci', volume: '22', issue: '5', page: '2372',
      issued: { 'date-parts': [[2021, 3, 1]] }, ISSN: '1422-0067', URL: 'https://doi.org/10.3390/ijms22052372',
      author: [{ family: 'Ferrer-Pérez', given: 'Carmen' }, { family: 'Castro-Zavala', given: 'Adriana' }, { family: 'Luján', given: 'Miguel Ángel' }, { family: 'Miñarro', given: 'José' }, {literal: 'World Health Organization'}, {family: 'Berg', 'non-dropping-particle': 'van der', given: 'Jan'}] }
  }, { sources: ['manual'], csl: { type: 'posted-content', subtype: 'preprint', title: 'DNA Sequencing of <i>Oxt</i> in H<sub>2</sub>O & 5% mRNA_x {a} ~^\\ α-MSH and ΔFosB – p < 0.05', 'container-title': [], publisher: 'Cold Spring Harbor Laboratory', abstract: '<jats:p>We used <jats:italic>in vivo</jats:italic> fMRI.</jats:p><jats:p>Second.</jats:p>' } }], { latexAccents: true }))
})
