import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseBibtex } from './bibtex'
import { decodeBibliography } from './decode'

const DIR = 'e2e/fixtures/bibtex'
const read = (path: string) => parseBibtex(decodeBibliography(new Uint8Array(readFileSync(`${DIR}/${path}`))).text)
const byKey = (path: string) => new Map(read(path).records.map(r => [r.citationKey, r]))

describe('parseBibtex on every BibTeX fixture', () => {
  // [file, records, problems]
  const expected: [string, number, number][] = [
    ['biber_crossrefs.bib', 46, 0],
    ['biber_names.bib', 38, 0],
    ['biblatex-examples.bib', 90, 3],
    ['citationjs_authors_non-ascii.bib', 1, 0],
    ['citationjs_biblatex-input.bib', 28, 0],
    ['citationjs_commands.bib', 5, 0],
    ['citationjs_string_and_preamble.bib', 1, 1], // the undefined macro "bar", named
    ['jabref_bibWithUserComments.bib', 2, 0],
    ['jabref_complex.bib', 20, 0],
    ['jabref_utf8-bom.bib', 2, 0],
    ['encoding/biber_encoding1_latin9.bib', 1, 0],
    ['encoding/biber_encoding3_latin1.bib', 1, 0],
    ['encoding/jabref_encoding-utf-16BE-with-header.bib', 1, 0],
    ['encoding/jabref_encoding-windows-1252-but-utf-8-declared.bib', 1, 0],
    ['encoding/jabref_encoding-windows-1252-with-header.bib', 1, 0],
    ['encoding/jabref_tiny-BE-noBOM.bib', 1, 0],
    ['encoding/jabref_tiny-LE-withBOM.bib', 1, 0],
    ['zotero/zotero_bibtex_accents_hungarian_caron.bib', 2, 0],
    ['zotero/zotero_bibtex_cern_quoted_math.bib', 1, 0],
    ['zotero/zotero_bibtex_crossref_emdash_space_before_brace.bib', 2, 0],
    ['zotero/zotero_bibtex_malformed_missing_comma_paths.bib', 6, 1],
    ['zotero/zotero_bibtex_markup_conversion.bib', 1, 0],
    ['zotero/zotero_bibtex_tilde_nbsp.bib', 1, 0],
    ['zotero/zotero_bibtex_weird_preamble_string_parens.bib', 1, 0]
  ]

  it('covers every .bib file in the fixture folders', () => {
    const files = ['', 'encoding/', 'zotero/'].flatMap(sub =>
      readdirSync(`${DIR}/${sub}`)
        .filter(f => f.endsWith('.bib'))
        .map(f => sub + f)
    )
    expect(expected.map(([file]) => file).sort()).toEqual(files.sort())
  })

  it.each(expected)('%s: %i records, %i problems', (file, records, problems) => {
    const result = read(file)
    expect(result.records).toHaveLength(records)
    expect(result.problems).toHaveLength(problems)
  })
})

