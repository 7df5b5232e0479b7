// Splits a title, abstract or keyword into words the peptide matcher can compare:
// markup removed, accents and case folded, Greek letters spelled out.

/** One word of a field, with what the matcher needs to compare it and to quote it. */
export interface Word {
  /** lower case, no accents, Greek spelled out: "β" → "beta", "Miñarro" → "minarro" */
  key: string
  /** the same word with its case kept, for abbreviations that must match case ("OT", "NPY") */
  cased: string
  start: number
  end: number
  /** true when a clause ends before this word (". ", "; ", " (" …): phrases never span it */
  breakBefore: boolean
}

const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  κ: 'kappa',
  μ: 'mu',
  µ: 'mu',
  ε: 'epsilon',
  ω: 'omega'
}
const GREEK_RE = /[αβγδκμµεω]/g

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' }

/**
 * Plain text of a field that may hold inline markup (`<i>`, `<sub>`, JATS) and
 * entities. A one-character or numeric sub/superscript joins its word
 * (CRF<sub>1</sub> → CRF1); other tags become spaces so words stay apart.
 */
export function plainText(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text
  return text
    .replace(/<(sub|sup)>\s*([0-9]{1,3}[A-Za-z]?|[A-Za-z])\s*<\/\1>/gi, '$2')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' '
      }
      return ENTITIES[name.toLowerCase()] ?? whole
    })
}

/** Case kept, accents removed, Greek spelled out. */
export function spellOut(word: string): string {
  if (/^[\x00-\x7f]*$/.test(word)) return word
  return word
    .replace(GREEK_RE, g => GREEK[g] ?? g)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
}

const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu
const CLAUSE_PUNCTUATION = /[.,;:!?()[\]{}]/

/** The words of a plain text, in order (the vocabulary's synonyms and short names; fields are read with a WordCursor). */
export function wordsOf(text: string): Word[] {
  const words: Word[] = []
  let previousEnd = 0
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index
    const gap = text.slice(previousEnd, start)
    const cased = spellOut(m[0])
    words.push({
      key: cased.toLowerCase(),
      cased,
      start,
      end: start + m[0].length,
      // "PYY(3-36)" and "Met(5)-enkephalin" keep their brackets inside one phrase;
      // "substance (P < 0.05)" and "substance. P" do not make "substance P".
      breakBefore: words.length > 0 && /\s/.test(gap) && CLAUSE_PUNCTUATION.test(gap)
    })
    previousEnd = start + m[0].length
  }
  return words
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const SPACE = /\s/
/** what a character is to the word splitter: part of a word, white space, clause punctuation (CLAUSE_PUNCTUATION), or none */
const IN_WORD = 1
const IS_SPACE = 2
const ENDS_CLAUSE = 4
const ASCII_KINDS = Uint8Array.from({ length: 128 }, (_, code) => kindOf(String.fromCharCode(code)))
/** by ASCII code: a word character's lower case (what asciiHash adds), 0 for a character that is no part of a word */
const ASCII_WORD_KEYS = Uint8Array.from(ASCII_KINDS, (kind, code) => (kind !== IN_WORD ? 0 : code >= 65 && code <= 90 ? code + 32 : code))
/** the kinds of the characters above ASCII met so far */
const otherKinds = new Map<number, number>()

function kindOf(char: string): number {
  if (WORD_CHAR.test(char)) return IN_WORD
  return (SPACE.test(char) ? IS_SPACE : 0) | (CLAUSE_PUNCTUATION.test(char) ? ENDS_CLAUSE : 0)
}

function kindOfCode(code: number): number {
  if (code < 128) return ASCII_KINDS[code]
  let kind = otherKinds.get(code)
  if (kind === undefined) otherKinds.set(code, (kind = kindOf(String.fromCodePoint(code))))
  return kind
}

/** The hash a WordCursor gives an ASCII word: of its lower case, so "NPY", "Npy" and "npy" share it. */
export function asciiHash(word: string): number {
  let hash = 0
  for (let p = 0; p < word.length; p++) {
    const code = word.charCodeAt(p)
    hash = (Math.imul(hash, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0
  }
  return hash
}

/** Words that are not ASCII (Greek letters, accented names) recur: each is spelled out once (a few hundred in a library; a bound for any text). */
class SpelledWords {
  private readonly spelled = new Map<string, string>()

  constructor(private readonly spell: (word: string) => string) {}

  of(word: string): string {
    let spelled = this.spelled.get(word)
    if (spelled === undefined) {
      if (this.spelled.size >= 10_000) this.spelled.clear()
      this.spelled.set(word, (spelled = this.spell(word)))
    }
    return spelled
  }
}

const spelledKeys = new SpelledWords(word => spellOut(word).toLowerCase())
const spelledCased = new SpelledWords(spellOut)

/** spellOut of a word that is not ASCII, kept for the next time it is met. */
export const spelledOut = (word: string): string => spelledCased.of(word)

/**
 * The words of a plain text one at a time, as wordsOf finds them, without
 * making a Word for each: the tagger reads every abstract, and most words
 * cannot start a phrase, which an ASCII word's hash tells without a string.
 */
export class WordCursor {
  /** the current word is text[start, end) */
  start = 0
  end = 0
  /** the current word is all ASCII, and `hash` is asciiHash of it */
  ascii = true
  hash = 0
  /** as Word.breakBefore */
  breakBefore = false
  /** a word came before the current one */
  private seen = false

  constructor(private readonly text: string) {}

  /** Moves to the next word; false when the text has no more. */
  next(): boolean {
    const text = this.text
    const length = text.length
    let p = this.end
    let space = false
    let punctuation = false
    for (;;) {
      if (p >= length) return false
      let code = text.charCodeAt(p)
      let kind: number
      if (code < 128) kind = ASCII_KINDS[code]
      else {
        if (code >= 0xd800 && code <= 0xdbff) code = text.codePointAt(p)!
        kind = kindOfCode(code)
      }
      if (kind === IN_WORD) break
      if (kind === IS_SPACE) space = true
      else if (kind === ENDS_CLAUSE) punctuation = true
      p += code > 0xffff ? 2 : 1
    }
    this.start = p
    this.breakBefore = this.seen && space && punctuation
    let ascii = true
    let hash = 0
    // the word's characters: an ASCII one's lower case from one table, which also says where the word ends
    while (p < length) {
      const code = text.charCodeAt(p)
      if (code < 128) {
        const key = ASCII_WORD_KEYS[code]
        if (key === 0) break
        hash = (Math.imul(hash, 31) + key) | 0
        p++
      } else {
        const point = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(p)! : code
        if (kindOfCode(point) !== IN_WORD) break
        ascii = false
        p += point > 0xffff ? 2 : 1
      }
    }
    this.end = p
    this.ascii = ascii
    this.hash = hash
    this.seen = true
    return true
  }

  /** The current word as wordsOf gives it. */
  word(): Word {
    const cased = spellOut(this.text.slice(this.start, this.end))
    return { key: cased.toLowerCase(), cased, start: this.start, end: this.end, breakBefore: this.breakBefore }
  }

  /** The current word's key (Word.key): the words that are not ASCII recur (Greek letters, accented names), so each is spelled out once. */
  key(): string {
    return spelledKeys.of(this.text.slice(this.start, this.end))
  }

  /** Goes on after the word that ended at `end` (one this cursor has passed). */
  resumeAfter(end: number): void {
    this.end = end
  }
}
