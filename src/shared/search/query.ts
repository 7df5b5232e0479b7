// The search box language: free words (all must match), "quoted phrases",
// -exclusions, field qualifiers (author:, year:2015-2021 …). The last word
// typed matches as a prefix, so results follow the typing.
import { identifierValue, isIdentifierField, type SearchField } from './fields'
import { tokenize } from './tokens'

/** Words (or one identifier) that must appear together, in one field or anywhere. */
export interface TextClause {
  kind: 'text'
  /** undefined: any field */
  field?: SearchField
  /** folded words; more than one must stand next to each other, in this order */
  words: string[]
  /** the whole value as an identifier (DOI, PMID, PMCID, citation key) */
  value: string
  /** the last word (or identifier) may be the beginning of a longer one */
  prefix: boolean
  exclude: boolean
}

/** Publication year between from and to, inclusive. */
export interface YearClause {
  kind: 'year'
  from: number
  to: number
  exclude: boolean
}

export type Clause = TextClause | YearClause

export interface Query {
  clauses: Clause[]
}

const QUALIFIERS: Record<string, SearchField> = {
  author: 'author',
  au: 'author',
  title: 'title',
  ti: 'title',
  year: 'year',
  journal: 'journal',
  abstract: 'abstract',
  keyword: 'keyword',
  kw: 'keyword',
  mesh: 'mesh',
  tag: 'tag',
  note: 'note',
  notes: 'note',
  doi: 'doi',
  pmid: 'pmid',
  pmcid: 'pmcid',
  key: 'citekey',
  citekey: 'citekey',
  peptide: 'peptide',
  type: 'type',
  pt: 'type',
  organism: 'organism'
}

const YEAR_MAX = 9999

/** year:2019, 2015-2021, 2015..2021, >2015, >=2015, <2000, <=2000, 2015- ; "201" while typing = 2010–2019. */
function parseYear(value: string, typing: boolean): { from: number; to: number } | undefined {
  const v = value.replace(/\s+/g, '')
  let m = /^(\d{4})$/.exec(v)
  if (m) return { from: +m[1], to: +m[1] }
  m = /^(\d{4})(?:-|–|\.\.)(\d{4})$/.exec(v)
  if (m) return { from: Math.min(+m[1], +m[2]), to: Math.max(+m[1], +m[2]) }
  m = /^(\d{4})(?:-|–|\.\.)$/.exec(v)
  if (m) return { from: +m[1], to: YEAR_MAX }
  m = /^(>=|>|<=|<)(\d{4})$/.exec(v)
  if (m) {
    const y = +m[2]
    if (m[1] === '>') return { from: y + 1, to: YEAR_MAX }
    if (m[1] === '>=') return { from: y, to: YEAR_MAX }
    if (m[1] === '<') return { from: 0, to: y - 1 }
    return { from: 0, to: y }
  }
  m = /^(\d{1,3})$/.exec(v)
  if (m && typing) {
    const scale = 10 ** (4 - m[1].length)
    return { from: +m[1] * scale, to: (+m[1] + 1) * scale - 1 }
  }
  return undefined
}

interface Piece {
  raw: string
  exclude: boolean
  qualifier?: string
  value: string
  quoted: boolean
  /** the user may still be typing it */
  open: boolean
}

/** Splits the box into pieces: [-][qualifier:](word | "phrase"). */
function pieces(text: string): Piece[] {
  const out: Piece[] = []
  let i = 0
  const n = text.length
  while (i < n) {
    while (i < n && /\s/.test(text[i])) i++
    if (i >= n) break
    const start = i
    let exclude = false
    if (text[i] === '-' && i + 1 < n && !/\s/.test(text[i + 1])) {
      exclude = true
      i++
    }
    let qualifier: string | undefined
    const q = /^([a-z]+):(?=[^\s])/i.exec(text.slice(i))
    if (q && QUALIFIERS[q[1].toLowerCase()]) {
      qualifier = q[1].toLowerCase()
      i += q[0].length
    }
    let value: string
    let quoted = false
    let open: boolean
    if (text[i] === '"') {
      quoted = true
      const close = text.indexOf('"', i + 1)
      value = text.slice(i + 1, close < 0 ? n : close)
      i = close < 0 ? n : close + 1
      open = close < 0
    } else {
      const from = i
      while (i < n && !/\s/.test(text[i])) i++
      value = text.slice(from, i)
      open = i >= n
    }
    out.push({ raw: text.slice(start, i), exclude, qualifier, value, quoted, open })
  }
  return out
}

function textClause(piece: Piece, field: SearchField | undefined): TextClause | undefined {
  const words = field && isIdentifierField(field) ? [] : tokenize(piece.value)
  const value = identifierValue(field ?? 'doi', piece.value)
  if (words.length === 0 && (!value || (!field && !/[\p{L}\p{N}]/u.test(value)))) return undefined
  // Exclusions match whole words only: typing "-ra" on the way to "-rat" should not empty the list.
  const prefix = piece.open && !piece.exclude
  return { kind: 'text', field, words, value, prefix, exclude: piece.exclude }
}

export function parseQuery(text: string): Query {
  const clauses: Clause[] = []
  for (const piece of pieces(text)) {
    const field = piece.qualifier ? QUALIFIERS[piece.qualifier] : undefined
    if (field === 'year') {
      const range = parseYear(piece.value, piece.open)
      if (range) {
        clauses.push({ kind: 'year', ...range, exclude: piece.exclude })
        continue
      }
      // Not a year: read "year:abc" as plain words, like any unknown qualifier.
      const plain = textClause({ ...piece, value: `${piece.qualifier}:${piece.value}` }, undefined)
      if (plain) clauses.push(plain)
      continue
    }
    const clause = textClause(piece, field)
    if (clause) clauses.push(clause)
  }
  return { clauses }
}
