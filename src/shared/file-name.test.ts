import { describe, expect, it } from 'vitest'
import { safeFileName } from './file-name'

const pdf = { extension: '.pdf', fallback: 'document.pdf', maxLength: 150 }

describe('safeFileName', () => {
  it('keeps only the last path segment, so a name never becomes a path', () => {
    expect(safeFileName('../../etc/passwd', { fallback: 'export.bib' })).toBe('passwd')
    expect(safeFileName('C:\\Users\\x\\refs.bib', { fallback: 'export.bib' })).toBe('refs.bib')
    expect(safeFileName('..', { fallback: 'export.bib' })).toBe('export.bib')
    expect(safeFileName('', { fallback: 'export.bib' })).toBe('export.bib')
    expect(safeFileName(undefined, { fallback: 'export.bib' })).toBe('export.bib')
  })

  it('drops control and reserved characters, hidden-file dots and trailing dots, and keeps accents', () => {
    expect(safeFileName('.hidden.pdf', pdf)).toBe('hidden.pdf')
    expect(safeFileName('Oxytocin  and\tstress', pdf)).toBe('Oxytocin and stress.pdf')
    expect(safeFileName('a<b>:c"d|e?f*g\u0000.bib', { fallback: 'x.bib' })).toBe('a b c d e f g .bib')
    expect(safeFileName('Miñarro 2019 . ', { fallback: 'x' })).toBe('Miñarro 2019')
    expect(safeFileName('CON.bib', { fallback: 'x.bib' })).toBe('_CON.bib')
  })

  it('adds the extension when missing, keeps it in any case, and bounds the length', () => {
    expect(safeFileName('Chapter 2', { extension: '.bib', fallback: 'references.bib' })).toBe('Chapter 2.bib')
    expect(safeFileName('Chapter 2.BIB', { extension: '.bib', fallback: 'references.bib' })).toBe('Chapter 2.BIB')
    expect(safeFileName('notes.txt', { extension: '.bib', fallback: 'references.bib' })).toBe('notes.txt.bib')
    const long = safeFileName(`${'x'.repeat(300)}.PDF`, pdf)
    expect(long).toHaveLength(150)
    expect(long.endsWith('x.PDF')).toBe(true)
    expect(safeFileName('y'.repeat(300), { fallback: 'export.bib' })).toHaveLength(120)
  })
})
