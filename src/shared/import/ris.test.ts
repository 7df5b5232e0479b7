import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeBibliography } from './decode'
import { parseRis } from './ris'

const DIR = 'e2e/fixtures/ris'
const read = (file: string) => parseRis(decodeBibliography(new Uint8Array(readFileSync(`${DIR}/${file}`))).text)

describe('parseRis on every RIS fixture', () => {
  // [file, records, problems]
  const expected: [string, number, number][] = [
    ['jabref_aip_leading_blank_lines.ris', 1, 0],
    ['jabref_corrupted_bom_no_TY.ris', 0, 1],
    ['jabref_many_TY_and_date_variants.ris', 3, 1],
    ['jabref_sciencedirect_export.ris', 1, 0],
    ['jabref_scifinder_caplus_beta.ris', 1, 0],
    ['jabref_scopus_export.ris', 1, 0],
    ['zotero_book_german.ris', 1, 0],
    ['zotero_citavi_minimal_H2_M4.ris', 1, 0],
    ['zotero_dataset_databrary_crlf.ris', 1, 0],
    ['zotero_endnote_48_reference_types_template.ris', 48, 0],
    ['zotero_endnote_single_space_tags_internal_pdf.ris', 1, 0],
    ['zotero_patent.ris', 1, 0],
    ['zotero_refman_neuro_multiline_title.ris', 1, 0],
    ['zotero_scopus_crlf_2records.ris', 2, 0]
  ]

  it('covers every .ris fixture', () => {
    expect(expected.map(([file]) => file).sort()).toEqual(
      readdirSync(DIR)
        .filter(f => f.endsWith('.ris'))
        .sort()
    )
  })

  it.each(expected)('%s: %i records, %i problems', (file, records, problems) => {
    const result = read(file)
    expect(result.records).toHaveLength(records)
    expect(result.problems).toHaveLength(problems)
  })
})

