// Real doi.org content-negotiation answers (CSL-JSON) from
// e2e/fixtures/crossref/content_negotiation (see its SOURCES.md).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isCslItem, mapCsl, type DoiOrgCsl } from './map-csl'

const DIR = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/crossref/content_negotiation')
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(DIR, file), 'utf8'))

function cslItem(value: unknown): DoiOrgCsl {
  if (!isCslItem(value)) throw new Error('fixture is not a CSL item')
  return value
}

/** citation-js's test map: DOI → [the parsed doi.org answer]. */
const FOUR_DOIS = read('citationjs_doiorg_csljson_4dois.json') as Record<string, unknown[]>

function mappedFromMap(doi: string) {
  return mapCsl(cslItem(FOUR_DOIS[doi][0]), doi)
}

describe('Crossref DOIs through doi.org (Crossref-shaped CSL)', () => {
  it('Science 1970: subtitle joined, JATS abstract read, 76 cited works, source doi.org', () => {
    const r = mapCsl(cslItem(read('habanero_csljson_10.1126_science.169.3946.635.json')), '10.1126/science.169.3946.635')
    expect(r.csl.type).toBe('article-journal')
    expect(r.csl.title).toBe('The Structure of Ordinary Water: New data and interpretations are yielding new insights into this fascinating substance.')
    expect(r.csl['container-title']).toBe('Science')
    expect(r.csl.author).toEqual([{ family: 'Frank', given: 'Henry S.' }])
    expect(r.authorDetails).toEqual([{ index: 0, affiliations: ['University of Pittsburgh, Mellon Institute of Carnegie-Mellon University'] }])
    expect(r.csl.issued).toEqual({ 'date-parts': [[1970, 8, 14]] })
    expect([r.csl.volume, r.csl.issue, r.csl.page]).toEqual(['169', '3946', '635-641'])
    expect(r.csl.abstract?.startsWith('The train of thought pursued in this article has led to the conclusion')).toBe(true)
    expect(r.references).toHaveLength(76)
    expect(r.references?.[0]).toEqual({ citation: 'Waller R. Essayes of Natural Experiments (1964).' })
    expect(r.doi).toBe('10.1126/science.169.3946.635')
    expect(r.sources).toEqual(['doi.org'])
  })

  it('the 2022 recording of the same DOI gives the same citation (only counts and links drifted)', () => {
    const older = mapCsl(cslItem(read('rcrossref_csljson_10.1126_science.169.3946.635.json')), '10.1126/science.169.3946.635')
    const newer = mapCsl(cslItem(read('habanero_csljson_10.1126_science.169.3946.635.json')), '10.1126/science.169.3946.635')
    for (const field of ['title', 'container-title', 'author', 'issued', 'volume', 'issue', 'page', 'DOI'] as const) {
      expect(older.csl[field]).toEqual(newer.csl[field])
    }
    // The older recording has no abstract: Crossref added it later.
    expect(older.csl.abstract).toBeUndefined()
  })

  it('JACS 1957: <sup> kept in the title, author suffix Jr., print date', () => {
    const r = mappedFromMap('10.1021/JA01577A030')
    expect(r.csl.title).toBe('Correlation of the Base Strengths of Amines<sup>1</sup>')
    expect(r.csl.author).toEqual([{ family: 'Hall', given: 'H. K.', suffix: 'Jr.' }])
    expect(r.csl['container-title']).toBe('Journal of the American Chemical Society')
    expect(r.csl['container-title-short']).toBe('J. Am. Chem. Soc.')
    expect(r.csl.issued).toEqual({ 'date-parts': [[1957, 10]] })
    expect(r.csl.page).toBe('5441-5444')
    expect(r.doi).toBe('10.1021/ja01577a030')
  })

  it('medRxiv preprint: article/preprint, ORCID, link to the journal version', () => {
    const r = mappedFromMap('10.1101/2021.08.15.21262067')
    expect(r.csl.type).toBe('article')
    expect(r.csl.genre).toBe('preprint')
    expect(r.csl['container-title']).toBe('medRxiv')
    expect(r.csl.author?.[0]).toEqual({ family: 'Canaday', given: 'David H.' })
    expect(r.authorDetails?.[0]).toEqual({ index: 0, orcid: '0000-0001-5503-7888' })
    expect(r.related).toEqual([{ relation: 'is-preprint-of', doi: '10.1093/cid/ciab963' }])
    expect(r.csl.abstract?.startsWith('High COVID-19 mortality among nursing home (NH) residents')).toBe(true)
  })

  it('Rogue Scholar blog post: HTML <p> abstract, the blog as container, no preprint genre', () => {
    const r = mappedFromMap('10.59350/HHTCN-ZAH03')
    expect(r.csl.type).toBe('article')
    expect(r.csl.genre).toBeUndefined()
    expect(r.csl['container-title']).toBe('chem-bla-ics')
    expect(r.csl.abstract).toBe(
      'The Bioclipse Workshop is in progress, and Ola is now leading a discussion about future releases and functionality. Proceedings are live updated, and presentation sheets will be available shortly.'
    )
    expect(r.license).toBe('https://creativecommons.org/licenses/by/4.0/legalcode')
    expect(r.csl.issued).toEqual({ 'date-parts': [[2006, 11, 1]] })
  })
})

describe('DataCite DOIs (plain CSL)', () => {
  it('Zenodo record: CSL type kept, version kept, DOI lower-cased for the library, no CSL id carried over', () => {
    const r = mappedFromMap('10.5281/ZENODO.8242099')
    expect(r.csl.type).toBe('article')
    expect(r.csl.title).toBe('Shield bugs (nymphs)')
    expect(r.csl.author).toEqual([
      { family: 'Willighagen', given: 'Lars' },
      { family: 'Puchkov', given: 'Vasily Georgievich' }
    ])
    expect(r.csl.issued).toEqual({ 'date-parts': [[2023, 8, 12]] })
    expect(r.csl.publisher).toBe('Zenodo')
    expect(r.csl.version).toBe('v0.1.1')
    expect(r.csl.abstract).toBe('Translation of Puchkov, VG (1961). Shchytnyky. Fauna of Ukraine 21(1)')
    expect(r.csl.URL).toBe('https://zenodo.org/record/8242099')
    expect(r.csl.DOI).toBe('10.5281/ZENODO.8242099')
    expect(r.doi).toBe('10.5281/zenodo.8242099')
    expect(r.csl.id).toBeUndefined()
    expect(r.sources).toEqual(['doi.org'])
  })

  it('name particles and a raw date survive (plain CSL shapes DataCite uses)', () => {
    const r = mapCsl(
      {
        type: 'dataset',
        title: 'Oxytocin receptor atlas',
        author: [{ family: 'Berg', given: 'Anna', 'non-dropping-particle': 'van den' }],
        issued: { raw: '2021-04' }
      },
      '10.1234/x'
    )
    expect(r.csl.author).toEqual([{ family: 'Berg', given: 'Anna', 'non-dropping-particle': 'van den' }])
    expect(r.csl.issued).toEqual({ 'date-parts': [[2021, 4]] })
    expect(r.csl.DOI).toBe('10.1234/x')
  })

  it('error documents and HTML are not CSL items', () => {
    expect(isCslItem(read('../errors/habanero_works_400_query_with_doi.json'))).toBe(false)
    expect(isCslItem('<html>')).toBe(false)
    expect(isCslItem(null)).toBe(false)
  })
})
