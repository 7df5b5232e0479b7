import { readFileSync } from 'node:fs'
import { describeFixtureCounts } from './fixture-counts.test-support'
import { describe, expect, it } from 'vitest'
import { parseEndnoteXml } from './endnote-xml'

const DIR = 'e2e/fixtures/other/endnote-xml'
const read = (file: string) => parseEndnoteXml(readFileSync(`${DIR}/${file}`, 'utf8'))

const EXPECTED: [string, number][] = [
  ['jabref_bookends_article.xml', 1],
  ['jabref_endnote15_style_wrapped_fields.xml', 2],
  ['jabref_endnote20_report.xml', 1],
  ['zotero_endnote_9records_mixed_types.xml', 9],
  ['zotero_endnote_style_runs_single_line.xml', 1]
]

describeFixtureCounts('parseEndnoteXml on every EndNote XML fixture', DIR, EXPECTED, read)

describe('parseEndnoteXml', () => {
  it('reads a Bookends record: style-wrapped values, DOI, PMID from the PubMed link, ISSN, keywords', () => {
    const [record] = read('jabref_bookends_article.xml').records
    expect(record).toMatchObject({ doi: '10.1038/bjc.2014.606', pmid: '25647015' })
    expect(record.csl).toMatchObject({
      type: 'article-journal',
      title: 'Trends in the lifetime risk of developing cancer in Great Britain: comparison of risk for those born from 1930 to 1960',
      'container-title': 'Br J Cancer',
      volume: '112',
      issue: '5',
      page: '943-7',
      issued: { 'date-parts': [[2015, 3, 3]] },
      ISSN: '1532-1827'
    })
    expect(record.csl.author).toEqual([
      { family: 'Ahmad', given: 'AS' },
      { family: 'Ormiston-Smith', given: 'N' },
      { family: 'Sasieni', given: 'PD' }
    ])
    expect(record.keywords).toContain('Neoplasms/*epidemiology')
  })

  it('joins values broken across indented lines (EndNote 15)', () => {
    const [first] = read('jabref_endnote15_style_wrapped_fields.xml').records
    expect(first.csl.title).toBe('An ecological basis for reforestation of submariginal lands in the Central Hardwood Region')
    expect(first.csl).toMatchObject({ 'container-title': 'Ecology', volume: '18', issue: '1', page: '93-105', ISSN: '0012-9658' })
  })

  it('maps reference types and keeps accented names (Noël)', () => {
    const { records } = read('zotero_endnote_9records_mixed_types.xml')
    expect(records.map(r => r.csl.type)).toEqual(expect.arrayContaining(['report', 'book', 'article-journal', 'chapter', 'patent', 'webpage']))
    expect(records[1].csl.author).toContainEqual({ family: 'Kingsbury', given: 'Noël' })
    expect(records[1].csl).toMatchObject({ publisher: 'Timber Press', 'publisher-place': 'Portland, OR', ISBN: '0881929115', edition: '2' })
  })

  it('keeps bold, italic, super- and subscript runs of a title as markup', () => {
    const [record] = read('zotero_endnote_style_runs_single_line.xml').records
    expect(record.csl.title).toBe(
      'Plain <b>Bold</b> <i>Italics</i> Underline <sup>Superscript</sup> <sub>Subscript</sub> SymbolFont CourierNew SmallerSize Size12 <sup><b><i>TimesNewRoman-Bold-Italics-Underline-Superscript</i></b></sup>'
    )
  })

  it('reads an EndNote 20 report', () => {
    const [record] = read('jabref_endnote20_report.xml').records
    expect(record.csl).toMatchObject({
      type: 'report',
      title: 'Purple Martin (Progne subis): a technical conservation assessment',
      publisher: 'USDA Forest Service, Rocky Mountain Region'
    })
    expect(record.csl.issued).toEqual({ 'date-parts': [[2005]] })
  })

  it('imports what it can from a cut-off file and says the file is damaged', () => {
    const full = readFileSync(`${DIR}/zotero_endnote_9records_mixed_types.xml`, 'utf8')
    const { records, problems } = parseEndnoteXml(full.slice(0, full.indexOf('</record>', 2000) + 9))
    expect(records.map(r => r.csl.title)).toEqual(['Country Clustering in Comparative Political Economy', 'Planting green roofs and living walls'])
    expect(problems).toEqual([{ reason: 'The file is damaged (not well-formed XML); anything after the last complete record could not be read.' }])
  })
})
