// The inverted index proper: folded word → every (item, field) it occurs in.
// An entry packs both into one uint32: internal item number × 16 + field number.
//
// Two layers. The base is what a saved index brings back (snapshot.ts): the
// words sorted in one string (no string per word), each word's entries as
// the differences between them in varint bytes (varint.ts: a common word's
// next entry is a few items on, one byte instead of four), all words' in one
// shared Uint8Array with offsets, so opening a library costs no object per
// word. The overlay holds what was added since: its words in a table that
// finds a stretch of a text (word-table.ts), their entries in one pair of
// typed arrays (added-entries.ts), no object per word or list. Every word
// has a number (from 1; 0 is never a word): base word k is number k + 1,
// overlay words follow. Long fields are kept as runs of word codes
// (word-runs.ts), so phrases are confirmed on integers.
import { firstAtLeast } from '../first-at-least'
import { AddedEntries } from './added-entries'
import { forEachWordOfFolded } from './tokens'
import { ByteWriter, readAscending } from './varint'
import { WordTable } from './word-table'

const FIELD_BITS = 4
export const FIELD_MASK = (1 << FIELD_BITS) - 1
/** Item numbers must fit in the 28 bits left for them. */
export const MAX_ITEMS = 2 ** (32 - FIELD_BITS)

export function entryOf(item: number, field: number): number {
  return item * (FIELD_MASK + 1) + field
}

/**
 * The saved form of the lists: words sorted and joined by NUL; word k's
 * entries, ascending, as varint differences at entries[offsets[k] … offsets[k+1]).
 */
export interface PostingsSnapshot {
  words: string
  offsets: Uint32Array
  entries: Uint8Array
  /**
   * where each word begins in `words` (`wordStarts`): found by the worker, so the window does not look for 660,000
   * NULs at 100,000 papers; saved with the index (library/saved-index.ts), not found again at each open
   */
  starts?: Uint32Array
}

/** Words never hold a NUL (tokens are letters and digits; identifiers drop it), so it can join them. */
export const WORD_JOIN = '\u0000'

/** Words looked at, or items restored, between two pauses of a saved index's restore (the window runs it in slices). */
export const RESTORE_STEP = 1 << 12

/** The sorted base words kept as one string: where each begins, and comparing without cutting them out. */
class JoinedWords {
  readonly count: number

  /** word k is text[starts[k] … starts[k + 1] - 1) (the NUL after it left out) */
  constructor(
    readonly text: string,
    readonly starts: Uint32Array
  ) {
    this.count = starts.length - 1
  }

  static readonly EMPTY = new JoinedWords('', Uint32Array.of(1))

  /** Finds where each word begins (unless `starts` says), pausing every RESTORE_STEP words: a saved index holds hundreds of thousands. */
  static *of(text: string, found?: Uint32Array): Generator<void, JoinedWords> {
    if (text === '') return JoinedWords.EMPTY
    if (found) {
      if (found.length < 2 || found[0] !== 0 || found[found.length - 1] !== text.length + 1) throw new Error('The saved search index is damaged (word starts).')
      return new JoinedWords(text, found)
    }
    let count = 1
    for (let at = text.indexOf(WORD_JOIN); at >= 0; at = text.indexOf(WORD_JOIN, at + 1)) if (++count % RESTORE_STEP === 0) yield
    const starts = new Uint32Array(count + 1)
    let k = 1
    for (let at = text.indexOf(WORD_JOIN); at >= 0; at = text.indexOf(WORD_JOIN, at + 1)) {
      starts[k++] = at + 1
      if (k % RESTORE_STEP === 0) yield
    }
    starts[count] = text.length + 1
    return new JoinedWords(text, starts)
  }

  word(k: number): string {
    return this.text.slice(this.starts[k], this.starts[k + 1] - 1)
  }

  startsWith(k: number, start: string): boolean {
    return this.starts[k + 1] - 1 - this.starts[k] >= start.length && this.text.startsWith(start, this.starts[k])
  }

  /** Below 0 when the word text[start … end) sorts before word k, 0 when it is word k (the order of `<` on strings). */
  private compare(text: string, start: number, end: number, k: number): number {
    const from = this.starts[k]
    const length = this.starts[k + 1] - 1 - from
    const n = Math.min(end - start, length)
    for (let i = 0; i < n; i++) {
      const d = text.charCodeAt(start + i) - this.text.charCodeAt(from + i)
      if (d !== 0) return d
    }
    return end - start - length
  }

  private firstAtLeastIn(text: string, start: number, end: number): number {
    return firstAtLeast(this.count, k => this.compare(text, start, end, k) > 0)
  }

