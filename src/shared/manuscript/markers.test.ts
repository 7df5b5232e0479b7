import { describe, expect, it } from 'vitest'
import { findMarkers, sentenceAround } from './markers'

describe('citation markers in a paragraph', () => {
  it('reads pandoc citations with prefixes, locators, suffixes and suppressed authors', () => {
    const text = 'Stress [@ferrer2021; @smith2020, p. 12] and [see @doe2019, pp. 3-5, emphasis added] but [-@ferrer2021].'
    const markers = findMarkers(text)
    expect(markers.map(m => m.text)).toEqual(['[@ferrer2021; @smith2020, p. 12]', '[see @doe2019, pp. 3-5, emphasis added]', '[-@ferrer2021]'])
    expect(markers[0].items).toEqual([{ ref: { kind: 'key', key: 'ferrer2021' } }, { ref: { kind: 'key', key: 'smith2020' }, locator: '12', label: 'page' }])
    expect(markers[1].items[0]).toEqual({ ref: { kind: 'key', key: 'doe2019' }, prefix: 'see', locator: '3-5', label: 'page', suffix: ', emphasis added' })
    expect(markers[2].items[0]).toEqual({ ref: { kind: 'key', key: 'ferrer2021' }, suppressAuthor: true })
    expect(text.slice(markers[1].start, markers[1].end)).toBe(markers[1].text)
  })

  it('reads identifier markers and normalises PMCIDs', () => {
    const markers = findMarkers('Shown before [PMID:33673448] and [PMCID:7956822; doi:10.3390/ijms22052372].')
    expect(markers[0].items).toEqual([{ ref: { kind: 'pmid', value: '33673448' } }])
    expect(markers[1].items).toEqual([{ ref: { kind: 'pmcid', value: 'PMC7956822' } }, { ref: { kind: 'doi', value: '10.3390/ijms22052372' } }])
  })

  it('reads scannable cites with et al., two authors and a page', () => {
    const [one, two] = findMarkers('As {Ferrer-Pérez et al., 2021} found, and {Smith & Doe, 2020b, p. 4; Miñarro, 1999}.')
    expect(one.items[0].ref).toEqual({ kind: 'scannable', author: 'Ferrer-Pérez', etAl: true, year: '2021' })
    expect(two.items[0]).toEqual({
      ref: { kind: 'scannable', author: 'Smith', secondAuthor: 'Doe', etAl: false, year: '2020', yearSuffix: 'b' },
      locator: '4',
      label: 'page'
    })
    expect(two.items[1].ref).toEqual({ kind: 'scannable', author: 'Miñarro', etAl: false, year: '1999' })
  })

  it('leaves ordinary brackets, e-mail addresses, links and JSON alone', () => {
    const text = 'Values [1, 2] [sic] write to [me@example.org] or see [@site](http://x) and {"a": 1} {n = 12}.'
    expect(findMarkers(text)).toEqual([])
  })

  it('finds the bibliography placeholder', () => {
    expect(findMarkers('[bibliography]')).toEqual([{ start: 0, end: 14, text: '[bibliography]', items: [], bibliography: true }])
  })

  it('gives the sentence around a marker for the review', () => {
    const text = 'First sentence. Oxytocin prevents it [@nobody2020]. Last one.'
    const [marker] = findMarkers(text)
    expect(sentenceAround(text, marker.start, marker.end)).toBe('Oxytocin prevents it [@nobody2020].')
  })
})
