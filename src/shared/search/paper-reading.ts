// Reading papers against queries without the index, fast enough for a whole
// library: the same answers as `matchesQuery` (the reference), but a paper's
// field is worked out only when a clause reads it, once for every query read
// in the same pass (a qualifier never reads the abstract), and a value is
// split into words only when its folded text holds every word of the clause
// and, for a clause of one word, that word does not stand alone in it.
// At the first open of 100,000 papers, searches are read this way until the
// index is built: a query read every field and split every abstract, seconds
// of the window's idle time each.
import { fieldValue, itemYear, type NotesText, type SearchField, type SearchableItem } from './fields'
import { clauseFields, containsRun, identifierMatches } from './match'
import type { Clause, Query } from './query'
import { foldForSearch, isAsciiSeparator, wordsOfFolded } from './tokens'

/** One paper's searchable text, each field (and its folded text) worked out when first read. */
export class PaperText {
  private values = new Map<SearchField, string[]>()
  private folded = new Map<string, string>()

  /** `abstract`: the paper's abstract kept apart from its copy (read only if a clause reads abstracts) */
  constructor(
    readonly item: SearchableItem,
    private readonly notes: NotesText,
    private readonly abstract?: () => string | undefined
  ) {}

  field(field: SearchField): string[] {
    let values = this.values.get(field)
    if (!values) {
      const kept = field === 'abstract' ? this.abstract?.() : undefined
      values = kept ? [kept] : fieldValue(this.item, this.notes, field)
      this.values.set(field, values)
    }
    return values
  }

  /**
   * The words run in the value (as tokenize gives them), told without splitting it when its folded text lacks one of
   * them, or when one word stands alone in it (a query of one word, as each paper taken in during an import is read).
   */
  holdsRun(value: string, words: string[], prefix: boolean): boolean {
    let folded = this.folded.get(value)
    if (folded === undefined) this.folded.set(value, (folded = foldForSearch(value)))
    // every word of a value is a piece of its folded text
    for (const word of words) if (!folded.includes(word)) return false
    if (words.length === 1 && standsAlone(folded, words[0], prefix)) return true
    return containsRun(wordsOfFolded(folded), words, prefix)
  }
}

/**
 * Whether a word (a token: letters and digits only) stands in the folded text between ASCII separators or its ends —
 * or, with `prefix`, only after one: then the text's words (wordsOfFolded) hold it, or with `prefix` one starting with
 * it, without splitting the text (a piece between ASCII separators is one word, or its first word starts with it).
 * false says only that this quick look could not tell.
 */
function standsAlone(folded: string, word: string, prefix: boolean): boolean {
  if (!word) return false
  for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
    if (at > 0 && !isAsciiSeparator(folded.charCodeAt(at - 1))) continue
    const end = at + word.length
    if (prefix || end === folded.length || isAsciiSeparator(folded.charCodeAt(end))) return true
  }
  return false
}

function clauseHolds(clause: Clause, paper: PaperText): boolean {
  if (clause.kind === 'year') {
    const year = itemYear(paper.item)
    return year !== undefined && year >= clause.from && year <= clause.to
  }
  const { words, identifiers } = clauseFields(clause)
  for (const field of identifiers) if (paper.field(field).some(v => identifierMatches(v, clause.value, clause.prefix))) return true
  for (const field of words) if (paper.field(field).some(v => paper.holdsRun(v, clause.words, clause.prefix))) return true
  return false
}

/** Whether the paper satisfies the query: `matchesQuery`'s answer. */
export function readsAs(query: Query, paper: PaperText): boolean {
  return query.clauses.every(clause => clauseHolds(clause, paper) !== clause.exclude)
}
