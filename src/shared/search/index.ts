// The library's search index: kept in memory, updated item by item, and fast
// enough at 100,000 items to answer on every keystroke.
import type { Item } from '../model'
import { fieldValues, itemYear, SEARCH_FIELDS, isIdentifierField, type NotesText } from './fields'
import { clauseFields } from './match'
import { narrows } from './narrowing'
import { entryOf, FIELD_MASK, MAX_ITEMS, PostingLists, RESTORE_STEP, WORD_JOIN, type PostingsSnapshot } from './postings'
import { parseQuery, type Clause, type Query } from './query'
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
const IS_IDENTIFIER = SEARCH_FIELDS.map(isIdentifierField)
// Renumber once removed items are a quarter of the index (and at least this many).
const COMPACT_AFTER = 1000

/** Does item n hold the clause's words as a phrase in this field? */
type PhraseCheck = (n: number, field: number) => boolean

/** One clause's marking of the items that met the clauses before (`markMatches`). */
interface Marking {
  k: number
  met: Uint8Array
  scope: Uint8Array | undefined
  /** how many items met the clauses before */
  open: number
  marked: number
}

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
   * Marks each item that met the clauses before this one (`met[n] === k`), is live, in scope and matches this clause
   * (ignoring `exclude`): `met[n]` becomes k + 1. `open` is how many items met the clauses before: once each is marked,
   * no more lists are read ("a" is in every paper). Returns how many it marked.
   */
  function markMatches(clause: Clause, k: number, met: Uint8Array, scope: Uint8Array | undefined, open: number): number {
    const marking: Marking = { k, met, scope, open, marked: 0 }
    if (open === 0) return 0
    if (clause.kind === 'year') {
      for (let n = 0; n < years.length; n++)
        if (years[n] && years[n] >= clause.from && years[n] <= clause.to && met[n] === k && live[n] === 1 && (!scope || scope[n] === 1)) {
          met[n] = k + 1
          marking.marked++
        }
      return marking.marked
    }
    const { words, value, prefix } = clause
    const fields = clauseFields(clause)
    const wordMask = words.length > 0 ? maskOf(fields.words) : 0
    const idMask = value ? maskOf(fields.identifiers) : 0
    const variants = (word: string): number[] => (prefix ? postings.wordsStartingWith(word) : [postings.numberOf(word)])
    const last = words.length - 1
    const check = phraseCheck(clause)
    if (wordMask && last > 0) {
      // Counted per (item, field): the words of a phrase must share a field.
      const counts = seenCounts()
      for (let w = 0; w < last; w++) countWord(postings.numberOf(words[w]), w, wordMask, counts)
      if (markIn(variants(words[last]), wordMask, marking, check, counts, last)) return marking.marked
    } else if (wordMask && idMask && value === words[0]) {
      // one word that is also the identifier looked for: its lists read once, for both kinds of field
      markIn(variants(value), wordMask | idMask, marking, check)
      return marking.marked
    } else if (wordMask && markIn(variants(words[0]), wordMask, marking, check)) return marking.marked
    if (idMask) markIn(variants(value), idMask, marking, check)
    return marking.marked
  }

  /** per entry (item, field), how many words of a phrase met there: kept between phrases */
  let phraseCounts = new Uint8Array(0)

  /**
   * The counts per entry, all 0. Kept and cleared rather than made for each phrase: 1.6 MB new at 100,000 papers, its
   * pages touched for the first time at each keystroke, was a fifth of a phrase's search.
   */
  function seenCounts(): Uint8Array {
    const size = ids.length * (FIELD_MASK + 1)
    if (phraseCounts.length < size || phraseCounts.length > 2 * size + (1 << 16)) phraseCounts = new Uint8Array(size + (size >> 3))
    else phraseCounts.fill(0)
    return phraseCounts
  }

  /** `seen[e]` goes from w to w + 1 for each entry e of this word in the fields of `mask`: word w of a phrase met there. */
  function countWord(word: number, w: number, mask: number, seen: Uint8Array): void {
    const count = postings.readEntries(word)
    const entries = postings.read
    for (let i = 0; i < count; i++) {
      const e = entries[i]
      if ((1 << (e & FIELD_MASK)) & mask && seen[e] === w) seen[e] = w + 1
    }
  }

  /**
   * Marks the items of these words' lists in the fields of `mask` (see `markMatches`); with `seen`, only where the
   * phrase's `before` words before met (and `check`: where it holds as a phrase). True once every open item is marked.
   */
  function markIn(lists: number[], mask: number, marking: Marking, check: PhraseCheck | undefined, seen?: Uint8Array, before = 0): boolean {
    const { k, met, scope, open } = marking
    for (const list of lists) {
      const count = postings.readEntries(list)
      const entries = postings.read
      for (let i = 0; i < count; i++) {
        const e = entries[i]
        const field = e & FIELD_MASK
        if (!((1 << field) & mask)) continue
        if (seen) {
          // the last word: visited as found, once per (item, field)
          if (seen[e] !== before) continue
          seen[e] = before + 1
        }
        const n = e >>> ENTRY_SHIFT
        if (met[n] !== k || live[n] !== 1 || (scope && scope[n] !== 1) || (check && !check(n, field))) continue
        met[n] = k + 1
        if (++marking.marked === open) return true
      }
    }
    return false
  }

  /** For a clause of several words: does the item hold them as a phrase in this field? */
  function phraseCheck(clause: Clause): PhraseCheck | undefined {
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
    // Only the first 254 included clauses count: one byte tracks how many an item met so far (and one more, excluded).
    included.splice(254)
    const met = new Uint8Array(count)
    let open = 0
    for (let n = 0; n < count; n++) if (live[n] === 1 && (!scope || scope[n] === 1)) open++
    included.forEach((clause, k) => (open = markMatches(clause, k, met, scope, open)))
    // an excluded clause's match goes one past the included ones: no longer a candidate
    const all = included.length
    for (const clause of clauses.filter(c => c.exclude)) open -= markMatches(clause, all, met, scope, open)
    const found = new Uint8Array(count)
    for (let n = 0; n < count; n++) if (met[n] === all && live[n] === 1 && (!scope || scope[n] === 1)) found[n] = 1
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
