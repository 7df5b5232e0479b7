// Export → import: what Neuroref writes, Neuroref (and so other tools reading
// the same formats) reads back with the same titles, authors, years and DOIs.
// Items: the 31 real PubMed records in e2e/fixtures/pubmed/efetch, plus the seed paper.
import { describe, expect, it } from 'vitest'
import type { CslName, ReferenceRecord } from '../model'
import { readBibliographyFile } from '../import'
import { fixtureItems } from '../../main/services/pubmed/fixture-items.test-support'
import { exportItems } from './formats'
import type { DataFormat } from './file-types'
// The seed paper is shared with the other export tests.
import { seedPaper } from './seed-paper.test-support'

const items = [seedPaper, ...fixtureItems()]

/** What a reader sees of a title: no markup, one space between words. */
function shownTitle(record: ReferenceRecord): string {
  return String(record.csl.title ?? '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function familyNames(names: CslName[] | undefined): string[] {
  return (names ?? []).map(name => name.literal ?? [name['non-dropping-particle'], name.family].filter(Boolean).join(' '))
}

const year = (record: ReferenceRecord): unknown => record.csl.issued?.['date-parts']?.[0]?.[0]?.toString()
const doi = (record: ReferenceRecord): string | undefined => (record.doi ?? record.csl.DOI)?.toLowerCase()

const FILE_NAMES: Record<DataFormat, string> = { bibtex: 'x.bib', biblatex: 'x.bib', ris: 'x.ris', 'csl-json': 'x.json' }

describe.each(Object.keys(FILE_NAMES) as DataFormat[])('%s export reads back', format => {
  const text = exportItems(items, format)
  const result = readBibliographyFile(new TextEncoder().encode(text), FILE_NAMES[format])

  it('every item, nothing reported as unreadable', () => {
    expect(result.problems).toEqual([])
    expect(result.records).toHaveLength(items.length)
  })

  it('with the same titles, authors, years and DOIs', () => {
    const back = result.records
    expect(back.map(shownTitle)).toEqual(items.map(shownTitle))
    expect(back.map(record => familyNames(record.csl.author))).toEqual(items.map(item => familyNames(item.csl.author)))
    expect(back.map(year)).toEqual(items.map(year))
    expect(back.map(doi)).toEqual(items.map(doi))
    // every format this test covers carries the PMID (RIS as AN)
    expect(back.map(record => record.pmid)).toEqual(items.map(item => item.pmid))
  })
})

describe('identifiers that survive the trip', () => {
  it('CSL-JSON and BibTeX keep PMID, PMCID and the citation key', () => {
    for (const [format, name] of [
      ['csl-json', 'x.json'],
      ['bibtex', 'x.bib']
    ] as const) {
      const [record] = readBibliographyFile(new TextEncoder().encode(exportItems([seedPaper], format)), name).records
      expect(record.pmid).toBe('33673448')
      expect(record.pmcid).toBe('PMC7956822')
      expect(record.citationKey).toBe('ferrerperez2021oxytocin')
    }
  })

  it('RIS keeps the PMID (AN), the PMCID (C2) and the keywords', () => {
    const [record] = readBibliographyFile(new TextEncoder().encode(exportItems([seedPaper], 'ris')), 'x.ris').records
    expect(record.pmid).toBe('33673448')
    expect(record.pmcid).toBe('PMC7956822')
    expect(record.keywords).toEqual(seedPaper.keywords)
    expect(record.csl['container-title']).toBe('International Journal of Molecular Sciences')
  })
})

describe('a keyword that holds a comma (PMID 29963580: "image processing, biomarkers")', () => {
  const paper = items.find(item => item.pmid === '29963580')!
  const back = (format: DataFormat) => readBibliographyFile(new TextEncoder().encode(exportItems([paper], format)), FILE_NAMES[format]).records[0]

  // BibTeX, biblatex and CSL-JSON write the keywords as one comma-separated
  // field (as biber and Better BibTeX read and write them), and real RIS files
  // put several keywords on one KW line ("KW  - Keyword1, Keyword2, Keyword3",
  // e2e/fixtures/ris), so a reader cannot tell this comma from one between two
  // keywords. The library counts the pieces as the whole keyword when the
  // paper meets its PubMed copy (src/renderer/src/library/comma-keyword.test.ts).
  it.each(Object.keys(FILE_NAMES) as DataFormat[])('%s gives its two pieces, every other keyword as it was', format => {
    expect(paper.keywords).toContain('image processing, biomarkers')
    const pieces = paper.keywords!.flatMap(keyword => (keyword === 'image processing, biomarkers' ? ['image processing', 'biomarkers'] : [keyword]))
    expect(back(format).keywords).toEqual(pieces)
  })
})
