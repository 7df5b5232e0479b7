// A reference list made without the lone papers' second rendering
// (citeproc-list-only.ts) is byte for byte the list citeproc as shipped writes,
// in every bundled style, on real, synthetic and deliberately ambiguous papers:
// the same family name with other given names, the same initials, the same
// author and year, names without a given name, institutions. And given-name
// disambiguation itself cannot be left out of a list: it decides the year
// suffixes.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Cite } from '@citation-js/core'
import { describe, expect, it } from 'vitest'
import { fixtureItems } from '../../main/services/pubmed/fixture-items.test-support'
import { createSyntheticLibrary } from '../../../bench/synthetic-library'
import type { ExportItem } from './bibtex-fields'
import { forListOnly } from './citeproc-list-only'
import { withCiteprocAsShipped } from './citeproc-shortcuts'
import { cslRecords } from './csl-items'
import { bibliographyOfRecords } from './formats'
import type { StyledOutput } from './file-types'
import { paperLike, seedPaper } from './seed-paper.test-support'
import { callsDuring } from './citeproc-calls.test-support'
import { findStyle, listStyles, registerStyle } from './styles'
import type { CslName } from '@shared/model'

const paper = paperLike

const person = (family: string, given?: string): CslName => (given === undefined ? { family } : { family, given })

/** Papers whose citations read alike, or almost: what given names, more names and year suffixes tell apart. */
function ambiguous(): ExportItem[] {
  return [
    paper('j-smith', [person('Smith', 'John')], 2020, 'Oxytocin and trust'),
    paper('k-smith', [person('Smith', 'Karen')], 2020, 'Vasopressin and trust'),
    paper('jane-smith', [person('Smith', 'Jane')], 2020, 'Orexin and trust'),
    paper('j-smith-again', [person('Smith', 'John')], 2020, 'Oxytocin and trust again'),
    paper('a-smith-2019', [person('Smith', 'Adam')], 2019, 'Galanin and feeding'),
    paper('smith-lee-kim', [person('Smith', 'John'), person('Lee', 'Ann'), person('Kim', 'Bo')], 2021, 'Three authors one'),
    paper('smith-park-kim', [person('Smith', 'John'), person('Park', 'Ji'), person('Kim', 'Bo')], 2021, 'Three authors two'),
    paper('smith-second', [person('Jones', 'Eve'), person('Smith', 'Zoe')], 2021, 'A Smith second'),
    paper('jones-2021', [person('Jones', 'Eve')], 2021, 'Jones alone'),
    paper('plato-1', [person('Plato')], 2000, 'Republic'),
    paper('plato-2', [person('Plato')], 2000, 'Laws'),
    paper('given-only', [{ given: 'Madonna' }], 2001, 'A given name only'),
    paper('who-1', [{ literal: 'World Health Organization' }], 2020, 'Report one'),
    paper('who-2', [{ literal: 'World Health Organization' }], 2020, 'Report two'),
    paper('van-der-berg', [person('van der Berg', 'Piet')], 2020, 'Kisspeptin one'),
    paper('berg', [person('Berg', 'Anna')], 2020, 'Kisspeptin two'),
    paper('lone-1', [person('Quixotic', 'Una')], 2018, 'A paper like no other'),
    paper('lone-2', [person('Zebrafish', 'Ulf'), person('Smith', 'John')], 2017, 'Another like no other'),
    paper('no-author', undefined, 2017, 'Smith'),
    paper('editor-only', undefined, 2021, 'An edited book', { editor: [person('Smith', 'Karen')], type: 'book' })
  ]
}

const list = cslRecords([seedPaper, ...fixtureItems(), ...ambiguous(), ...createSyntheticLibrary(150, 17).items])

/** Every bundled style, with its own language. */
const styles = listStyles().filter(style => !style.custom)

/** Small pieces, so the long-list path (pieces) runs where the style allows it, as well as the one-run path. */
const pieceSize = 40

describe('a reference list on its own', { timeout: 300_000 }, () => {
  it.each(styles.map(style => [style.id]))('in %s is byte for byte what citeproc as shipped writes', style => {
    const outputs: StyledOutput[] = style === 'apa' ? ['text', 'html', 'rtf'] : ['text']
    for (const output of outputs) {
      // in pieces where the style allows it, and without the skip or any other shortcut in one citeproc run
      const made = bibliographyOfRecords(list, { style, output, pieceSize })
      expect(made).toBe(withCiteprocAsShipped(() => bibliographyOfRecords(list, { style, output })))
    }
  })

  it('renders fewer citations in APA, Chicago and The Journal of Neuroscience, with the same text', () => {
    for (const style of ['apa', 'chicago-author-date', 'the-journal-of-neuroscience']) {
      const format = (): string => new Cite(list).format('bibliography', { template: style, lang: findStyle(style)?.locale, format: 'text' })
      const [withAll, all] = callsDuring('getAmbiguousCite', format)
      const [listOnly, fewer] = callsDuring('getAmbiguousCite', () => forListOnly(format))
      expect(listOnly).toBe(withAll)
      expect(fewer, style).toBeLessThan(all)
    }
  })

  it('in APA tells J. Smith and K. Smith (2020) apart by their initials, and John and Jane Smith (2020) by year suffixes', () => {
    const apa = bibliographyOfRecords(list, { style: 'apa', output: 'text' })
    expect(apa).toMatch(/^Smith, J\. \(2020a\)\. Orexin and trust\./m)
    expect(apa).toMatch(/^Smith, J\. \(2020b\)\. Oxytocin and trust\./m)
    expect(apa).toMatch(/^Smith, J\. \(2020c\)\. Oxytocin and trust again\./m)
    expect(apa).toMatch(/^Smith, K\. \(2020\)\. Vasopressin and trust\./m)
    // Why given-name disambiguation stays in a list on its own: without it, Karen Smith's paper would read 2020d.
    const xml = readFileSync(resolve(__dirname, '../../../resources/csl/apa.csl'), 'utf8')
    registerStyle(
      'apa-without-given-names',
      xml
        .replace('disambiguate-add-givenname="true"', 'disambiguate-add-givenname="false"')
        .replace(/<id>[^<]*<\/id>/, '<id>http://example.org/apa-without-given-names</id>')
    )
    expect(bibliographyOfRecords(list, { style: 'apa-without-given-names', output: 'text' })).toMatch(/^Smith, K\. \(2020[a-d]\)\. Vasopressin and trust\./m)
  })
})
