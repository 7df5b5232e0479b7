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

/** The words of a plain text, in order. */
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