  firstAtLeast(start: string): number {
    return this.firstAtLeastIn(start, 0, start.length)
  }

  /** k when the word text[start … end) is word k, else -1. */
  find(text: string, start = 0, end = text.length): number {
    if (this.count === 0) return -1
    const k = this.firstAtLeastIn(text, start, end)
    return k < this.count && this.compare(text, start, end, k) === 0 ? k : -1
  }
}

/** The saved lists with where each word begins in `words` (`PostingsSnapshot.starts`), found here rather than where they are restored. */
export function withWordStarts(saved: PostingsSnapshot): PostingsSnapshot {
  if (saved.starts) return saved
  const steps = JoinedWords.of(saved.words)
  for (;;) {
    const step = steps.next()
    if (step.done) return { ...saved, starts: step.value.starts }
  }
}

/** Appends one word's entries (ascending) to `into` as differences. */
function writeAscending(into: ByteWriter, entries: number[]): void {
  let previous = 0
  for (const entry of entries) {
    into.write(entry - previous)
    previous = entry
  }
}

export class PostingLists {
  private base = JoinedWords.EMPTY
  private baseOffsets: Uint32Array = new Uint32Array(1)
  private baseEntries: Uint8Array = new Uint8Array(0)
  /** overlay words: the one in place i has number base.count + 1 + i */
  private readonly overlay = new WordTable()
  /** overlay entries per word number (base words may have some too) */
  /** entries added since the base, per word number (base words may have some too) */
  private addedEntries = new AddedEntries()
  /** overlay words, sorted, for prefix lookup by binary search */
  private sorted: string[] = []
  /** overlay words added since `sorted` was built; scanned linearly until there are many */
  private recent: string[] = []

  get wordCount(): number {
    return this.base.count + this.overlay.size
  }

  /** The word's number, or 0 when no item ever had it. */
  numberOf(word: string): number {
    const k = this.base.find(word)
    if (k >= 0) return k + 1
    return this.overlayNumber(word)
  }

  private overlayNumber(word: string): number {
    const place = this.overlay.findWord(word)
    return place < 0 ? 0 : this.base.count + 1 + place
  }

  /** The word's number, given one if it is new. */
  wordNumber(word: string): number {
    return this.numberOf(word) || this.newWord(word)
  }

  private newWord(word: string, hash?: number): number {
    this.recent.push(word)
    return this.base.count + 1 + this.overlay.add(word, hash)
  }

  /**
   * Pushes the number of each word of a folded text (`forEachWordOfFolded`) onto `into`, in order, giving new words
   * numbers: a word already met costs no string.
   */
  wordNumbersOf(folded: string, into: number[]): void {
    forEachWordOfFolded(folded, this.numberOfSpan(folded, into), word => into.push(this.wordNumber(word)))
  }

  private numberOfSpan(folded: string, into: number[]): (start: number, end: number, hash: number) => void {
    return (start, end, hash) => {
      const k = this.base.find(folded, start, end)
      if (k >= 0) return into.push(k + 1)
      const place = this.overlay.find(folded, start, end, hash)
      into.push(place >= 0 ? this.base.count + 1 + place : this.newWord(folded.slice(start, end), hash))
    }
  }

  /** Adds an entry to a word's list unless its last entry is this one (an item's entries come in ascending order). */
  appendOnce(number: number, entry: number): void {
    if (this.addedEntries.lastOf(number) !== entry) this.addedEntries.add(number, entry)
  }

  /** Adds an entry to a word's list. */
  append(word: string, entry: number): void {
    this.addedEntries.add(this.wordNumber(word), entry)
  }

  /** where `readEntries` puts a word's entries: valid until its next call */
  read = new Uint32Array(1 << 16)

  /**
   * Reads every entry of the word with this number into `read`, from place 0, the saved base's, then those added since; returns how many. Read in a
   * plain loop, not a call per entry: a callback per entry was most of a prefix keystroke at 100,000 papers ("a" reads
   * millions).
   */
  readEntries(number: number): number {
    if (number === 0) return 0
    const inBase = number <= this.base.count
    const from = inBase ? this.baseOffsets[number - 1] : 0
    const to = inBase ? this.baseOffsets[number] : 0
    // a byte at least per base entry
    const most = to - from + this.addedEntries.countOf(number)
    if (most > this.read.length) this.read = new Uint32Array(Math.max(most, this.read.length * 2))
    return this.addedEntries.readInto(number, this.read, readAscending(this.baseEntries, from, to, this.read, 0))
  }

