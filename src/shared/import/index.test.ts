import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ServiceError } from '../result'
import { readBibliographyFile, type ImportFormat } from './index'

const bytesOf = (path: string) => new Uint8Array(readFileSync(path))
const filesIn = (dir: string, ext: RegExp) =>
  readdirSync(dir)
    .filter(f => ext.test(f))
    .map(f => `${dir}/${f}`)
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)

describe('readBibliographyFile: every fixture is read in its format without a crash', () => {
  const cases: [string, ImportFormat][] = [
    ...['e2e/fixtures/bibtex', 'e2e/fixtures/bibtex/encoding', 'e2e/fixtures/bibtex/zotero']
      .flatMap(dir => filesIn(dir, /\.bib$/))
      .map((path): [string, ImportFormat] => [path, 'bibtex']),
    ...filesIn('e2e/fixtures/ris', /\.ris$/).map((path): [string, ImportFormat] => [path, 'ris']),
    ...filesIn('e2e/fixtures/pubmed/medline_nbib', /./).map((path): [string, ImportFormat] => [path, 'nbib']),
    ...filesIn('e2e/fixtures/other/csl-json', /\.json$/).map((path): [string, ImportFormat] => [path, 'csl-json']),
    ...filesIn('e2e/fixtures/other/endnote-xml', /\.xml$/).map((path): [string, ImportFormat] => [path, 'endnote-xml'])
  ]

  it.each(cases)('%s → %s', (path, format) => {
    const result = readBibliographyFile(bytesOf(path), nameOf(path))
    expect(result.format).toBe(format)
    expect(result.records.length + result.problems.length).toBeGreaterThan(0)
  })

  it('detects the format by content, whatever the file is called', () => {
    const nbib = bytesOf('e2e/fixtures/pubmed/medline_nbib/biopython_pubmed_result1.txt')
    expect(readBibliographyFile(nbib, 'export.ris').format).toBe('nbib')
    const ris = bytesOf('e2e/fixtures/ris/zotero_patent.ris')
    expect(readBibliographyFile(ris, 'download').format).toBe('ris')
  })

  it('reports the encoding it used', () => {
    const result = readBibliographyFile(bytesOf('e2e/fixtures/bibtex/encoding/jabref_tiny-BE-noBOM.bib'), 'tiny.bib')
    expect(result.encoding).toBe('utf-16be')
    expect(result.records[0].citationKey).toBe('Verwilghen+vanGalen+Wilke2011')
  })

  it('decodes with the encoding the user chose', () => {
    const bytes = bytesOf('e2e/fixtures/bibtex/encoding/biber_encoding3_latin1.bib')
    const result = readBibliographyFile(bytes, 'latin1.bib', { encoding: 'iso-8859-15' })
    expect(result.encoding).toBe('iso-8859-15')
    expect(result.records[0].csl.title).toBe('Söme title') // ö is the same byte in latin-1 and latin-9
  })

  it('returns a RIS file whose only record has no TY as a problem, not as "not a bibliography"', () => {
    const result = readBibliographyFile(bytesOf('e2e/fixtures/ris/jabref_corrupted_bom_no_TY.ris'), 'corrupted.ris')
    expect(result).toMatchObject({ format: 'ris', records: [], problems: [{ line: 2 }] })
  })
})

describe('readBibliographyFile: files that are not bibliographies', () => {
  const notABibliography = (name: string) =>
    new ServiceError('INVALID_INPUT', `${name} is not a bibliography file Neuroref can read (BibTeX, RIS, MEDLINE/.nbib, CSL-JSON or EndNote XML).`)
  const expectRefused = (bytes: Uint8Array, name: string) => {
    let error: unknown
    try {
      readBibliographyFile(bytes, name)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: notABibliography(name).message })
  }

  const pdfs = ['articles', 'broken', 'scanned'].flatMap(dir => filesIn(`e2e/fixtures/pdf/${dir}`, /\.pdf$/))
  it.each(pdfs)('refuses the PDF %s', path => expectRefused(bytesOf(path), nameOf(path)))

  it('refuses a PDF even when it is named .bib', () => {
    expectRefused(bytesOf('e2e/fixtures/pdf/articles/hindawi_rrp_2010_157939.pdf'), 'library.bib')
  })

  it('refuses an empty file and a file of blank lines', () => {
    expectRefused(new Uint8Array(), 'empty.bib')
    expectRefused(new TextEncoder().encode('\n\n   \n'), 'blank.ris')
  })

  it('refuses a PNG image', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde
    ])
    expectRefused(png, 'figure.png')
  })

  it('refuses plain prose, even named .bib', () => {
    expectRefused(new TextEncoder().encode('Dear colleague,\nplease find the oxytocin data attached.\nBest, A.\n'), 'notes.bib')
  })

  it('refuses JSON and XML that hold no references (package.json, a PubMed efetch reply)', () => {
    expectRefused(bytesOf('package.json'), 'package.json')
    expectRefused(bytesOf('e2e/fixtures/pubmed/efetch/biopython_pubmed1_2records_KIE_season.xml'), 'pubmed.xml')
  })

  it('refuses an encoding it does not know, in a sentence', () => {
    expect(() => readBibliographyFile(new TextEncoder().encode('@misc{a, title={A}}'), 'a.bib', { encoding: 'klingon-8' })).toThrow(
      new ServiceError('INVALID_INPUT', '"klingon-8" is not a text encoding Neuroref knows.')
    )
  })
})
