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

  it('reads a UTF-8 file with one latin-1 line line by line, and names that line', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('title = {Miñarro}\r\n'),
      ...[0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0d, 0x0a],
      ...new TextEncoder().encode('Š\n')
    ])
    const { text, encoding, problems } = decodeBibliography(bytes)
    expect(text).toBe('title = {Miñarro}\nMüller\nŠ\n')
    expect(encoding).toBe('utf-8')
    expect(problems).toEqual([
      { line: 2, reason: 'This line is not valid UTF-8 like the rest of the file; it was read as Windows-1252 (check its accented letters).' }
    ])
  })

  it('names the first 20 such lines and counts the rest', () => {
    const latin = [0x4d, 0xfc, 0x0a]
    const bytes = new Uint8Array([...new TextEncoder().encode('Miñarro\n'), ...Array.from({ length: 25 }, () => latin).flat()])
    const { problems } = decodeBibliography(bytes)
    expect(problems).toHaveLength(21)
    expect(problems[20]).toEqual({ line: 22, reason: '5 more lines are not valid UTF-8; they were read as Windows-1252.' })
  })

  it('reads a file with no UTF-8 at all as windows-1252, without a problem per line', () => {
    expect(decodeBibliography(fixture('encoding/biber_encoding3_latin1.bib')).problems).toEqual([])
  })

  it('removes NUL bytes and says on which lines', () => {
    const bytes = new TextEncoder().encode('TY  - JOUR\nTI  - Oxy\0tocin\nER  - \0\0')
    const { text, problems } = decodeBibliography(bytes)
    expect(text).toBe('TY  - JOUR\nTI  - Oxytocin\nER  - ')
    expect(problems.map(p => [p.line, p.reason])).toEqual([
      [2, 'A NUL byte (an invisible control character, often left by a crash or a bad copy) was removed from this line.'],
      [3, '2 NUL bytes (invisible control characters, often left by a crash or a bad copy) were removed from this line.']
    ])
  })
})
