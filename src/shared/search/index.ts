// The library's search index: kept in memory, updated item by item, and fast
// enough at 100,000 items to answer on every keystroke.
import type { Item } from '../model'
import { fieldValues, itemYear, SEARCH_FIELDS, isIdentifierField, type NotesText } from './fields'
import { clauseFields } from './match'
import { narrows } from './narrowing'
import { entryOf, FIELD_MASK, MAX_ITEMS, PostingLists, RESTORE_STEP, WORD_JOIN, type PostingsSnapshot } from './postings'
import { parseQuery, type Clause, type Query, type TextClause } from './query'
import { foldForSearch } from './tokens'
import { atOnce } from '../work-in-steps'
import { BREAK, WordRuns, type RunPhrase, type RunsSnapshot } from './word-runs'

export type { Query } from './query'
export { parseQuery } from './query'

export interface SearchOptions {
  /** only these item ids (the collection or list being looked at) */
  within?: ReadonlySet<string>
}

/** The index in a form that can be stored (IndexedDB) and sent to or from a worker: strings and typed arrays only. */
export interface IndexSnapshot {
  /** item ids joined by NUL, in item-number order */
  ids: string
  years: Uint16Array
  postings: PostingsSnapshot
  runs: RunsSnapshot
}

export interface IndexOptions {
  /** start from a saved index instead of an empty one */
  from?: IndexSnapshot
}

export interface SearchIndex {
  add(item: Item, notes?: NotesText): void
  update(item: Item, notes?: NotesText): void
  remove(id: string): void
  /** Ids of the items that match, in the order they were added (edited items move to the end). */
  search(query: Query | string, options?: SearchOptions): string[]
  readonly size: number
  /** distinct indexed words, for memory reports */
  readonly wordCount: number
  /** the live items only, renumbered, words sorted: what is saved */
  snapshot(): IndexSnapshot
}

/** The items' numbers in an index: whoever keeps its own list by number asks again when `version` changes. */
export interface ItemNumbers {
  of(id: string): number | undefined
  /**
   * The id of item number n (undefined: no such item, or removed). A list in about the index's order (by date added,
   * as the library is read and indexed) finds each paper's number by comparing its id with its neighbour's next number.
   */
  idAt(n: number): string | undefined
  /** how many numbers are given (those of removed items among them, until the index is tidied) */
  readonly count: number
  /** changes whenever a number is given or dropped (an item added, edited or removed; the index tidied) */
  readonly version: number
  /** Makes the numbers by id (`of`) a slice at a time (yield), if they are not made yet: made at once, 100,000 ids were a task of their own. */
  byIdInSteps(): Generator<void, void>
}

/** An index that can answer with marks by item number instead of ids, for a list of 100,000 papers walked at each keystroke. */
export interface NumberedIndex extends SearchIndex {
  /** `marks[n]` is 1 when item number n matches (removed items never do); kept for the next query, so not to be changed */
  marks(query: Query | string): Uint8Array
  readonly numbers: ItemNumbers
  /** Makes the items' numbers by id a slice at a time (yield), beforehand: a restored index makes them at their first use otherwise. */
  numbersByIdInSteps(): Generator<void, void>
}

const FIELD_NUMBER = new Map(SEARCH_FIELDS.map((f, i) => [f, i]))
const ENTRY_SHIFT = Math.log2(FIELD_MASK + 1)
const YEAR = SEARCH_FIELDS.indexOf('year')
const IS_IDENTIFIER = SEARCH_FIELDS.map(isIdentifierField)
// Renumber once removed items are a quarter of the index (and at least this many).
const COMPACT_AFTER = 1000

function maskOf(fields: readonly string[]): number {
  let mask = 0
  for (const f of fields) mask |= 1 << FIELD_NUMBER.get(f as never)!
  return mask
}

export function createSearchIndex(options: IndexOptions = {}): NumberedIndex {
  return atOnce(searchIndexInSteps(options))
}

