import { describe, expect, it } from 'vitest'
import { exportItems, formatBibliography, formatCitation, latexCite, pandocCite } from './formats'
import { listStyles } from './styles'
// The seed paper is shared with the other export tests.
import { seedPaper as seed } from './seed-paper.test-support'

describe('formatted references: the seed paper, checked against hand-written styles', () => {
  it('APA 7', () => {
    // Written by hand from the APA 7 manual (up to 20 authors, "&" before the
    // last, DOI as a https://doi.org link). One correction after running it:
    // APA sets article titles in sentence case ("Oxytocin prevents the
    // increase of cocaine-related …"), but CSL styles cannot lower-case a
    // title (they would lower-case acronyms and names too), so apa.csl prints
    // the title as stored. Store sentence-case titles to get true APA.
    expect(formatBibliography([seed], { style: 'apa' })).toBe(
      'Ferrer-Pérez, C., Castro-Zavala, A., Luján, M. Á., Martín-García, E., Maldonado, R., Miñarro, J., & Rodríguez-Arias, M. (2021). ' +
        'Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat. ' +
        'International Journal of Molecular Sciences, 22(5), 2372. https://doi.org/10.3390/ijms22052372\n'
    )
    // three or more authors: "et al." from the first citation on (APA 7, 8.17)
    expect(formatCitation([seed], { style: 'apa' })).toBe('(Ferrer-Pérez et al., 2021)')
  })

  it('Vancouver (NLM)', () => {
    // Written by hand from Citing Medicine / ICMJE: more than six authors →
    // the first six and "et al."; initials without points; abbreviated
    // journal; "Year Mon Day;Vol(Issue):Pages."; then DOI, PMID and PMCID.
    // One difference after running it: the CSL style (nlm-citation-sequence.csl,
    // not citation-js) puts no full stop after the DOI ("doi:… PubMed PMID"),
    // where Citing Medicine's examples have "doi:…. PubMed PMID". Kept as printed.
    expect(formatBibliography([seed], { style: 'vancouver-nlm' })).toBe(
      '1. Ferrer-Pérez C, Castro-Zavala A, Luján MÁ, Martín-García E, Maldonado R, Miñarro J, et al. ' +
        'Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat. ' +
        'Int J Mol Sci. 2021 Mar 1;22(5):2372. doi:10.3390/ijms22052372 PubMed PMID: 33673448; PubMed Central PMCID: PMC7956822.\n'
    )
    expect(formatCitation([seed], { style: 'vancouver-nlm' })).toBe('(1)')
  })

  it('Vancouver (AMA) follows its parent, the AMA Manual of Style: three authors then et al.', () => {
    const expected =
      '1. Ferrer-Pérez C, Castro-Zavala A, Luján MÁ, et al. Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat. Int J Mol Sci. 2021;22(5):2372. doi:10.3390/ijms22052372\n'
    expect(formatBibliography([seed], { style: 'vancouver-ama' })).toBe(expected)
    expect(formatBibliography([seed], { style: 'american-medical-association' })).toBe(expected)
  })

  it.each(listStyles().map(style => [style.label, style.id]))('%s renders the seed paper with its title and year', (_label, id) => {
    const text = formatBibliography([seed], { style: id })
    expect(text).toContain(seed.csl.title)
    expect(text).toContain('2021')
    expect(text).toMatch(/Ferrer-Pérez/)
    expect(formatCitation([seed], { style: id })).not.toBe('')
  })

  it('HTML keeps the italics and escapes what HTML needs', () => {
    const html = formatBibliography([seed], { style: 'apa', output: 'html' })
    expect(html).toContain('<i>International Journal of Molecular Sciences</i>, <i>22</i>(5), 2372.')
    expect(html).toContain('Miñarro, J., &#38; Rodríguez-Arias, M.')
    const file = exportItems([seed], 'bibliography', { style: 'apa', output: 'html' })
    expect(file).toMatch(/^<!DOCTYPE html>/)
    expect(file).toContain('<meta charset="utf-8">')
  })

  it('an RTF file Word opens: one paragraph per reference, accents as Unicode escapes', () => {
    const second = { ...seed, citationKey: 'second', csl: { ...seed.csl, title: 'A Second Paper', issued: { 'date-parts': [[2022]] } } }
    const rtf = exportItems([seed, second], 'bibliography', { style: 'apa', output: 'rtf' })
    expect(rtf).toMatch(/^\{\\rtf1\\ansi/)
    expect(rtf).toContain('Ferrer-P\\uc0\\u233{}rez, C.')
    expect(rtf).toContain('{\\i{}International Journal of Molecular Sciences}')
    expect(rtf.match(/\\par\n/g)).toHaveLength(2)
    expect(rtf.trimEnd().endsWith('}')).toBe(true)
  })

  it('plain text lists several papers in the style’s order, one per line', () => {
    const earlier = { ...seed, citationKey: 'aardvark', csl: { ...seed.csl, author: [{ family: 'Aardvark', given: 'Anna' }] } }
    const lines = formatBibliography([seed, earlier], { style: 'apa' }).trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^Aardvark, A\. \(2021\)/)
    expect(formatCitation([seed, earlier], { style: 'apa' })).toBe('(Aardvark, 2021; Ferrer-Pérez et al., 2021)')
  })

  it('an unknown style is an error in words, not a silent switch to APA', () => {
    expect(() => formatBibliography([seed], { style: 'no-such-style' })).toThrow('The citation style “no-such-style” is not available.')
  })

  it('nothing selected: nothing to format', () => {
    expect(formatBibliography([], { style: 'apa' })).toBe('')
    expect(latexCite([])).toBe('')
  })
})

describe('citations by key', () => {
  const other = { ...seed, citationKey: 'smith2020vasopressin' }
  it('LaTeX \\cite and Pandoc [@key] use the keys the .bib file has', () => {
    expect(latexCite([seed, other])).toBe('\\cite{ferrerperez2021oxytocin,smith2020vasopressin}')
    expect(pandocCite([seed, other])).toBe('[@ferrerperez2021oxytocin; @smith2020vasopressin]')
  })

  it('two papers with the same stored key are still told apart, as in the .bib file', () => {
    expect(pandocCite([seed, seed])).toBe('[@ferrerperez2021oxytocin; @ferrerperez2021oxytocina]')
    expect(exportItems([seed, seed], 'bibtex')).toContain('@article{ferrerperez2021oxytocina,')
  })
})
