import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { formatBibliography } from './formats'
import { customStyleId, findStyle, listStyles, registerStyle } from './styles'
// The seed paper is shared with the other export tests.
import { seedPaper as seed } from './seed-paper.test-support'

const bundled = (name: string): string => readFileSync(`resources/csl/${name}`, 'utf8')

/** A bundled style renamed, as a researcher's own copy would be. */
function renamed(name: string, title: string, id: string): string {
  return bundled(name)
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
    .replace(/<id>[^<]*<\/id>/, `<id>${id}</id>`)
}

describe('citation styles', () => {
  it('offers the bundled styles by name, APA and Vancouver first', async () => {
    // as the app starts: the other tests' own styles, added to this module, are not there
    vi.resetModules()
    const { listStyles } = await import('./styles')
    const labels = listStyles().map(style => style.label)
    expect(labels.slice(0, 1)).toEqual(['APA 7th edition'])
    for (const label of [
      'Vancouver (NLM)',
      'Vancouver (AMA)',
      'Nature',
      'AMA 11th edition',
      'Cell',
      'Chicago (author-date)',
      'IEEE',
      'Elsevier Harvard',
      'The Journal of Neuroscience',
      'Neuropsychopharmacology',
      'NLM (citation-sequence)'
    ]) {
      expect(labels).toContain(label)
    }
    expect(listStyles().every(style => !style.custom)).toBe(true)
  })

  it('uses the language the style asks for (Nature: British English)', () => {
    expect(findStyle('nature')?.locale).toBe('en-GB')
    expect(findStyle('apa')?.locale).toBe('en-US')
    // a dependent style speaks its parent's language unless it says otherwise
    expect(findStyle('vancouver-ama')?.locale).toBe('en-US')
  })

  it('adds a researcher’s own .csl file, which then formats and is listed as their own', () => {
    const xml = renamed('apa.csl', 'My Lab APA', 'http://example.org/styles/my-lab-apa')
    const id = customStyleId(xml)
    expect(id).toMatch(/^custom-my-lab-apa-[a-z0-9]+$/)
    const style = registerStyle(id, xml)
    expect(style).toEqual({ id, label: 'My Lab APA', locale: 'en-US', namesLocale: false, custom: true })
    expect(listStyles().at(-1)).toEqual(style)
    expect(formatBibliography([seed], { style: id })).toBe(formatBibliography([seed], { style: 'apa' }))
    // adding the same file twice is harmless
    expect(registerStyle(id, xml)).toEqual(style)
  })

  it('a dependent style borrows its parent’s rules', () => {
    const xml = renamed('vancouver-nlm.csl', 'Journal of Peptide Stress', 'http://example.org/styles/j-peptide-stress')
    const style = registerStyle(customStyleId(xml), xml)
    expect(formatBibliography([seed], { style: style.id })).toBe(formatBibliography([seed], { style: 'nlm-citation-sequence' }))
  })

  it('refuses files that are not CSL styles, with a sentence', () => {
    expect(() => registerStyle('x', bundled('locales-en-GB.xml'))).toThrow(
      'This file is not a CSL citation style (a .csl file from citationstyles.org or the Zotero style repository).'
    )
    expect(() => registerStyle('x', 'title,author\nA,B\n')).toThrow('not a CSL citation style')
    expect(() => registerStyle('x', '<style><info><title>T</title><id>t</id></info></style>')).toThrow('not a CSL citation style')
    const endnote = readFileSync('e2e/fixtures/other/endnote-xml/jabref_endnote20_report.xml', 'utf8')
    expect(() => registerStyle('x', endnote)).toThrow('not a CSL citation style')
    expect(findStyle('x')).toBeUndefined()
  })

  it('refuses a dependent style whose parent Neuroref does not have', () => {
    const orphan = bundled('vancouver-nlm.csl').replace('styles/nlm-citation-sequence"', 'styles/harvard-cite-them-right"')
    expect(() => registerStyle('orphan', orphan)).toThrow(
      '“Vancouver - NLM (citation-sequence)” is a dependent style that uses the rules of harvard-cite-them-right, which Neuroref does not have. Add that style first.'
    )
  })

  it('never lets a different file replace a style under the same id', () => {
    expect(() => registerStyle('apa', renamed('apa.csl', 'Other', 'http://example.org/other'))).toThrow('A different citation style is already called “apa”.')
  })
})