describe('parseBibtex', () => {
  it('lists a malformed entry with its line and key, and imports the others', () => {
    const { records, problems } = read('zotero/zotero_bibtex_malformed_missing_comma_paths.bib')
    expect(problems[0]).toMatchObject({ line: 27, entry: 'mendeleyFilePaths2' })
    expect(problems[0].reason).toContain('could not be read')
    expect(records.map(r => r.citationKey)).toEqual([
      'zoteroFilePath1',
      'zoteroFilePaths2',
      'zoteroFilePaths3',
      'zoteroFilePaths4',
      'mendeleyFilePaths1',
      'citaviFilePaths1'
    ])
    expect(records[5].csl.title).toBe('Citavi: single attachment')
  })

  it('keeps an entry whose one field citation-js cannot read, and says which field was left out', () => {
    const { records, problems } = read('biblatex-examples.bib')
    expect(problems.map(p => [p.line, p.entry])).toEqual([
      [237, 'reese'],
      [1096, 'britannica'],
      [1362, 'cms']
    ])
    expect(problems[0].reason).toBe('The field "annotation" could not be read, so it was left out.')
    const reese = records.find(r => r.citationKey === 'reese')!
    expect(reese.csl.title).toBe('Georgia in Anglo-Spanish Diplomacy, 1736–1739')
    expect(reese.csl['container-title']).toBe('William and Mary Quarterly')
  })

  it('expands @string macros (biblatex-examples: jchph) and skips @set groups', () => {
    const entries = byKey('biblatex-examples.bib')
    expect(entries.get('kastenholz')!.csl['container-title']).toBe('J.\u00a0Chem. Phys.')
    expect(entries.get('kastenholz')!.csl.author![1]).toEqual({ family: 'Hünenberger', given: 'Philippe H.' })
    expect(entries.has('set')).toBe(false)
    expect(entries.has('stdmodel')).toBe(false)
  })

  it('expands @string with # concatenation and parentheses, after a %-commented @preamble', () => {
    const [book] = read('zotero/zotero_bibtex_weird_preamble_string_parens.bib').records
    expect(book.citationKey).toBe('sweig42')
    expect(book.csl.author).toHaveLength(2)
    expect(book.csl.title).toBe('The impossible TEL—book')
    expect(book.csl.issued).toEqual({ 'date-parts': [[1942, 3]] })
  })

  it('concatenates a defined and an undefined macro, names the undefined one, and ignores @preamble', () => {
    const { records, problems } = read('citationjs_string_and_preamble.bib')
    expect(records[0]).toMatchObject({ citationKey: 'b', csl: { title: 'Foobar' } })
    expect(problems).toEqual([
      { line: 5, entry: 'b', reason: 'The title field uses the @string abbreviation "bar", which the file does not define; it was read as empty.' }
    ])
  })

  it('inherits from a crossref parent defined after the child', () => {
    const entries = byKey('zotero/zotero_bibtex_crossref_emdash_space_before_brace.bib')
    const child = entries.get('author:06')!
    expect(child.csl.type).toBe('paper-conference')
    expect(child.csl['container-title']).toBe('Proceedings of the Xth Conference on XYZ')
    expect(child.csl.editor).toEqual([
      { given: 'First', family: 'Editor' },
      { given: 'Second', family: 'Editor' }
    ])
    expect(child.csl.issued).toEqual({ 'date-parts': [[2006, 10]] })
    expect(child.csl.page).toBe('330-331')
  })

  it('follows crossref chains, a parent book without author, and circular crossrefs (biber)', () => {
    const entries = byKey('biber_crossrefs.bib')
    const cr1 = entries.get('cr1')!
    expect(cr1.csl).toMatchObject({ type: 'chapter', title: 'Great and Good Graphs', 'container-title': 'Graphs of the Continent', publisher: 'Grimble' })
    expect(cr1.csl.editor).toEqual([{ given: 'Edgar', family: 'Erbriss' }])
    expect(cr1.csl.issued).toEqual({ 'date-parts': [[1974, 1]] })
    for (const key of ['circ1', 'circ2', 'circ3']) expect(entries.get(key)!.csl.issued).toEqual({ 'date-parts': [[1911]] })
  })

  it('turns LaTeX accents into Unicode: {\\ss}, {\\"u}, {\\H o}, {\\v{s}}, {\\\'{\\i}}', () => {
    const [zfs, mr] = read('zotero/zotero_bibtex_accents_hungarian_caron.bib').records
    expect(zfs.csl.author![1]).toEqual({ given: 'Moritz', family: 'Heß' })
    expect(zfs.csl['container-title']).toBe('Zeitschrift für Soziologie : ZfS')
    expect(mr.csl.title).toBe('Higher-order Erdős-Szekeres theorems')
    expect(mr.csl.author).toEqual([
      { given: 'Marek', family: 'Eliáš' },
      { given: 'Jiří', family: 'Matoušek' }
    ])
    expect(mr.doi).toBe('10.1016/j.aim.2013.04.020')
  })

  it('reads raw UTF-8, \\"o and {\\"o} as the same name', () => {
    const [entry] = read('citationjs_authors_non-ascii.bib').records
    const [, ...rest] = entry.csl.author!
    for (const name of rest) expect(name).toEqual({ given: 'Hermänñ', family: 'Helmhöltz', 'non-dropping-particle': 'von' })
  })

  it('keeps ~ as a non-breaking space and reads {\\~n} and \\~{n} as ñ', () => {
    const [entry] = read('zotero/zotero_bibtex_tilde_nbsp.bib').records
    expect(entry.csl.title).toBe('non-braking space: \u00a0; accented characters: ñ and ñ; tilde operator: \\~')
  })

  it('turns \\textit, \\textbf, math sub- and superscripts into markup or Unicode', () => {
    const [entry] = read('zotero/zotero_bibtex_markup_conversion.bib').records
    expect(entry.csl.title).toContain('Mitochondrial DNA₂ sequences')
    expect(entry.csl.title).toContain('(<i>Natrix cetti</i>) and <b>do not</b> support')
    expect(entry.csl['container-title']).toBe("Actes du 4<sup>ème</sup> Congrès Français d'Acoustique")
  })

  it('reads a double-quoted title with math over two lines (CERN)', () => {
    const [entry] = read('zotero/zotero_bibtex_cern_quoted_math.bib').records
    expect(entry.csl.title).toBe('Production of Σ⁰ Hyperon and Search of Σ⁰ Hypernuclei at LHC with ALICE')
  })

  it('reads commands in values: \\url, \\href, math', () => {
    const titles = read('citationjs_commands.bib').records.map(r => r.csl.title)
    expect(titles).toEqual(['url: https://example.org', 'href: https://example.org', 'ElsevierGlyph: —', 'unknown: \\unknown', 'Phi: Φ'])
  })

  it('takes the DOI out of a doi.org URL, lower-cased, and ignores jabref-meta comments', () => {
    const entries = byKey('jabref_complex.bib')
    expect(entries.get('1102917')!.doi).toBe('10.1007/s00779-005-0347-6')
    expect([...entries.keys()].some(key => key?.includes('jabref'))).toBe(false)
  })

  it('reads LaTeX accents next to user comments, @Comment blocks and free text (JabRef)', () => {
    const [, second] = read('jabref_bibWithUserComments.bib').records
    expect(second.csl.author!.map(a => a.family)).toEqual(['Boström', 'Wäyrynen', 'Bodén', 'Beznosov', 'Kruchten'])
  })

  it('reads the PMID from eprint + eprinttype = pubmed and splits keywords', () => {
    const entries = read('citationjs_biblatex-input.bib').records
    expect(entries.find(r => r.pmid)?.pmid).toBe('5500723')
    const tagged = entries.find(r => r.keywords?.includes('Ontologies'))!
    expect(tagged.keywords).toEqual(['Metadata', 'Metadata Management', 'Ontologies'])
  })

  it('skips entries commented out with % (biber names)', () => {
    const keys = [...byKey('biber_names.bib').keys()]
    expect(keys).not.toContain('L27')
    expect(keys).not.toContain('L28')
    expect(keys).toContain('L29')
  })

  it('imports an entry with an empty key without inventing one', () => {
    const [entry] = read('encoding/jabref_encoding-utf-16BE-with-header.bib').records
    expect(entry.citationKey).toBeUndefined()
    expect(entry.csl).toEqual({ type: 'article-journal', title: 'Ü ist ein Umlaut' })
  })

  it('reads latin-9 and latin-1 accents in keys and titles', () => {
    const [latin9] = read('encoding/biber_encoding1_latin9.bib').records
    expect(latin9).toMatchObject({ citationKey: 'testŠ', csl: { title: 'Šome title' } })
    const [latin1] = read('encoding/biber_encoding3_latin1.bib').records
    expect(latin1.csl.title).toBe('Söme title')
  })

  it('reads the same record from UTF-16 BE (no BOM) and UTF-16 LE (BOM)', () => {
    const [be] = read('encoding/jabref_tiny-BE-noBOM.bib').records
    const [le] = read('encoding/jabref_tiny-LE-withBOM.bib').records
    expect(be).toEqual(le)
    expect(be.doi).toBe('10.1136/vr.d6221')
    expect(be.csl.author![2]).toEqual({ given: 'G.', family: 'Galen', 'non-dropping-particle': 'van' })
  })

  it('reports a broken @string and an unclosed entry with their lines, keeping the rest', () => {
    const text = '@string{ok = {Fine}}\n@string{broken = {x}\n\n@article{a, title = ok}\n@article{b, title = {Open}\n@article{c, title = {Closed}}\n'
    const { records, problems } = parseBibtex(text)
    expect(records.map(r => [r.citationKey, r.csl.title])).toEqual([
      ['a', 'Fine'],
      ['c', 'Closed']
    ])
    expect(problems.map(p => [p.line, p.entry])).toEqual([
      [2, undefined],
      [5, 'b']
    ])
  })
})
