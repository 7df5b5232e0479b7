// The citation markers a researcher types in a manuscript, found in a
// paragraph's text: pandoc's [@key; see @other, p. 12], identifier markers
// [PMID:…] [PMCID:…] [doi:…], and scannable cites {Author et al., 2021, p. 4}.
// "[bibliography]" marks where the reference list goes.

import { isIdentifierValue } from '../identifiers'

/** Which paper a cited item names, before it is looked up. */
export type CitedRef =
  | { kind: 'key'; key: string }
  | { kind: 'pmid' | 'pmcid' | 'doi'; value: string }
  | { kind: 'scannable'; author: string; secondAuthor?: string; etAl: boolean; year: string; yearSuffix?: string }

export interface CitedItem {
  ref: CitedRef
  prefix?: string
  suffix?: string
  locator?: string
  /** CSL locator label: page, chapter, section … */
  label?: string
  suppressAuthor?: boolean
}

export interface Marker {
  /** offsets in the paragraph text */
  start: number
  end: number
  text: string
  /** empty for the bibliography placeholder */
  items: CitedItem[]
  bibliography?: boolean
}

const LABELS: [RegExp, string][] = [
  [/^(?:p|pp|pg|pgs|page|pages)\.?$/i, 'page'],
  [/^(?:ch|chap|chaps|chapter|chapters)\.?$/i, 'chapter'],
  [/^(?:sec|secs|section|sections|§|§§)\.?$/i, 'section'],
  [/^(?:fig|figs|figure|figures)\.?$/i, 'figure'],
  [/^(?:para|paras|paragraph|paragraphs|¶|¶¶)\.?$/i, 'paragraph'],
  [/^(?:vol|vols|volume|volumes)\.?$/i, 'volume'],
  [/^(?:l|ll|line|lines)\.?$/i, 'line'],
  [/^(?:n|nn|note|notes)\.?$/i, 'note'],
  [/^(?:col|cols|column|columns)\.?$/i, 'column'],
  [/^(?:bk|bks|book|books)\.?$/i, 'book'],
  [/^(?:tab|tbl|table|tables)\.?$/i, 'table'],
  [/^(?:eq|eqs|equation|equations)\.?$/i, 'equation'],
  [/^(?:suppl|supplement)\.?$/i, 'supplement']
]

const LOCATOR_VALUE = String.raw`[0-9IVXLCDMivxlcdm]+[a-z]?(?:\s*[-–—]\s*[0-9IVXLCDMivxlcdm]+[a-z]?)?(?:\s*,\s*[0-9]+(?:\s*[-–—]\s*[0-9]+)?(?=\s*(?:,|$)))*`
const LOCATOR = new RegExp(String.raw`^\s*(?:([\p{L}§¶]+\.?)\s*)?(${LOCATOR_VALUE})(.*)$`, 'u')

/** ", p. 12, emphasis added" → locator 12 (page), suffix ", emphasis added". */
function readLocator(rest: string): Pick<CitedItem, 'locator' | 'label' | 'suffix'> {
  const text = rest.replace(/^\s*,/, '')
  const match = LOCATOR.exec(text)
  if (match) {
    const [, word, value, after] = match
    const label = word ? LABELS.find(([pattern]) => pattern.test(word))?.[1] : 'page'
    if (label) {
      const suffix = after.trim()
      return { locator: value.replace(/\s+/g, ''), label, suffix: suffix || undefined }
    }
  }
  const suffix = rest.trim()
  return { suffix: suffix || undefined }
}

const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?`
const PANDOC_ITEM = new RegExp(String.raw`^(.*?)(-?)@(?:\{([^}]+)\}|(${KEY}))(.*)$`, 'su')
const IDENTIFIER_ITEM = /^\s*(pmid|pmcid|doi)\s*:\s*(\S+?)\s*$/i

function readBracketItem(part: string): CitedItem | null {
  const identifier = IDENTIFIER_ITEM.exec(part)
  if (identifier) {
    const kind = identifier[1].toLowerCase() as 'pmid' | 'pmcid' | 'doi'
    let value = identifier[2]
    if (kind === 'pmcid') value = `PMC${value.replace(/^pmc/i, '')}`
    // the one pattern of each identifier (shared/identifiers.ts)
    if (!isIdentifierValue(kind, value)) return null
    return { ref: { kind, value } }
  }
  const match = PANDOC_ITEM.exec(part)
  if (!match) return null
  const [, before, minus, braced, plain, rest] = match
  // "@" inside an e-mail address is not a citation
  if (before && /[\p{L}\p{N}]$/u.test(before)) return null
  const prefix = before.trim()
  const item: CitedItem = { ref: { kind: 'key', key: braced ?? plain }, ...readLocator(rest) }
  if (prefix) item.prefix = prefix
  if (minus) item.suppressAuthor = true
  return item
}

const AUTHOR = String.raw`\p{Lu}[\p{L}'’\-. ]*?`
const SCANNABLE_ITEM = new RegExp(String.raw`^\s*(${AUTHOR})(?:\s+(?:&|and)\s+(${AUTHOR})|\s+(et\s+al\.?))?\s*,\s*(\d{4})([a-z])?(?:\s*,\s*(.+?))?\s*$`, 'u')

function readScannableItem(part: string): CitedItem | null {
  const match = SCANNABLE_ITEM.exec(part)
  if (!match) return null
  const [, author, second, etAl, year, yearSuffix, locator] = match
  const item: CitedItem = { ref: { kind: 'scannable', author: author.trim(), etAl: Boolean(etAl), year } }
  if (second && item.ref.kind === 'scannable') item.ref.secondAuthor = second.trim()
  if (yearSuffix && item.ref.kind === 'scannable') item.ref.yearSuffix = yearSuffix
  if (locator) {
    const read = readLocator(locator)
    if (!read.locator) return null
    Object.assign(item, read)
  }
  return item
}

function readItems(inner: string, readItem: (part: string) => CitedItem | null): CitedItem[] | null {
  const items: CitedItem[] = []
  for (const part of inner.split(';')) {
    const item = readItem(part)
    if (!item) return null
    items.push(item)
  }
  return items.length ? items : null
}

const BRACKETED = /\[([^[\]\n\t]{1,2000})\]|\{([^{}\n\t]{1,2000})\}/g

/** Every marker in a paragraph's text, in order. */
export function findMarkers(text: string): Marker[] {
  const markers: Marker[] = []
  for (const match of text.matchAll(BRACKETED)) {
    const start = match.index
    const end = start + match[0].length
    if (match[1] !== undefined) {
      if (/^\s*bibliography\s*$/i.test(match[1])) {
        markers.push({ start, end, text: match[0], items: [], bibliography: true })
        continue
      }
      // "[@key](url)" is a link, not a citation
      if (text[end] === '(') continue
      const items = readItems(match[1], readBracketItem)
      if (items) markers.push({ start, end, text: match[0], items })
    } else {
      const items = readItems(match[2], readScannableItem)
      if (items) markers.push({ start, end, text: match[0], items })
    }
  }
  return markers
}

/** The sentence around a marker, for the review list. */
export function sentenceAround(text: string, start: number, end: number): string {
  // the last sentence end before the marker, found backwards: a regex anchored at the end rescans the paragraph from every position
  let from = start
  while (from > 0 && !'.!?'.includes(text[from - 1])) from--
  const after = text.slice(end)
  const stop = after.search(/[.!?](\s|$)/)
  const sentence = text.slice(from, stop === -1 ? text.length : end + stop + 1).trim()
  return sentence.length > 400 ? `${sentence.slice(0, 397)}…` : sentence
}
