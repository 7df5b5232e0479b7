import { describe, expect, test } from 'vitest'
import { foldText } from '../text'
import { foldForSearch, forEachWordOfFolded, isAsciiSeparator, tokenize, wordsOfFolded } from './tokens'
import { WordTable } from './word-table'

// Every kind of character the splitting rule treats apart: ASCII letters, digits and separators, accented and Greek
// letters, letters of other scripts, combining marks, a character past the 16-bit range (two char codes), NUL.
const PIECES = [
  'a',
  'z',
  'q',
  '0',
  '9',
  ' ',
  '-',
  '/',
  ':',
  '@',
  '[',
  '`',
  '{',
  '~',
  '\u007f',
  '\u0000',
  'é',
  'ñ',
  'ł',
  'σ',
  'ω',
  'ж',
  '中',
  '\u0301',
  '𝔸',
  '٣',
  '–',
  '·',
  '«'
]

/** A deterministic jumble of those characters, one string per seed. */
function jumble(seed: number): string {
  let state = seed * 2654435761
  let text = ''
  for (let n = 0; n < 40; n++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    text += PIECES[state % PIECES.length]
  }
  return text
}

describe('the words of a folded text', () => {
  test('are the stretches of letters and digits, whatever the characters around them, split or scanned for an index', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const folded = jumble(seed)
      const scanned: string[] = []
      forEachWordOfFolded(
        folded,
        (start, end) => scanned.push(folded.slice(start, end)),
        word => scanned.push(word)
      )
      expect(wordsOfFolded(folded)).toEqual(folded.split(/[^\p{L}\p{N}]+/u).filter(word => word.length > 0))
      expect(scanned).toEqual(wordsOfFolded(folded))
    }
  })

  test('are split at the same ASCII characters whether the text is split or read a character at a time', () => {
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code)
      // a separator splits 'a?b' into two words; any other character leaves one
      expect(isAsciiSeparator(code), `${code}`).toBe(wordsOfFolded(`a${char}b`).length === 2)
    }
  })

  test('come with hashes that find them in a table of words, given as where they start and end', () => {
    const table = new WordTable()
    const text = 'oxytocin receptor, μ-opioid; oxytocin 5-ht1a receptor ratón'
    const folded = foldForSearch(text)
    const found: string[] = []
    forEachWordOfFolded(
      folded,
      (start, end, hash) => {
        const place = table.find(folded, start, end, hash)
        found.push(place >= 0 ? `again ${table.words[place]}` : table.words[table.add(folded.slice(start, end), hash)])
      },
      word => found.push(`other ${word}`)
    )
    expect(found).toEqual(['oxytocin', 'receptor', 'mu', 'opioid', 'again oxytocin', '5', 'ht1a', 'again receptor', 'raton'])
    expect(table.findWord('receptor')).toBe(1)
    expect(table.findWord('recept')).toBe(-1)
  })

  test('outside ASCII stay whole words, split by the Unicode rule', () => {
    expect(tokenize('Москва–Пекин: 中文 α·β')).toEqual(['москва', 'пекин', '中文', 'alpha', 'beta'])
  })
})

describe('folding', () => {
  test('leaves unaccented Greek letters and the micro sign as they are under NFD, so they need no decomposing', () => {
    const kept = [0xb5, ...range(0x391, 0x3a1), ...range(0x3a3, 0x3a9), ...range(0x3b1, 0x3c9)].map(code => String.fromCharCode(code))
    for (const letter of kept) expect(letter.normalize('NFD')).toBe(letter)
  })

  test('spells Greek letters out and drops accents in one text', () => {
    expect(tokenize('Μ-Opioid and κ-opioid: ΣΟΦΙΑ, µg, β-Endorphin')).toEqual([
      'mu',
      'opioid',
      'and',
      'kappa',
      'opioid',
      'sigmaomicronphiiotaalpha',
      'mug',
      'beta',
      'endorphin'
    ])
    expect(foldText('Ἀθῆναι β-Miñarro')).toBe('αθηναι β-minarro')
  })
})

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, n) => from + n)
}