  /** The numbers of the indexed words that begin with `start` (including `start` itself). */
  wordsStartingWith(start: string): number[] {
    if (this.recent.length > 5000) this.resort()
    const found: number[] = []
    for (let k = this.base.firstAtLeast(start); k < this.base.count && this.base.startsWith(k, start); k++) found.push(k + 1)
    for (let i = firstAtLeast(this.sorted.length, i => this.sorted[i] < start); i < this.sorted.length && this.sorted[i].startsWith(start); i++)
      found.push(this.overlayNumber(this.sorted[i]))
    for (const word of this.recent) if (word.startsWith(start)) found.push(this.overlayNumber(word))
    return found
  }

  /** Every entry the word with this number keeps, `newNumber[oldItem]` applied (-1 = item gone), ascending. */
  private keptEntries(number: number, newNumber: Int32Array): number[] {
    const kept: number[] = []
    let ascending = true
    const count = this.readEntries(number)
    for (let i = 0; i < count; i++) {
      const entry = this.read[i]
      const item = newNumber[Math.floor(entry / (FIELD_MASK + 1))]
      if (item < 0) continue
      const renumbered = entryOf(item, entry & FIELD_MASK)
      if (kept.length && renumbered <= kept[kept.length - 1]) ascending = false
      kept.push(renumbered)
    }
    // Items are numbered in the order they were added, so lists come ascending; the saved form relies on it.
    return ascending ? kept : [...new Set(kept)].sort((a, b) => a - b)
  }

  /** Renumbers items after removals: `newNumber[old]` is the new number, or -1 when gone. Word numbers stay. */
  renumber(newNumber: Int32Array): void {
    const offsets = new Uint32Array(this.base.count + 1)
    const entries = new ByteWriter(this.baseEntries.length + 16)
    for (let k = 1; k <= this.base.count; k++) {
      writeAscending(entries, this.keptEntries(k, newNumber))
      offsets[k] = entries.length
    }
    const kept: number[][] = []
    for (let number = this.base.count + 1; number < this.numberEnd; number++) kept.push(this.keptEntries(number, newNumber))
    this.baseOffsets = offsets
    this.baseEntries = entries.done()
    this.addedEntries.clear()
    kept.forEach((list, place) => {
      for (const entry of list) this.addedEntries.add(this.base.count + 1 + place, entry)
    })
  }

  /** One past the highest word number. */
  private get numberEnd(): number {
    return this.base.count + this.overlay.size + 1
  }

  /** Every word with its number, sorted: the base's (already sorted) merged with the overlay's. */
  private allSorted(): { word: string; number: number }[] {
    const overlay = this.overlay.words.map((word, place) => ({ word, number: this.base.count + 1 + place })).sort((a, b) => (a.word < b.word ? -1 : 1))
    const all: { word: string; number: number }[] = []
    let i = 0
    for (let k = 0; k < this.base.count; k++) {
      const word = this.base.word(k)
      while (i < overlay.length && overlay[i].word < word) all.push(overlay[i++])
      all.push({ word, number: k + 1 })
    }
    while (i < overlay.length) all.push(overlay[i++])
    return all
  }

  /**
   * The lists in their saved form, items renumbered by `newNumber` (removed
   * ones dropped) and words sorted; `wordRemap[old]` is each word's new number
   * (0 for a word no item keeps).
   */
  snapshot(newNumber: Int32Array): { postings: PostingsSnapshot; wordRemap: Uint32Array } {
    const wordRemap = new Uint32Array(this.numberEnd)
    const words: string[] = []
    const offsets: number[] = [0]
    const entries = new ByteWriter(this.baseEntries.length + (1 << 16))
    for (const { word, number } of this.allSorted()) {
      const kept = this.keptEntries(number, newNumber)
      if (kept.length === 0) continue
      if (word.includes(WORD_JOIN)) throw new Error('A search word holds a NUL character.')
      writeAscending(entries, kept)
      words.push(word)
      offsets.push(entries.length)
      wordRemap[number] = words.length
    }
    return { postings: { words: words.join(WORD_JOIN), offsets: Uint32Array.from(offsets), entries: entries.done() }, wordRemap }
  }

  /** Starts over from a saved form (nothing in the overlay), pausing now and then (`RESTORE_STEP`). */
  *restoring(saved: PostingsSnapshot): Generator<void> {
    const base = yield* JoinedWords.of(saved.words, saved.starts)
    if (saved.offsets.length !== base.count + 1 || saved.offsets[base.count] !== saved.entries.length) {
      throw new Error('The saved search index is damaged (word offsets).')
    }
    this.base = base
    this.baseOffsets = saved.offsets
    this.baseEntries = saved.entries
    this.overlay.clear()
    this.addedEntries.clear()
    this.sorted = []
    this.recent = []
  }

  private resort(): void {
    this.sorted = [...this.overlay.words].sort()
    this.recent = []
  }
}
