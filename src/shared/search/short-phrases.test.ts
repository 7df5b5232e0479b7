// Phrases in authors, journals, titles, MeSH, keywords and tags: particles,
// apostrophes, diacritics, hyphens and initials. The index answers them from
// its word codes, so an index reopened from its saved form answers them
// without the papers' text, exactly as the plain item-by-item reading does.
import { describe, expect, test } from 'vitest'
import type { CslName, Item } from '../model'
import { bareItem } from '../bare-item.test-support'
import { createSearchIndex, type SearchIndex } from './index'
import { matchesQuery } from './match'
import { parseQuery } from './query'

function paper(id: string, author: CslName[], extra: Partial<Item['csl']> = {}, more: Partial<Item> = {}): Item {
  return bareItem(id, { type: 'article-journal', title: 'Oxytocin and social memory', author, ...extra }, more)
}

const PAPERS = [
  paper(
    'vries',
    [
      { given: 'J', 'non-dropping-particle': 'de', family: 'Vries' },
      { given: 'Ottavio', family: 'Brien' }
    ],
    {
      'container-title': 'The Journal of neuroscience',
      'container-title-short': 'J Neurosci'
    }
  ),
  paper('devries', [{ given: 'Anne C.', family: 'De Vries' }], { 'container-title-short': 'J. Neurosci. Methods' }),
  paper(
    'obrien',
    [{ given: 'Mary', family: "O'Brien" }, { literal: 'Oxytocin Consortium' }],
    { 'container-title-short': 'J Neuroendocrinol' },
    {
      tags: ['to read'],
      keywords: ['pair bonding']
    }
  ),
  paper(
    'muller',
    [
      { given: 'Käthe', family: 'Müller-Preis' },
      { given: 'Ludwig', 'dropping-particle': 'van', family: 'Beethoven' }
    ],
    {
      title: 'The μ-opioid receptor in pair-bonding voles',
      'container-title-short': 'Neurosci Lett'
    },
    { mesh: [{ descriptor: 'Receptors, Opioid, mu', majorTopic: false, qualifiers: [] }], tags: ['read'] }
  ),
  paper(
    'muller2',
    [
      { given: 'K', family: 'Muller' },
      { given: 'P', family: 'Preis' }
    ],
    { 'container-title-short': 'Biol Psychiatry' }
  )
]

const QUERIES = [
  'author:"de vries"',
  'author:"de vr',
  'author:"vries j"',
  'author:"j de vries"',
  'author:"anne c de vries"',
  'author:"vries anne"',
  '"de vries"',
  '-author:"de vries"',
  'author:"vries ottavio"',
  'author:"o\'brien"',
  'author:"o brien"',
  'author:"mary o"',
  'author:"oxytocin consortium"',
  'author:"müller-preis"',
  'author:"muller preis"',
  'author:"preis käthe"',
  'author:"ludwig van beethoven"',
  'author:"beethoven ludwig van"',
  'author:"van beethoven"',
  'journal:"j neurosci"',
  'journal:"j. neurosci."',
  'journal:"j neuro',
  'journal:"journal of neuroscience"',
  'journal:"neurosci lett"',
  '"j neurosci" -journal:"j neurosci methods"',
  'title:"mu opioid receptor"',
  'title:"μ-opioid"',
  'title:"pair-bonding"',
  '"pair bonding"',
  'keyword:"pair bonding"',
  'mesh:"opioid mu"',
  'mesh:"receptors opioid m',
  'tag:"to read"',
  '"social memory" author:"o\'brien"'
]

/** The plain reading of the query language, paper by paper. */
function reference(query: string, papers: Item[]): string[] {
  const parsed = parseQuery(query)
  return papers.filter(p => matchesQuery(parsed, p)).map(p => p.id)
}

function built(papers: Item[]): SearchIndex {
  const index = createSearchIndex()
  for (const p of papers) index.add(p)
  return index
}

const sorted = (ids: string[]) => [...ids].sort()

describe('phrases in short fields', () => {
  // Through the structured clone a save to IndexedDB makes; the reopened index is given no paper to read.
  const reopened = createSearchIndex({ from: structuredClone(built(PAPERS).snapshot()) })

  test.each([
    ['author:"de vries"', ['devries', 'vries']],
    ['author:"j de vries"', ['vries']],
    ['author:"o\'brien"', ['obrien']],
    ['author:"müller-preis"', ['muller']],
    ['author:"vries ottavio"', []],
    ['journal:"j neurosci"', ['devries', 'vries']],
    ['mesh:"opioid mu"', ['muller']]
  ])('%s, reopened without the papers', (query, expected) => {
    expect(sorted(reopened.search(query))).toEqual(expected)
  })

  test.each(QUERIES)('%s answers as the plain reading, built and reopened', query => {
    const expected = sorted(reference(query, PAPERS))
    expect(sorted(built(PAPERS).search(query))).toEqual(expected)
    expect(sorted(reopened.search(query))).toEqual(expected)
  })

  test('a paper edited after the index was reopened is found by its new names only', () => {
    const index = createSearchIndex({ from: structuredClone(built(PAPERS).snapshot()) })
    const renamed = paper('devries', [{ given: 'Anne', family: 'Vries-Brien' }], { 'container-title-short': 'J Neurosci' })
    index.update(renamed)
    const now = PAPERS.map(p => (p.id === renamed.id ? renamed : p))
    for (const query of [...QUERIES, 'author:"vries brien"', 'author:"anne vries"'])
      expect(sorted(index.search(query)), query).toEqual(sorted(reference(query, now)))
  })
})
