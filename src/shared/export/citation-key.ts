// Stable, readable citation keys (ferrerperez2021oxytocin), Better BibTeX style.
// A key is made once and kept: a new key never renames an existing one, it
// takes a suffix (a, b, … z, aa) when its plain form is already taken.
import type { CslFields, CslName, ReferenceRecord } from '../model'
import { foldText } from '../text'

const DEFAULT_KEY_PATTERN = '[auth][year][shorttitle1]'

/** Words a key skips when it picks title words. */
const STOP_WORDS = new Set(
  (
    'a an the on of in for and or nor but to with without from by at as is are was were be been into onto ' +
    'over under via vs versus its their this that these those than do does not no de la le el et und der die das'
  ).split(' ')
)

const LETTERS_ONLY = /^[A-Za-z0-9]*$/
const PAST_ASCII = /[^\x00-\x7f]/

/** Letters NFD cannot take apart (ø, ß, æ …) spelled in ASCII. */
const SPELLED: Record<string, string> = {
  ø: 'o',
  Ø: 'O',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i'
}

/** ASCII letters and digits only, case kept: "Ferrer-Pérez" → "FerrerPerez". */
function asciiWord(text: string): string {
  // most names are letters already: nothing to decompose or drop (a fifth of keying a MEDLINE import in the window)
  if (LETTERS_ONLY.test(text)) return text
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x00-\x7f]/g, char => SPELLED[char] ?? '')
    .replace(/[^A-Za-z0-9]/g, '')
}

/** Where a title is first cut (at the next space) to look for its first words: they are most often in its start. */
const TITLE_HEAD = 40

/**
 * The title's first `most` words in ASCII, markup and apostrophes dropped, stop words skipped: the words are picked up
 * one at a time until there are enough (splitting every title whole to keep its first word was a third of keying
 * 10,000 MEDLINE records, which bring no key of their own), from the title's start when it holds enough of them.
 * Cut at a space, the start reads as the start of the whole (each character folds on its own; a combining accent
 * follows no space away from its letter), unless markup may begin in it: folding whole titles was a third of keying.
 */
function significantWords(title: string | undefined, most = Infinity): string[] {
  const text = title ?? ''
  if (most !== Infinity && text.length > 2 * TITLE_HEAD) {
    const cut = text.indexOf(' ', TITLE_HEAD)
    const head = cut < 0 ? '' : text.slice(0, cut)
    if (head && !head.includes('<')) {
      const words = wordsIn(head, most)
      if (words.length === most) return words
    }
  }
  return wordsIn(text, most)
}

function wordsIn(title: string, most: number): string[] {
  const text = foldText(title.replace(/['’]/g, '')).replace(/[^\x00-\x7f]/g, char => SPELLED[char] ?? ' ')
  const words: string[] = []
  const runs = /[a-z0-9]+/g
  for (let run = runs.exec(text); run && words.length < most; run = runs.exec(text)) if (!STOP_WORDS.has(run[0])) words.push(run[0])
  return words
}

/** "World Health Organization" → "WHO"; a one-word institution keeps its name. */
function institutionLabel(literal: string): string {
  const words = literal.split(/\s+/).filter(word => !STOP_WORDS.has(word.toLowerCase()))
  if (words.length === 1) return asciiWord(words[0])
  return words
    .map(word => asciiWord(word)[0] ?? '')
    .join('')
    .toUpperCase()
}

function authorLabel(csl: CslFields): string {
  const first: CslName | undefined = csl.author?.[0] ?? csl.editor?.[0]
  if (!first) return 'anon'
  if (first.literal) return institutionLabel(first.literal) || 'anon'
  // "van der Berg" keys the same whether or not the source split off the particle
  const particle = first['non-dropping-particle']
  const family = particle && first.family ? `${particle} ${first.family}` : particle || first.family || ''
  return asciiWord(family || first.given || '') || 'anon'
}

function yearLabel(csl: CslFields): string {
  const year = csl.issued?.['date-parts']?.[0]?.[0]
  if (year !== undefined && /^\d{4}$/.test(String(year))) return String(year)
  return /\b\d{4}\b/.exec(`${csl.issued?.literal ?? csl.issued?.raw ?? ''}`)?.[0] ?? 'nd'
}

function journalLabel(csl: CslFields): string {
  const short = csl['container-title-short']
  if (typeof short === 'string' && short.trim()) return asciiWord(short).toLowerCase()
  const full = Array.isArray(csl['container-title']) ? csl['container-title'][0] : csl['container-title']
  return significantWords(typeof full === 'string' ? full : '')
    .map(word => word[0])
    .join('')
}

function tokenValue(token: string, csl: CslFields): string {
  switch (token) {
    case 'auth':
      return authorLabel(csl).toLowerCase()
    case 'Auth': {
      const label = authorLabel(csl)
      return label[0].toUpperCase() + label.slice(1)
    }
    case 'year':
      return yearLabel(csl)
    case 'shorttitle1':
      return significantWords(csl.title, 1).join('')
    case 'shorttitle3':
      return significantWords(csl.title, 3).join('')
    case 'journal':
      return journalLabel(csl)
    default:
      return ''
  }
}

/** Characters BibTeX, biber and LaTeX all accept in a key. */
export function cleanCitationKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_:.-]/g, '')
}

/** a … z, aa … az, ba … : the nth suffix (1-based), like spreadsheet columns. */
function suffix(n: number): string {
  let letters = ''
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters
  }
  return letters
}

/**
 * `base` if free, else base + a, b, …. `taken` holds the keys in use,
 * lower-cased: keys differing only in case count as taken (BibTeX ignores
 * case), and the lookup stays O(1) in a library of 100,000 keys.
 */
export function uniqueCitationKey(base: string, taken: ReadonlySet<string>): string {
  const isTaken = (key: string): boolean => taken.has(key.toLowerCase())
  if (!isTaken(base)) return base
  for (let n = 1; ; n++) {
    const candidate = base + suffix(n)
    if (!isTaken(candidate)) return candidate
  }
}

/**
 * A new key for an item from `pattern` ([auth], [Auth], [year], [shorttitle1],
 * [shorttitle3], [journal] and literal text), unique among `taken`.
 * Does not change `taken`: add the result yourself when you keep it.
 */
export function makeCitationKey(item: Pick<ReferenceRecord, 'csl'>, taken: ReadonlySet<string>, pattern: string = DEFAULT_KEY_PATTERN): string {
  let raw = ''
  for (const part of patternParts(pattern)) raw += typeof part === 'string' ? part : tokenValue(part.token, item.csl)
  const ascii = PAST_ASCII.test(raw) ? raw.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : raw
  return uniqueCitationKey(cleanCitationKey(ascii) || 'ref', taken)
}

/** A pattern's literal text and its [tokens] in order, read once (an import keys every paper with the same pattern). */
type PatternPart = string | { token: string }
let lastPattern: { pattern: string; parts: PatternPart[] } | undefined

function patternParts(pattern: string): PatternPart[] {
  if (lastPattern?.pattern === pattern) return lastPattern.parts
  const parts: PatternPart[] = []
  let from = 0
  for (const found of pattern.matchAll(/\[([A-Za-z0-9]+)\]/g)) {
    parts.push(pattern.slice(from, found.index), { token: found[1] })
    from = found.index + found[0].length
  }
  parts.push(pattern.slice(from))
  lastPattern = { pattern, parts }
  return parts
}
