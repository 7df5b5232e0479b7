// The rules of findDoiInPdfText on small made-up page texts; the real
// articles of e2e/fixtures/pdf/ are run through it in
// src/main/services/pdf/extract-text.test.ts.
import { describe, expect, it } from 'vitest'
import { findDoiInPdfText } from './find-doi'

/** A page of prose long enough to have distinct header, body and footer lines. */
function page(header: string, body: string[], footer: string): string {
  const filler = ['Oxytocin release in the paraventricular nucleus', 'was measured by microdialysis in', 'freely moving rats under stress.']
  return [header, 'Journal of Neuroendocrinology', 'Research article', ...filler, ...body, ...filler, 'Received 2 May 2020', 'Page n', footer].join('\n')
}

describe('metadata', () => {
  it('takes the DOI field first and says where it was', () => {
    const found = findDoiInPdfText({
      metadata: { Title: 'Oxytocin and social memory', 'prism:doi': '10.1145/3597503.3639130', 'dc:identifier': 'doi:10.9999/other' },
      pages: ['doi:10.1016/j.page.2020']
    })
    expect(found).toEqual({ doi: '10.1145/3597503.3639130', where: 'metadata (prism:doi)' })
  })

  it('reads a citation line that publishers put in Subject', () => {
    const found = findDoiInPdfText({
      metadata: { Subject: 'Journal of Trauma Management & Outcomes 2010 4:1. doi:10.1186/1752-2897-4-1' },
      pages: ['no identifier here']
    })
    expect(found).toEqual({ doi: '10.1186/1752-2897-4-1', where: 'metadata (Subject)' })
  })

  it("ignores the journal's own DOI and useless titles, and falls back to the page", () => {
    const found = findDoiInPdfText({
      metadata: { 'pdfx:wps-journaldoi': '10.1002/(ISSN)1097-024X', Title: 'ipg1300180a', Keywords: '', Author: undefined },
      pages: ['Software: Practice and Experience\nDOI: 10.1002/spe.3169\nRESEARCH ARTICLE']
    })
    expect(found).toEqual({ doi: '10.1002/spe.3169', where: 'page 1' })
  })
})

describe('the front page', () => {
  it.each([
    ['doi:10.1155/2010/157939', '10.1155/2010/157939'],
    ['Clin. Sci. (2014) 126, 305–313 (Printed in Great Britain) doi: 10.1042/CS20130403', '10.1042/cs20130403'],
    ['DOI 10.7717/peerj-cs.213', '10.7717/peerj-cs.213'],
    ['DOI10.7717/peerj-cs.213', '10.7717/peerj-cs.213'],
    ['https://doi.org/ 10.1145/3597503.3639130', '10.1145/3597503.3639130'],
    ['(https://doi.org/10.1017/S1041610213001804).', '10.1017/s1041610213001804'],
    ['doi:10.1016/S0140-6736(20)30183-5,', '10.1016/s0140-6736(20)30183-5'],
    ['doi:\u00a010.1002/spe\u00ad.3169', '10.1002/spe.3169'],
    ['doi:10.1111/jne\u201012345', '10.1111/jne-12345']
  ])('finds the DOI in %j', (text, doi) => {
    expect(findDoiInPdfText({ pages: [`Title of the paper\n${text}\nAbstract`] })).toEqual({ doi, where: 'page 1' })
  })

  it('prefers the first DOI on page 1 over one printed later', () => {
    const pages = [page('Neuropeptides 80 (2020) 102020', ['https://doi.org/10.1016/j.npep.2020.102020'], 'footer'), 'doi:10.1016/j.other.2019.1']
    expect(findDoiInPdfText({ pages }).doi).toBe('10.1016/j.npep.2020.102020')
  })

  it('does not take "110.1234/x" or a number that only looks like a DOI prefix', () => {
    expect(findDoiInPdfText({ pages: ['page 110.1234/5 and 10.12/abc'] })).toEqual({})
  })
})

describe('DOIs broken by line ends', () => {
  it.each([
    ['https://doi.org/10.1016/j.neuron.\n2020.01.001', '10.1016/j.neuron.2020.01.001'],
    ['doi:10.1002/\nspe.3169', '10.1002/spe.3169'],
    ['doi:10.1016/\nS0306-4530(19)30012-3', '10.1016/s0306-4530(19)30012-3'],
    ['doi:10.1523/JNEUROSCI.1234-\n19.2020', '10.1523/jneurosci.1234-19.2020'],
    ['doi:10.3389/fnins.2020\n.00123', '10.3389/fnins.2020.00123']
  ])('joins %j', (text, doi) => {
    expect(findDoiInPdfText({ pages: [text] }).doi).toBe(doi)
  })

  it('does not glue a DOI that ends a sentence to the next sentence', () => {
    expect(findDoiInPdfText({ pages: ['Published as doi:10.1000/abc.\nThe authors thank'] }).doi).toBe('10.1000/abc')
  })
})

