// Reading papers a field at a time, several queries sharing a paper's text,
// gives what the plain item-by-item reading (`matchesQuery`) gives: every
// query of the search benchmark's table and accented, Greek, marked-up and
// identifier queries, on a synthetic library with notes, with each abstract
// kept apart from the paper (as the window keeps it) or in it.
import { describe, expect, test } from 'vitest'
import { BENCH_QUERIES } from '../../../bench/queries'
import { createSyntheticLibrary } from '../../../bench/synthetic-library'
import type { Item } from '../model'
import { containsRun, matchesQuery } from './match'
import { PaperText, readsAs } from './paper-reading'
import { parseQuery } from './query'
import { tokenize } from './tokens'

const QUERIES = [
  ...BENCH_QUERIES,
  'mu opioid',
  'μ-opioid',
  '"alpha msh"',
  'h2o',
  'note:chapter',
  'abstract:"nucleus accumbens"',
  '-oxytocin',
  'doi:10.',
  'pmid:1',
  'type:review',
  'organism:',
  'year:2010-2020 -stress',
  'peptide:orexin',
  ''
]

const { items, notes } = createSyntheticLibrary(600, 11)
// markup and entities, which folding takes out before the words are split
const marked: Item = {
  ...items[0],
  id: 'marked',
  csl: { ...items[0].csl, title: 'H<sub>2</sub>O &amp; μ-opioid receptors', abstract: 'Effects of α-MSH in the <i>nucleus</i> accumbens' }
}
const library = [...items, marked]

const withoutAbstract = (item: Item): Item => ({ ...item, csl: { ...item.csl, abstract: undefined } })

describe('reading papers a field at a time', () => {
  test('answers every query as the item-by-item reading, the abstract in the paper or kept apart', () => {
    const papers = library.map(item => new PaperText(item, notes.get(item.id)))
    const apart = library.map(item => new PaperText(withoutAbstract(item), notes.get(item.id), () => item.csl.abstract))
    for (const text of QUERIES) {
      const query = parseQuery(text)
      const expected = library.filter(item => matchesQuery(query, item, notes.get(item.id))).map(item => item.id)
      // the same texts read for one query after another, as a pass reads them for every waiting query
      expect(
        library.filter((_, i) => readsAs(query, papers[i])).map(item => item.id),
        text
      ).toEqual(expected)
      expect(
        library.filter((_, i) => readsAs(query, apart[i])).map(item => item.id),
        text
      ).toEqual(expected)
    }
    // the table finds papers, and not all of them
    const found = library.filter((_, i) => readsAs(parseQuery('"oxytocin receptor"'), papers[i])).length
    expect(found).toBeGreaterThan(0)
    expect(found).toBeLessThan(library.length)
  })

  test('reads no abstract for a query whose clauses name other fields', () => {
    let read = 0
    const paper = new PaperText(withoutAbstract(items[1]), undefined, () => (read++, items[1].csl.abstract))
    for (const text of ['author:smith', 'journal:"j neurosci"', 'year:2015-2021', 'mesh:oxytocin', 'tag:review']) readsAs(parseQuery(text), paper)
    expect(read).toBe(0)
    // a word in no other field: the abstract is read, once for every query after
    readsAs(parseQuery('zzyzx'), paper)
    readsAs(parseQuery('"zzyzx oxytocin"'), paper)
    expect(read).toBe(1)
  })

  test('a word of a value is told as the value split into words tells it, by itself or as the start of a word', () => {
    // letters, digits, accents, Greek, ASCII and other separators, markup: where a quick look at the text could go wrong
    const pieces = ['ab', 'abc', 'b', 'ba', '12', 'é', 'É', 'μ', 'α', '-', ' ', '–', '’', '<i>', '&amp;', '_', 'x2', 'Ab', '·', '\u0301']
    let seed = 7
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const text = (length: number) => Array.from({ length }, () => pieces[next(pieces.length)]).join('')
    let found = 0
    for (let n = 0; n < 4000; n++) {
      const value = text(1 + next(12))
      const paper = new PaperText({ ...items[0], id: `p${n}` }, undefined)
      for (const word of tokenize(text(1 + next(3)))) {
        for (const prefix of [false, true]) {
          const expected = containsRun(tokenize(value), [word], prefix)
          expect(paper.holdsRun(value, [word], prefix), `${JSON.stringify(value)} ${word} ${prefix}`).toBe(expected)
          if (expected) found++
        }
      }
    }
    // the values held the word often enough to try the quick look (and lacked it more often)
    expect(found).toBeGreaterThan(500)
  })
})
