// A phrase is confirmed by looking for its words' codes as bytes in the papers' runs (word-runs.ts): a match must
// start where a code starts. With thousands of words, a word's code takes two bytes whose last can equal the one byte
// of the phrase's first word: that word followed by the phrase's second is not the phrase.
import { describe, expect, test } from 'vitest'
import type { Item } from '../model'
import { bareItem } from '../bare-item.test-support'
import { createSearchIndex } from './index'

const paper = (id: string, title: string): Item => bareItem(id, { type: 'article-journal', title })

/** A made-up word of letters alone, one for each number. */
const word = (n: number): string => 'zq' + [...n.toString(26)].map(c => String.fromCharCode(97 + parseInt(c, 26))).join('')

// every two-byte code (128 … 16,383) once, so whatever one-byte code "alpha" has, some word's code ends with its byte
const FILLERS = Array.from({ length: 16_500 }, (_, n) => word(n))

describe('phrases among thousands of words', () => {
  const index = createSearchIndex()
  index.add(paper('phrase', 'alpha beta oxytocin'))
  // alpha and beta both here, never in a row: each made-up word followed by beta
  index.add(paper('apart', ['alpha', ...FILLERS.flatMap(filler => [filler, 'beta'])].join(' ')))
  index.add(paper('after-long-code', `${FILLERS.at(-1)} alpha beta`))
  const reopened = createSearchIndex({ from: index.snapshot() })

  for (const [name, searched] of [
    ['as built', index],
    ['reopened', reopened]
  ] as const) {
    test(`a phrase is found only where its words stand in a row (${name})`, () => {
      expect(searched.search('"alpha beta"').sort()).toEqual(['after-long-code', 'phrase'])
      expect(searched.search('"alpha bet').sort()).toEqual(['after-long-code', 'phrase'])
      expect(searched.search('"beta oxytocin"')).toEqual(['phrase'])
      expect(searched.search('"alpha zqa"')).toEqual(['apart'])
      expect(searched.search(`"${FILLERS[5000]} beta"`)).toEqual(['apart'])
      expect(searched.search('"beta alpha"')).toEqual([])
    })
  }
})
