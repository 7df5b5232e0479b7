// The tagger reads fields with a WordCursor and PhraseTree.matchesIn instead of
// making a Word for every word: it must find exactly the words and phrases the
// word list did (wordsOf, then longestAt at each word), on the text of every
// fixture file and on generated text full of synonyms, Greek, accents,
// brackets, markup and characters outside the BMP.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PhraseTree, type PhraseMatch } from './phrases'
import { parsePeptideVocab } from './vocab'
import { fixtureTexts, generatedText } from './texts.test-support'
import { asciiHash, WordCursor, wordsOf, type Word } from './words'

const root = path.join(import.meta.dirname, '../../..')
const vocab = parsePeptideVocab(JSON.parse(fs.readFileSync(path.join(root, 'resources/vocab/neuropeptides.json'), 'utf8')))
const tree = new PhraseTree(vocab)

function cursorWords(text: string): Word[] {
  const cursor = new WordCursor(text)
  const words: Word[] = []
  while (cursor.next()) words.push(cursor.word())
  return words
}

/** what the tagger did before: longestAt at each word of the whole word list */
function wordListMatches(text: string): PhraseMatch[] {
  const words = wordsOf(text)
  const matches: PhraseMatch[] = []
  for (let i = 0; i < words.length;) {
    const match = tree.longestAt(words, i)
    if (!match) {
      i++
      continue
    }
    const start = words[i].start
    const end = words[match.end - 1].end
    // the key the tagger used to tell evidence apart (foldName of the quote)
    const keys = wordsOf(text.slice(start, end))
      .map(w => w.key)
      .join(' ')
    matches.push({ hits: match.hits, start, end, keys })
    i = match.end
  }
  return matches
}

describe('reading a field word by word', () => {
  const texts = [...fixtureTexts().map(({ text }) => text), ...Array.from({ length: 40 }, (_, seed) => generatedText(vocab, seed + 1, 2_000))]

  it('finds the words of every fixture file and of generated text as the word list does', () => {
    expect(texts.length).toBeGreaterThan(150)
    for (const text of texts) expect(cursorWords(text)).toEqual(wordsOf(text))
  })

  it('finds the same peptide names, at the same places', () => {
    let found = 0
    for (const text of texts) {
      const matches = tree.matchesIn(text)
      expect(matches).toEqual(wordListMatches(text))
      found += matches.length
    }
    // the texts do name peptides: the comparison is not of empty lists
    expect(found).toBeGreaterThan(1_000)
  })
})

describe('names whose words hash alike', () => {
  // "orelmvqp" and "abcnqlep" have the same asciiHash: the tree finds a word's phrase by that hash, then checks the word
  const named = (id: string, synonym: string) => ({
    id,
    name: synonym,
    label: synonym,
    kind: 'peptide' as const,
    family: 'test',
    receptorOf: null,
    mesh: [],
    synonyms: [synonym],
    ambiguous: [],
    genes: []
  })
  const alike = new PhraseTree({ ...vocab, entries: [named('first', 'orelmvqp'), named('second', 'abcnqlep')] })

  it('tags each by its own name', () => {
    expect(asciiHash('orelmvqp')).toBe(asciiHash('abcnqlep'))
    const found = alike.matchesIn('Abcnqlep, then orelmvqp; never orelmvqq.').map(m => [m.keys, m.hits.map(h => h.entry)])
    expect(found).toEqual([
      ['abcnqlep', [1]],
      ['orelmvqp', [0]]
    ])
  })
})
