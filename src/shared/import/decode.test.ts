import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeBibliography } from './decode'

const fixture = (path: string) => new Uint8Array(readFileSync(`e2e/fixtures/bibtex/${path}`))

describe('decodeBibliography', () => {
  it('reads a latin-9 file named by its Emacs coding cookie (Š)', () => {
    const { text, encoding } = decodeBibliography(fixture('encoding/biber_encoding1_latin9.bib'))
    expect(encoding).toBe('iso-8859-15')
    expect(text).toContain('@BOOK{testŠ,')
    expect(text).toContain('TITLE = {Šome title}')
  })

  it('reads a latin-1 file (ö)', () => {
    const { text, encoding } = decodeBibliography(fixture('encoding/biber_encoding3_latin1.bib'))
    expect(encoding).toBe('windows-1252') // WHATWG reads latin-1 as its superset windows-1252
    expect(text).toContain('Söme title')
  })

  it('reads UTF-16 BE with a byte-order mark and old-Mac CR line endings', () => {
    const { text, encoding } = decodeBibliography(fixture('encoding/jabref_encoding-utf-16BE-with-header.bib'))
    expect(encoding).toBe('utf-16be')
    expect(text.startsWith('% Encoding: UTF-16BE\n\n@article{,\n')).toBe(true)
    expect(text).toContain('Ü ist ein Umlaut')
    expect(text).not.toContain('\r')
  })

  it('recognises UTF-16 BE without a byte-order mark from its NUL bytes', () => {
    const { text, encoding } = decodeBibliography(fixture('encoding/jabref_tiny-BE-noBOM.bib'))
    expect(encoding).toBe('utf-16be')
    expect(text).toContain('@STRING{ACM-ad = {New York, NY, USA}}')
  })

  it('reads UTF-16 LE with a byte-order mark', () => {
    const { text, encoding } = decodeBibliography(fixture('encoding/jabref_tiny-LE-withBOM.bib'))
    expect(encoding).toBe('utf-16le')
    expect(text.startsWith('% Encoding: UTF-16LE')).toBe(true)
  })

  it('follows a "% Encoding: windows-1252" header (°)', () => {
    const { text, encoding } = decodeBibliography(fixture('encoding/jabref_encoding-windows-1252-with-header.bib'))
    expect(encoding).toBe('windows-1252')
    expect(text).toContain('abstract = {25° C}')
  })

  it('falls back to windows-1252 when a file declares UTF-8 but is not', () => {
    const { text, encoding } = decodeBibliography(fixture('encoding/jabref_encoding-windows-1252-but-utf-8-declared.bib'))
    expect(encoding).toBe('windows-1252')
    expect(text).toContain('{Test\u00a0I. Last}')
  })

  it('drops a UTF-8 byte-order mark', () => {
    const { text, encoding } = decodeBibliography(fixture('jabref_utf8-bom.bib'))
    expect(encoding).toBe('utf-8')
    expect(text.startsWith('% Encoding: UTF-8')).toBe(true)
  })

  it('uses the encoding the user chose over what it detects', () => {
    const { text, encoding } = decodeBibliography(fixture('encoding/biber_encoding1_latin9.bib'), 'windows-1252')
    expect(encoding).toBe('windows-1252')
    expect(text).toContain('TITLE = {¦ome title}') // 0xA6 is Š in latin-9 but ¦ in windows-1252
  })

  it('refuses an encoding it does not know', () => {
    expect(() => decodeBibliography(new Uint8Array([65]), 'klingon-8')).toThrow('"klingon-8" is not a text encoding Neuroref knows.')
  })
})
