// The import benchmarks' synthetic .ris and .nbib files have the shape of the
// real exports in e2e/fixtures (the tags those use, PubMed's line width and
// continuation lines), and read back as the same papers as the .bib.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import type { CslName } from '@shared/model'
import { IMPORT_MARK, syntheticBib } from './synthetic-bib'
import { syntheticNbib } from './synthetic-nbib'
import { syntheticRis } from './synthetic-ris'

const SIZE = 60
const read = (text: string, name: string) => readBibliographyFile(new TextEncoder().encode(text), name)

/** Every line of every real file in a fixture folder. */
function fixtureLines(folder: string): string[] {
  const dir = join(import.meta.dirname, '../e2e/fixtures', folder)
  return readdirSync(dir)
    .filter(name => !name.endsWith('.md'))
    .flatMap(name => readFileSync(join(dir, name), 'utf8').split(/\r?\n/))
}

/** An author as read: each format splits particles and corporate names its own way. */
const written = (names: CslName[] = []) => names.map(name => name.literal ?? [name['non-dropping-particle'], name.family, name.given].filter(Boolean).join(' '))

const tagsOf = (lines: string[], pattern: RegExp) => new Set(lines.map(line => pattern.exec(line)?.[1]).filter(tag => tag !== undefined))

describe('the synthetic files of the import benchmarks', () => {
  const bib = read(syntheticBib(SIZE), 'imported.bib').records

  it('RIS: the tags of real RIS exports, and the .bib papers', () => {
    const text = syntheticRis(SIZE)
    const realTags = tagsOf(fixtureLines('ris'), /^([A-Z][A-Z0-9]) {1,2}-/)
    expect([...tagsOf(text.split('\r\n'), /^([A-Z][A-Z0-9]) {2}-/)].filter(tag => !realTags.has(tag))).toEqual([])
    const { format, records, problems } = read(text, 'imported.ris')
    expect({ format, records: records.length, problems }).toEqual({ format: 'ris', records: SIZE, problems: [] })
    expect(records.map(r => [r.csl.title, written(r.csl.author), r.csl['container-title'], r.csl.abstract, r.keywords])).toEqual(
      bib.map(r => [r.csl.title, written(r.csl.author), r.csl['container-title'], r.csl.abstract, r.keywords])
    )
  })

  it('MEDLINE: the tags, width and continuation lines of PubMed downloads, and the .bib papers with what PubMed adds', () => {
    const text = syntheticNbib(SIZE)
    const lines = text.split('\n')
    const real = fixtureLines('pubmed/medline_nbib')
    // GR: PubMed writes a grant line per grant; no fixture's paper had one
    const realTags = new Set([...tagsOf(real, /^([A-Z][A-Z0-9]{1,3}) *- /), 'GR'])
    expect([...tagsOf(lines, /^([A-Z][A-Z0-9]{1,3}) *- /)].filter(tag => !realTags.has(tag))).toEqual([])
    // PubMed's lines: at most 87 characters bar a long word, continued after six spaces
    expect(lines.filter(line => line.length > 87)).toEqual([])
    expect(lines.filter(line => line && !/^[A-Z][A-Z0-9]{1,3} *- |^ {6}\S/.test(line))).toEqual([])
    expect(lines.filter(line => line.startsWith('      ')).length).toBeGreaterThan(SIZE * 10)

    const { format, records, problems } = read(text, 'imported.nbib')
    expect({ format, records: records.length, problems }).toEqual({ format: 'nbib', records: SIZE, problems: [] })
    expect(records.map(r => [r.csl.title, written(r.csl.author), r.csl['container-title'], r.csl.abstract, r.keywords])).toEqual(
      bib.map(r => [`${r.csl.title}.`, written(r.csl.author), r.csl['container-title'], `${r.csl.abstract}.`, r.keywords])
    )
    expect(records.every(r => r.pmid && r.doi && r.csl.title?.includes(IMPORT_MARK) && r.publicationTypes?.length)).toBe(true)
    expect(records.some(r => r.mesh?.some(heading => heading.qualifiers.length) && r.authorDetails?.length && r.chemicals?.length && r.grants?.length)).toBe(
      true
    )
  })
})