describe('reference lists and later pages', () => {
  const references = (first: number) =>
    [
      'References',
      `${first}. Neumann ID. Brain oxytocin. J Neuroendocrinol 2008. doi:10.1111/j.1365-2826.2008.01726.x`,
      `${first + 1}. Koob GF. Stress and addiction. Neuron 2008. doi:10.1016/j.neuron.2008.06.012`
    ].join('\n')

  it('returns none when the only DOIs are those of cited works', () => {
    const pages = [page('A review', [], 'footer'), page('Smith et al.', [references(1)], 'Page 2 of 2')]
    expect(findDoiInPdfText({ pages })).toEqual({})
  })

  it('returns none when a short paper lists its references on page 1', () => {
    expect(findDoiInPdfText({ pages: [page('Letter to the editor', [references(1)], 'page 1')] })).toEqual({})
  })

  it('still takes a DOI printed on page 1 above its references', () => {
    const pages = [page('doi:10.1093/own/letter.7', [references(1)], 'page 1')]
    expect(findDoiInPdfText({ pages }).doi).toBe('10.1093/own/letter.7')
  })

  it('does not mistake a title word left alone on its line for the reference heading', () => {
    const first = page('R E V I E W Open Access', ['prophylaxis in trauma: a systematic review of the', 'literature'], 'footer')
    const pages = [first, page('Datta et al.', [], 'Journal of Trauma Management & Outcomes 2010 doi:10.1186/1752-2897-4-1')]
    expect(findDoiInPdfText({ pages }).doi).toBe('10.1186/1752-2897-4-1')
  })

  it('does not take a DOI from the body of a later page (a data set, a cited work)', () => {
    const pages = [page('Title', [], 'footer'), page('Methods', ['Data are at https://doi.org/10.5281/zenodo.6536538 for reuse.'], 'Page 2')]
    expect(findDoiInPdfText({ pages })).toEqual({})
  })

  it('takes the DOI beside "Cite this article as" after the reference list (BMC)', () => {
    const pages = [
      page('Datta et al. Journal of Trauma Management & Outcomes 2010, 4:1', [], 'Page 1 of 11'),
      page('Datta et al.', [references(1)], 'Page 10 of 11'),
      [
        references(78),
        'doi:10.1186/1752-2897-4-1',
        'Cite this article as: Datta et al.: Complications related to deep venous',
        'thrombosis prophylaxis in trauma. Journal of Trauma Management & Outcomes 2010 4:1.',
        'Page 11 of 11'
      ].join('\n')
    ]
    expect(findDoiInPdfText({ pages })).toEqual({ doi: '10.1186/1752-2897-4-1', where: 'page 3, beside "Cite this article"' })
  })

  it('takes the DOI nearest the "Cite this article" line, not the reference just above it', () => {
    const last = [references(5), 'Cite this article as: Smith et al. Peptides 2021.', 'https://doi.org/10.1016/j.peptides.2021.170001'].join('\n')
    expect(findDoiInPdfText({ pages: ['cover page', last] }).doi).toBe('10.1016/j.peptides.2021.170001')
  })

  it('takes a DOI from the running footer of a later page', () => {
    const pages = [page('Title', [], 'Journal URL'), page('Smith et al.', [], 'Neuropeptides (2020) doi:10.1016/j.npep.2020.102020')]
    expect(findDoiInPdfText({ pages })).toEqual({ doi: '10.1016/j.npep.2020.102020', where: 'page 2, running header or footer' })
  })

  it('takes a running footer inside the reference pages only when it repeats on another page', () => {
    const footer = 'Peptides 2021 doi:10.1016/j.peptides.2021.170001'
    const refPage = (first: string, foot: string) => [first, 'more reference text', 'and more', 'and more', 'Page', foot].join('\n')
    const page2 = refPage(references(1), footer)
    const page3 = refPage('9. Ludwig M. Dendritic peptide release. Nature 2006. doi:10.1038/nrn1845', footer)
    expect(findDoiInPdfText({ pages: ['cover', page2] })).toEqual({})
    expect(findDoiInPdfText({ pages: ['cover', page2, page3] })).toEqual({
      doi: '10.1016/j.peptides.2021.170001',
      where: 'page 2, running header or footer'
    })
  })

  it('gives none for pages without text', () => {
    expect(findDoiInPdfText({ pages: [] })).toEqual({})
    expect(findDoiInPdfText({ metadata: {}, pages: ['', '  \n '] })).toEqual({})
  })
})