describe('parseRis', () => {
  it('keeps every value of a repeated tag in order, a continuation line joining the last one', () => {
    const { records } = parseRis(
      'TY  - JOUR\nTI  - Oxytocin\nKW  - oxytocin\nKW  - social\nmemory\nKW  - vasopressin\nUR  - https://a.org\nhttps://b.org\nER  - \n'
    )
    expect(records[0].keywords).toEqual(['oxytocin', 'social memory', 'vasopressin'])
    expect(records[0].csl.URL).toBe('https://a.org')
  })

  it('joins a title continued on an untagged line (Reference Manager)', () => {
    const [record] = read('zotero_refman_neuro_multiline_title.ris').records
    expect(record.csl.title).toBe('Blood-brain barrier breach following cortical contusion in the rat')
    expect(record.csl.author![0]).toEqual({ family: 'Baldwin', given: 'S.A.' })
    expect(record.csl['container-title']).toBe('J.Neurosurg.')
    expect(record.csl.issued).toEqual({ 'date-parts': [[1996]] })
    expect(record.keywords).toContain('blood-brain barrier')
  })

  it('reports a record without TY with its line, and imports nothing from it', () => {
    const { problems } = read('jabref_corrupted_bom_no_TY.ris')
    expect(problems).toEqual([
      {
        line: 2,
        entry: 'Editorial: Open Source and Empirical Software Engineering',
        reason: 'This record has no TY (type) line, so it was skipped.'
      }
    ])
  })

  it('skips leading blank lines and reads the dates and DOI (AIP)', () => {
    const [record] = read('jabref_aip_leading_blank_lines.ris').records
    expect(record.csl.author).toEqual([
      { family: 'Shi', given: 'Yu' },
      { family: 'Beck', given: 'Thomas L.' }
    ])
    expect(record.csl.issued).toEqual({ 'date-parts': [[2013, 7, 28]] })
    expect(record.doi).toBe('10.1063/1.4814070')
  })

  it('takes the DOI out of a dx.doi.org link and keeps Greek letters (ScienceDirect)', () => {
    const [record] = read('jabref_sciencedirect_export.ris').records
    expect(record.doi).toBe('10.1016/j.actamat.2016.09.028')
    expect(record.csl.title).toBe('Phase separation and ω transformation in binary V-Ti and ternary V-Ti-Cr alloys')
    expect(record.csl.issued).toEqual({ 'date-parts': [[2016, 12]] })
    expect(record.keywords).toContain('ω phase transformation')
  })

  it('reads one-space tags and finds the DOI in N1 (EndNote)', () => {
    const [record] = read('zotero_endnote_single_space_tags_internal_pdf.ris').records
    expect(record.csl.author).toHaveLength(7)
    expect(record.csl.author![3]).toEqual({ family: 'KONING', given: 'A. P. JASON de' })
    expect(record.doi).toBe('10.1111/j.1755-0998.2009.02750.x')
    expect(record.csl['container-title']).toBe('Molecular Ecology Resources')
  })

  it('reads CRLF files with two records (Scopus); a DOI is lower-cased', () => {
    const { records } = read('zotero_scopus_crlf_2records.ris')
    expect(records[0].doi).toBe('10.1016/s0027-9684(15)31340-7')
    expect(records[0].csl.title).toMatch(/^Using focus groups to adapt ethnically appropriate/)
    expect(records[0].csl.note).toBe('Cited By :10\n\nExport Date: 13 July 2022')
  })

  it('reads a German book with ISBN and umlauts', () => {
    const [record] = read('zotero_book_german.ris').records
    expect(record.csl).toMatchObject({
      type: 'book',
      title: 'Eigentumsverfassung und Finanzkrise',
      ISBN: '9783642002304',
      publisher: 'Springer Berlin Heidelberg'
    })
    expect(record.csl.abstract).toBe('In dem Buch befinden sich einzelne Beiträge zu ...')
  })

  it('maps the many RIS reference types to CSL types', () => {
    const types = new Set(read('zotero_endnote_48_reference_types_template.ris').records.map(r => r.csl.type))
    for (const type of ['article-journal', 'book', 'chapter', 'patent', 'thesis', 'report', 'webpage']) expect(types).toContain(type)
  })

  it('reads consecutive TY lines as one record whose type is the last, and leaves out an unreadable PY', () => {
    const { records, problems } = read('jabref_many_TY_and_date_variants.ris')
    expect(records[0].csl.type).toBe('paper-conference')
    expect(records[0].csl.title).toBe('Editorial.')
    expect(problems).toEqual([{ line: 2, entry: 'Editorial.', reason: 'The PY line could not be read, so it was left out.' }])
    // "TY  - OTHER" is not a type citation-js knows: it is read as a generic record
    expect(records[1].csl).toEqual({ type: 'document', 'container-title': 'kmptnd', publisher: 'kmptnv' })
  })

  it('keeps curly apostrophes of a CRLF dataset record', () => {
    const [record] = read('zotero_dataset_databrary_crlf.ris').records
    expect(record.csl.type).toBe('dataset')
    expect(record.csl.abstract).toContain('infants’ actions')
  })

  it('reads a patent', () => {
    const [record] = read('zotero_patent.ris').records
    expect(record.csl).toMatchObject({ type: 'patent', title: 'Method of detecting AIDS virus infection' })
  })
})

describe('PMID from AN', () => {
  it('reads AN as the PMID when it is 1–8 digits, as Neuroref and EndNote write it', () => {
    const [record] = parseRis('TY  - JOUR\nTI  - Oxytocin and social stress\nAN  - 33673448\nER  - \n').records
    expect(record.pmid).toBe('33673448')
    const [nine] = parseRis('TY  - JOUR\nTI  - X\nAN  - 336734480\nER  - \n').records
    expect(nine.pmid).toBeUndefined()
  })

  it('ignores accession numbers that are not PMIDs (EndNote template, database ids)', () => {
    const records = read('zotero_endnote_48_reference_types_template.ris').records
    expect(records.every(r => r.pmid === undefined)).toBe(true)
    const [wos] = parseRis('TY  - JOUR\nTI  - X\nAN  - WOS:000289812600012\nER  - \n').records
    expect(wos.pmid).toBeUndefined()
  })
})
