// @string abbreviations as Neuroref expands them before citation-js reads an
// entry: BibTeX's meaning kept, limits and names added.
import { describe, expect, it } from 'vitest'
import { parseBibtex } from './bibtex'
import { FIELD_LIMIT } from './limits'

const titleOf = (text: string) => parseBibtex(text).records[0]?.csl.title

describe('@string expansion', () => {
  it('expands a chain, a concatenation and a built-in month, whatever the case of the name', () => {
    const { records, problems } = parseBibtex(`@string{J = "Journal of"}
@STRING{jn = j # " Neuroendocrinology"}
@article{a, title = JN # { (2020)}, journal = jn, year = 2020, month = jan}`)
    expect(problems).toEqual([])
    expect(records[0].csl).toMatchObject({ title: 'Journal of Neuroendocrinology (2020)', 'container-title': 'Journal of Neuroendocrinology' })
    expect(records[0].csl.issued).toEqual({ 'date-parts': [[2020, 1]] })
  })

  it('uses the definition in force where a name is used, and one defined further down when there is none above', () => {
    const text = `@article{early, title = peptide}
@string{peptide = "Oxytocin"}
@article{middle, title = peptide}
@string{peptide = "Vasopressin"}
@article{late, title = peptide}`
    expect(parseBibtex(text).records.map(r => r.csl.title)).toEqual(['Oxytocin', 'Oxytocin', 'Vasopressin'])
  })

  it('keeps LaTeX and braces of a macro for citation-js, and line numbers of later syntax errors', () => {
    const { records, problems } = parseBibtex(`@string{m = "M{\\"u}ller and
{NPY}"}
@article{a,
  title = m,
  journal = {X} year = 2020
}`)
    expect(records).toEqual([])
    expect(problems).toEqual([
      { line: 3, entry: 'a', reason: 'The entry could not be read: a BibTeX syntax error near line 5 (often a missing comma or brace).' }
    ])
    expect(titleOf('@string{m = "M{\\"u}ller and {NPY}"}\n@article{a, title = m}')).toBe('Müller and NPY')
  })

  it('names a name used inside a @string that nothing defines, at the @string', () => {
    const { records, problems } = parseBibtex('\n@string{jn = "J. " # missing}\n@article{a, title = jn}')
    expect(records[0].csl.title).toBe('J.')
    expect(problems).toEqual([{ line: 2, reason: 'The @string abbreviation "jn" uses "missing", which the file does not define; it was read as empty.' }])
  })

  it('names a macro defined through itself once, however many entries use it', () => {
    const { problems } = parseBibtex('@string{loop = "x" # loop}\n@article{a, title = loop}\n@article{b, title = loop}')
    expect(problems.map(p => p.reason)).toEqual([
      'The @string abbreviation "loop" is defined through itself (loop → loop), so it was read as empty.',
      'The title field uses an @string abbreviation defined through itself (loop → loop); it was read as empty.',
      'The title field uses an @string abbreviation defined through itself (loop → loop); it was read as empty.'
    ])
  })

  it('keeps a field of exactly the limit and leaves out one character more', () => {
    const half = 'a'.repeat(FIELD_LIMIT / 2)
    const fits = parseBibtex(`@string{h = "${half}"}\n@article{a, title = h # h}`)
    expect(fits.problems).toEqual([])
    expect(fits.records[0].csl.title).toHaveLength(FIELD_LIMIT)
    const over = parseBibtex(`@string{h = "${half}"}\n@article{a, title = h # h # "b", year = 2020}`)
    expect(over.records[0].csl.title).toBeUndefined()
    expect(over.records[0].csl.issued).toEqual({ 'date-parts': [[2020]] })
    expect(over.problems[0].reason).toBe(
      'The title field would be 1,000,001 characters long with its @string abbreviations expanded (Neuroref keeps up to 1,000,000 characters per field), so it was left out.'
    )
  })

  it('stops expanding when a whole file would grow past 16 million characters, and says so for each field left out', () => {
    const big = 'a'.repeat(FIELD_LIMIT)
    const entries = Array.from({ length: 20 }, (_, i) => `@article{e${i}, title = big, year = 2020}`).join('\n')
    const { records, problems } = parseBibtex(`@string{big = "${big}"}\n${entries}`)
    expect(records).toHaveLength(20)
    expect(records.filter(r => r.csl.title)).toHaveLength(16)
    expect(problems).toHaveLength(4)
    expect(problems[0].reason).toBe(
      "The title field was left out: this file's @string abbreviations expand to more than 16,000,000 characters in all, and Neuroref stops expanding there."
    )
  })

  it('reads a title nested 100 braces deep, the most it allows', () => {
    expect(titleOf(`@article{a, title = ${'{'.repeat(100)}Oxytocin${'}'.repeat(100)}}`)).toBe('Oxytocin')
  })

  it('expands a chain of 20,000 macros without running out of stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => `@string{m${i + 1} = m${i} # "."}`).join('\n')
    expect(titleOf(`@string{m0 = "x"}\n${chain}\n@article{a, title = m20000}`)).toBe(`x${'.'.repeat(20_000)}`)
  })
})
