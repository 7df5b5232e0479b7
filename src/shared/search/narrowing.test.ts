// The index remembers its last answer and checks a narrower query only on the
// papers found before. Typed letter by letter, forwards and back, with edits
// in between, every keystroke must answer as the item-by-item reading does.
import { describe, expect, test } from 'vitest'
import { createSyntheticLibrary } from '../../../bench/synthetic-library'
import type { Item } from '../model'
import { createSearchIndex } from './index'
import { matchesQuery } from './match'
import { parseQuery } from './query'

const { items, notes } = createSyntheticLibrary(600, 5)

function expectLikeReading(answer: string[], query: string, papers: Item[]): void {
  const parsed = parseQuery(query)
  const expected = papers.filter(p => matchesQuery(parsed, p, notes.get(p.id))).map(p => p.id)
  expect([...answer].sort(), JSON.stringify(query)).toEqual(expected.sort())
}

/** Every keystroke of `text` typed (from its `from`-th letter), then deleted again, as the box sends them. */
function keystrokes(text: string, from = 1): string[] {
  const typed = Array.from({ length: text.length - from + 1 }, (_, n) => text.slice(0, from + n))
  return [...typed, ...typed.slice(0, -1).reverse()]
}

const TYPED = [
  '"nucleus accumbens" dopamine',
  'author:"de vries" stress',
  'journal:"j neurosci"',
  'kappa-opioid receptor',
  'stress -rat -mice',
  '-"social behavior" oxytocin',
  'year:2019 cocaine',
  '-year:1995 stress',
  'mesh:"receptors, opioid, kappa"',
  'oxytocin "social def'
]

describe('typing a search, keystroke after keystroke', () => {
  test.each(TYPED)('%s', text => {
    const index = createSearchIndex()
    for (const item of items) index.add(item, notes.get(item.id))
    for (const query of keystrokes(text)) expectLikeReading(index.search(query), query, items)
  })

  test('doi:10.1000/np', () => {
    const index = createSearchIndex()
    for (const item of items) index.add(item, notes.get(item.id))
    for (const query of keystrokes('doi:10.1000/np')) expectLikeReading(index.search(query), query, items)
  })

  test('a paper edited between two keystrokes is found by what it says now', () => {
    const index = createSearchIndex()
    for (const item of items) index.add(item, notes.get(item.id))
    let papers = items
    const text = '"nucleus accumbens" orexin'
    keystrokes(text).forEach((query, n) => {
      if (n % 5 === 2) {
        const edited = { ...papers[n], csl: { ...papers[n].csl, title: `Orexin in the nucleus accumbens, part ${n}` } }
        papers = papers.map(p => (p.id === edited.id ? edited : p))
        index.update(edited, notes.get(edited.id))
      }
      expectLikeReading(index.search(query), query, papers)
    })
  })

  test('within a list, the answer is limited to it and the next keystroke still answers for the whole library', () => {
    const index = createSearchIndex()
    for (const item of items) index.add(item, notes.get(item.id))
    const within = new Set(items.slice(0, 50).map(p => p.id))
    expectLikeReading(index.search('"nucleus accumbens"', { within }), '"nucleus accumbens"', items.slice(0, 50))
    expectLikeReading(index.search('"nucleus accumbens" d'), '"nucleus accumbens" d', items)
  })
})
