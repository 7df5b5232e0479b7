import { readFileSync } from 'node:fs'
import { describeFixtureCounts } from './fixture-counts.test-support'
import { describe, expect, it } from 'vitest'
import { cslItemsOf, parseCslJson } from './csl-json'

const DIR = 'e2e/fixtures/other/csl-json'
const read = (file: string) => parseCslJson(readFileSync(`${DIR}/${file}`, 'utf8'))

const EXPECTED: [string, number][] = [
  ['csl-test-suite_date_InPress.json', 1],
  ['csl-test-suite_date_RangeDelimiter.json', 6],
  ['csl-test-suite_disambiguate_ByCiteIncremental1.json', 3],
  ['csl-test-suite_disambiguate_PrimaryNameWithNonDroppingParticle.json', 2],
  ['csl-test-suite_name_ArticularWithComma.json', 1],
  ['csl-test-suite_sort_LeadingA.json', 6],
  ['zotero_csl_json_book_with_editor.json', 1]
]

describeFixtureCounts('parseCslJson on every CSL-JSON fixture', DIR, EXPECTED, read)

describe('parseCslJson', () => {
  it('keeps a literal "(in press)" date and drops the empty date-parts', () => {
    const [record] = read('csl-test-suite_date_InPress.json').records
    expect(record.csl).toEqual({ type: 'book', author: [{ family: 'Doe', given: 'John' }], issued: { literal: '(in press)' } })
  })

  it('turns a year written as a string into a number', () => {
    const [record] = read('zotero_csl_json_book_with_editor.json').records
    expect(record.csl.issued).toEqual({ 'date-parts': [[2013, 1, 1]] })
    expect(record.csl).toMatchObject({ type: 'book', ISBN: '978-3-642-32156-6', 'collection-title': 'Lecture notes in mathematics' })
    expect(record.citationKey).toBeUndefined() // a Zotero URI id is not a citation key
  })

  it('keeps date ranges', () => {
    const [first] = read('csl-test-suite_date_RangeDelimiter.json').records
    expect(first.csl.issued).toEqual({
      'date-parts': [
        [1999, 1, 2],
        [1999, 1, 4]
      ]
    })
  })

  it('drops a "season" that holds a clock time', () => {
    const [first] = read('csl-test-suite_disambiguate_ByCiteIncremental1.json').records
    expect(first.csl.accessed).toEqual({ 'date-parts': [[2013, 1, 30]] })
  })

  it('keeps name particles and suffixes as written', () => {
    const [santos] = read('csl-test-suite_disambiguate_PrimaryNameWithNonDroppingParticle.json').records
    expect(santos.csl.author![0]).toEqual({ family: 'Santos', given: 'Rafael G', 'non-dropping-particle': 'dos' })
    expect(santos.doi).toBe('10.1177/0269881116652578')
    const [doe] = read('csl-test-suite_name_ArticularWithComma.json').records
    expect(doe.csl.author![0]).toEqual({ 'comma-suffix': true, family: 'Doe', given: 'Jeffrey', suffix: 'Jr.' })
  })

  it('reads a single object and { items: [...] }, and lists an item that is not a reference', () => {
    expect(parseCslJson('{"type":"book","title":"One"}').records[0].csl.title).toBe('One')
    const { records, problems } = parseCslJson('{"items":[{"type":"book","title":"A","citation-key":"a2020"}, 42]}')
    expect(records[0].citationKey).toBe('a2020')
    expect(problems).toEqual([{ entry: 'item 2', reason: expect.stringContaining('not a CSL-JSON reference') }])
  })

  it('recognises JSON that holds no references as not CSL-JSON', () => {
    expect(cslItemsOf('{"name":"neuroref","version":"0.1.0"}')).toBeNull()
    expect(cslItemsOf('[1, 2, 3]')).toBeNull()
    expect(cslItemsOf('{not json')).toBeNull()
  })
})