/** The ids joined by NUL, split a few thousand at a time. */
function* splitIds(joined: string): Generator<void, string[]> {
  const ids: string[] = []
  if (joined === '') return ids
  let from = 0
  for (let at = joined.indexOf(WORD_JOIN); at >= 0; at = joined.indexOf(WORD_JOIN, from)) {
    ids.push(joined.slice(from, at))
    from = at + 1
    if (ids.length % RESTORE_STEP === 0) yield
  }
  ids.push(joined.slice(from))
  return ids
}

/**
 * The same index as `createSearchIndex`, pausing (yield) every few thousand
 * words or items while a saved one is restored: at 100,000 papers that is a
 * few hundred milliseconds, which the window runs in slices.
 */
export function* searchIndexInSteps(options: IndexOptions = {}): Generator<void, NumberedIndex> {
  const postings = new PostingLists()
  // Per internal item number. The words of every field but identifiers are
  // also kept in order, as word codes in `runs`, so a phrase is confirmed on
  // integers, never on the item's text.
  let ids: string[] = []
  let live = new Uint8Array(1024)
  let years: number[] = []
  const runs = new WordRuns()
  // each item's number by id: a restored index makes it at its first use (or beforehand, `numbersByIdInSteps`), not
  // while restored: 100,000 ids put in a Map were most of the restore, and the list's numbers are found without it
  let byId: Map<string, number> | undefined = options.from ? undefined : new Map()
  let makingById: Generator<void, Map<string, number>> | undefined
  const numberOf = (): Map<string, number> => (byId ??= atOnce((makingById ??= numbersById())))
  const numbers = {
    of: (id: string) => numberOf().get(id),
    idAt: (n: number) => (live[n] === 1 ? ids[n] : undefined),
    get count() {
      return ids.length
    },
    version: 0,
    byIdInSteps: () => numbersByIdInSteps()
  }
  let removed = 0

  function* numbersById(): Generator<void, Map<string, number>> {
    const made = new Map<string, number>()
    for (let n = 0; n < ids.length; n++) {
      if (live[n]) made.set(ids[n], n)
      if (n % RESTORE_STEP === RESTORE_STEP - 1) yield
    }
    return made
  }

  function* numbersByIdInSteps(): Generator<void, void> {
    makingById ??= numbersById()
    while (!byId) {
      const step = makingById.next()
      if (step.done) byId = step.value
      else yield
    }
  }

  function setLive(n: number, value: 0 | 1): void {
    if (n >= live.length) {
      const grown = new Uint8Array(Math.max(live.length * 2, n + 1))
      grown.set(live)
      live = grown
    }
    live[n] = value
  }

  if (options.from) {
    const saved = options.from
    ids = yield* splitIds(saved.ids)
    if (saved.years.length !== ids.length || saved.runs.starts.length > ids.length) throw new Error('The saved search index is damaged (items).')
    yield* postings.restoring(saved.postings)
    runs.restore(saved.runs)
    years = Array.from(saved.years)
    live = new Uint8Array(Math.max(1024, ids.length * 2))
    live.fill(1, 0, ids.length)
  }

  // the word numbers of one value, reused from value to value
  const words: number[] = []

  function add(item: Item, notes?: NotesText): void {
    if (numberOf().has(item.id)) remove(item.id)
    if (ids.length >= MAX_ITEMS) throw new Error('The search index is full.')
    const n = ids.length
    numbers.version++
    ids.push(item.id)
    setLive(n, 1)
    years.push(itemYear(item) ?? 0)
    numberOf().set(item.id, n)
    const values = fieldValues(item, notes)
    const phrases: [number, number[]][] = []
    SEARCH_FIELDS.forEach((field, f) => {
      if (IS_IDENTIFIER[f]) {
        for (const value of new Set(values[field].map(v => v.replaceAll(WORD_JOIN, '')))) postings.append(value, entryOf(n, f))
        return
      }
      // In order, repeats kept: the run is what phrases are checked against.
      // A value of one word can hold no phrase, so only longer ones are kept.
      const entry = entryOf(n, f)
      const run: number[] = []
      for (const value of values[field]) {
        words.length = 0
        postings.wordNumbersOf(foldForSearch(value), words)
        for (const w of words) postings.appendOnce(w, entry)
        if (words.length < 2) continue
        if (run.length) run.push(BREAK)
        for (const w of words) run.push(w)
      }
      if (run.length) phrases.push([f, run])
    })
    runs.set(n, phrases)
  }

  function remove(id: string): void {
    const n = numberOf().get(id)
    if (n === undefined) return
    numberOf().delete(id)
    numbers.version++
    live[n] = 0
    runs.drop(n)
    years[n] = 0
    removed++
    if (removed >= COMPACT_AFTER && removed * 4 >= ids.length) compact()
  }

  /** New numbers for the live items, in order (-1 for removed ones), and the live numbers. */
  function liveNumbers(): { newNumber: Int32Array; kept: number[] } {
    const newNumber = new Int32Array(ids.length).fill(-1)
    const kept: number[] = []
    for (let n = 0; n < ids.length; n++) if (live[n]) newNumber[n] = kept.push(n) - 1
    return { newNumber, kept }
  }

  /** Drops removed items for good, so the lists stop carrying them. */
  function compact(): void {
    const { newNumber, kept } = liveNumbers()
    postings.renumber(newNumber)
    runs.renumber(newNumber)
    ids = kept.map(n => ids[n])
    years = kept.map(n => years[n])
    live = new Uint8Array(Math.max(1024, ids.length * 2))
    live.fill(1, 0, ids.length)
    const made = numberOf()
    ids.forEach((id, n) => made.set(id, n))
    numbers.version++
    removed = 0
  }

  function snapshot(): IndexSnapshot {
    const { newNumber, kept } = liveNumbers()
    const { postings: savedPostings, wordRemap } = postings.snapshot(newNumber)
    return {
      ids: kept.map(n => ids[n]).join(WORD_JOIN),
      years: Uint16Array.from(kept, n => years[n]),
      postings: savedPostings,
      runs: runs.snapshot(newNumber, wordRemap)
    }
  }

  /**
   * Calls `visit` with each item number matching one clause (ignoring
   * `exclude`), and the field it matched in. A number may come more than once.
   * For several words the field is where all of them occur, still to be
   * confirmed as a phrase.
   */
  function forEachMatch(clause: Clause, visit: (n: number, field: number) => void): void {
    if (clause.kind === 'year') {
      for (let n = 0; n < years.length; n++) if (years[n] && years[n] >= clause.from && years[n] <= clause.to) visit(n, YEAR)
      return
    }
    const fields = clauseFields(clause)
    const wordMask = maskOf(fields.words)
    if (wordMask && clause.words.length > 0) forEachWithAllWords(clause, wordMask, visit)
    const idMask = maskOf(fields.identifiers)
    if (idMask && clause.value) {
      const values = clause.prefix ? postings.wordsStartingWith(clause.value) : [postings.numberOf(clause.value)]
      for (const v of values) {
        postings.forEachEntryOf(v, e => (1 << (e & FIELD_MASK)) & idMask && visit(e >>> ENTRY_SHIFT, e & FIELD_MASK))
      }
    }
  }

  function forEachWithAllWords(clause: TextClause, mask: number, visit: (n: number, field: number) => void): void {
    const { words } = clause
    const last = words.length - 1
    // Counted per (item, field): the words of a phrase must share a field.
    const seen = words.length > 1 ? new Uint8Array(ids.length * (FIELD_MASK + 1)) : undefined
    words.forEach((word, k) => {
      const variants = k === last && clause.prefix ? postings.wordsStartingWith(word) : [postings.numberOf(word)]
      for (const v of variants) {
        postings.forEachEntryOf(v, e => {
          if (!((1 << (e & FIELD_MASK)) & mask)) return
          if (!seen) visit(e >>> ENTRY_SHIFT, e & FIELD_MASK)
          else if (seen[e] === k && ++seen[e] > last) visit(e >>> ENTRY_SHIFT, e & FIELD_MASK) // the last word: visited as found, not by reading every entry after
        })
      }
    })
  }

  /** For a clause of several words: does the item hold them as a phrase in this field? */
  function phraseCheck(clause: Clause): ((n: number, field: number) => boolean) | undefined {
    if (clause.kind !== 'text' || clause.words.length < 2) return undefined
    const inRun = runPhrase(clause.words, clause.prefix)
    return (n, field) => {
      if (!live[n]) return false // removed, not yet tidied away
      if (IS_IDENTIFIER[field]) return true
      return inRun !== undefined && runs.hasRun(n, field, inRun)
    }
  }

  /** The phrase in word codes, or undefined when one of its words is in no run (no run holds it). */
  function runPhrase(words: string[], prefix: boolean): RunPhrase | undefined {
    const last = words.length - 1
    const codes = words.map(w => runs.codeOf(postings.numberOf(w)))
    if (!prefix) return codes.includes(BREAK) ? undefined : { codes }
    if (codes.slice(0, last).includes(BREAK)) return undefined
    const lastCodes = new Set(postings.wordsStartingWith(words[last]).map(w => runs.codeOf(w)))
    lastCodes.delete(BREAK)
    return { codes, lastCodes }
  }

  /** The last answer over the whole library, and its query: the next keystroke usually narrows it. */
  let last: { clauses: Clause[]; version: number; found: Uint8Array } | undefined

  /** 1 for each item number that matches. */
  function marks(query: Query | string, options: SearchOptions = {}): Uint8Array {
    const { clauses } = typeof query === 'string' ? parseQuery(query) : query
    const count = ids.length
    // A narrower query finds only papers the last one found (same papers, same numbers): only those are checked.
    let scope = !options.within && last?.version === numbers.version && narrows(clauses, last.clauses) ? last.found : undefined
    if (options.within) {
      scope = new Uint8Array(count)
      for (const id of options.within) {
        const n = numberOf().get(id)
        if (n !== undefined) scope[n] = 1
      }
    }
    // Phrases last: they are confirmed on the runs of the items still in the running.
    const needsText = (c: Clause) => c.kind === 'text' && c.words.length > 1
    const included = clauses.filter(c => !c.exclude && !needsText(c)).concat(clauses.filter(c => !c.exclude && needsText(c)))
    // Only the first 255 included clauses count: one byte tracks how many an item met so far.
    included.splice(255)
    const met = new Uint8Array(count)
    included.forEach((clause, k) => {
      const check = phraseCheck(clause)
      forEachMatch(clause, (n, field) => {
        if (met[n] === k && (!scope || scope[n]) && (!check || check(n, field))) met[n] = k + 1
      })
    })
    const excluded = new Uint8Array(count)
    const candidate = (n: number) => met[n] === included.length && !excluded[n] && live[n] === 1 && (!scope || scope[n] === 1)
    for (const clause of clauses.filter(c => c.exclude)) {
      const check = phraseCheck(clause)
      forEachMatch(clause, (n, field) => {
        if (!excluded[n] && (!check || (candidate(n) && check(n, field)))) excluded[n] = 1
      })
    }
    const found = new Uint8Array(count)
    for (let n = 0; n < count; n++) if (candidate(n)) found[n] = 1
    if (!options.within) last = { clauses, version: numbers.version, found }
    return found
  }

  function search(query: Query | string, options: SearchOptions = {}): string[] {
    const found = marks(query, options)
    const result: string[] = []
    for (let n = 0; n < found.length; n++) if (found[n]) result.push(ids[n])
    return result
  }

  return {
    add,
    // An edited item gets a new number; the old one is dropped at the next compaction.
    update: add,
    remove,
    search,
    marks: query => marks(query),
    numbers,
    numbersByIdInSteps,
    get size() {
      // the live items (removed ones keep their numbers until the index is tidied)
      return ids.length - removed
    },
    get wordCount() {
      return postings.wordCount
    },
    snapshot
  }
}
