// How search sees text: folded (case, accents, Greek letters spelled out) and
// split into words. The index and the query parser must agree on this.
import { foldText } from '../text'
import { FNV_START, fnvStep, mixed } from './word-table'

// Letters NFD does not decompose, and Greek letters researchers type as words
// ("mu opioid" must find "μ-opioid").
const SPELLED: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  µ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  þ: 'th'
}
const SPELLED_RE = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'g')

// Inline markup inside a word (H<sub>2</sub>O) must not split it.
const INLINE_TAG = /<\/?(?:i|b|em|strong|u|sub|sup|sc|span)\b[^>]*>/gi
const NON_ASCII = /[^\x00-\x7f]/
const ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/** Lower case, no accents, Greek spelled out: what both index and query compare. */
export function foldForSearch(text: string): string {
  // Each pass is skipped when it has nothing to do: folding is most of a phrase check's cost.
  let t = text
  if (t.includes('<')) t = t.replace(INLINE_TAG, '')
  if (t.includes('&')) t = t.replace(/&(?:amp|lt|gt|quot|#39);/g, e => ENTITY[e])
  t = foldText(t)
  return NON_ASCII.test(t) ? t.replace(SPELLED_RE, c => SPELLED[c]) : t
}

const SEPARATORS = /[^\p{L}\p{N}]+/u

/** The folded words of a text, in order (repeats kept: phrases need positions). */
export function tokenize(text: string): string[] {
  return wordsOfFolded(foldForSearch(text))
}

const ASCII_SEPARATORS = /[\x00-\x2f\x3a-\x60\x7b-\x7f]+/

/** Whether a character code is one of ASCII_SEPARATORS' (in a folded text: any ASCII but a-z and 0-9), read without a regular expression. */
export const isAsciiSeparator = (code: number): boolean => code < 128 && !((code >= 97 && code <= 122) || (code >= 48 && code <= 57))

/** The words of a text already folded (`foldForSearch`), in order. */
export function wordsOfFolded(folded: string): string[] {
  // Splitting on ASCII separators first is several times faster than a Unicode
  // split; only the rare pieces with other characters need the full rule.
  const words: string[] = []
  for (const piece of folded.split(ASCII_SEPARATORS)) {
    if (piece.length === 0) continue
    if (!NON_ASCII.test(piece)) words.push(piece)
    else for (const w of piece.split(SEPARATORS)) if (w.length > 0) words.push(w)
  }
  return words
}

/**
 * The words `wordsOfFolded` gives, in order, for building an index: a stretch of ASCII letters and digits (what
 * ASCII_SEPARATORS leaves) is handed over as where it starts and ends with its hash (word-table.ts), so the index looks
 * it up without cutting a string; only the rare stretches holding other characters are split by the full rule and
 * handed over as strings. Queries and reading keep the split: for a few texts it is as fast and simpler.
 */
export function forEachWordOfFolded(folded: string, ascii: (start: number, end: number, hash: number) => void, other: (word: string) => void): void {
  let start = -1
  let hash = FNV_START
  let plain = true
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 0
    if (!isAsciiSeparator(c)) {
      if (start < 0) {
        start = i
        hash = FNV_START
        plain = true
      }
      if (c < 128) hash = fnvStep(hash, c)
      else plain = false
    } else if (start >= 0) {
      if (plain) ascii(start, i, mixed(hash))
      else for (const word of folded.slice(start, i).split(SEPARATORS)) if (word.length > 0) other(word)
      start = -1
    }
  }
}
