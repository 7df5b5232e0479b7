// Does one item satisfy a query? The plain, item-by-item reading of the query
// language: tests use it as the reference the index must agree with, and the
// window reads papers with it while the index is not there yet.
import { fieldValues, IDENTIFIER_FIELDS, itemYear, SEARCH_FIELDS, type FieldValues, type NotesText, type SearchField, type SearchableItem } from './fields'
import type { Query, TextClause } from './query'
import { foldForSearch, tokenize } from './tokens'

const WORD_FIELDS = SEARCH_FIELDS.filter(f => !IDENTIFIER_FIELDS.includes(f))

/** The fields a clause reads as words, and those it reads as whole identifiers. */
export function clauseFields(clause: TextClause): { words: SearchField[]; identifiers: SearchField[] } {
  if (!clause.field) return { words: clause.words.length ? WORD_FIELDS : [], identifiers: [...IDENTIFIER_FIELDS] }
  return IDENTIFIER_FIELDS.includes(clause.field) ? { words: [], identifiers: [clause.field] } : { words: [clause.field], identifiers: [] }
}

/** `words` appear one after another in `tokens` (the last may be a beginning when prefix). */
export function containsRun(tokens: string[], words: string[], prefix: boolean): boolean {
  const last = words.length - 1
  for (let start = 0; start + last < tokens.length; start++) {
    let k = 0
    while (k <= last) {
      const t = tokens[start + k]
      const ok = k === last && prefix ? t.startsWith(words[k]) : t === words[k]
      if (!ok) break
      k++
    }
    if (k > last) return true
  }
  return false
}

export function identifierMatches(value: string, wanted: string, prefix: boolean): boolean {
  // "doi:" alone names no identifier: it finds none (as the index), not every paper with a DOI
  if (!wanted) return false
  return prefix ? value.startsWith(wanted) : value === wanted
}

/** One text clause against an item's field values (ignoring `exclude`). */
function textClauseMatches(clause: TextClause, values: FieldValues): boolean {
  const { words, identifiers } = clauseFields(clause)
  for (const field of identifiers) {
    if (values[field].some(v => identifierMatches(v, clause.value, clause.prefix))) return true
  }
  for (const field of words) {
    if (values[field].some(v => containsRun(tokenize(v), clause.words, clause.prefix))) return true
  }
  return false
}

/** Every clause holds: included ones match, excluded ones do not. */
export function matchesQuery(query: Query, item: SearchableItem, notes?: NotesText): boolean {
  const values = fieldValues(item, notes)
  const year = itemYear(item)
  return query.clauses.every(clause => {
    const hit = clause.kind === 'year' ? year !== undefined && year >= clause.from && year <= clause.to : textClauseMatches(clause, values)
    return hit !== clause.exclude
  })
}

// Most library text is plain ASCII without markup: it can be searched as it
// is, case-insensitively. Anything else is folded first (never split into
// words: a regular expression over the folded text is several times faster).
const NEEDS_FOLDING = /[^\x00-\x25\x27-\x3b\x3d-\x7f]/

/**
 * A fast test for "these words stand next to each other in this text", with
 * the same answer as comparing its words. Built once per clause, run on many items.
 */
export function phraseFinder(words: string[], prefix: boolean): (text: string) => boolean {
  const ascii = words.every(w => /^[a-z0-9]+$/.test(w))
  const pattern = (letter: string) => `(?:^|[^${letter}])${words.join(`[^${letter}]+`)}${prefix ? '' : `(?![${letter}])`}`
  const plain = new RegExp(pattern('a-zA-Z0-9'), 'i')
  const folded = new RegExp(pattern('\\p{L}\\p{N}'), 'u')
  return text => (NEEDS_FOLDING.test(text) ? folded.test(foldForSearch(text)) : ascii && plain.test(text))
}
