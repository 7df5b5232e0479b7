// The fields of words of every item (title, authors, journal, MeSH…,
// abstract, notes, full text) as runs of word codes, so a phrase is confirmed
// by comparing integers instead of folding the item's text again — and the
// index needs no copy of that text.
//
// A word's code is its rank in the order words were first met: the words of
// almost every abstract ("the", "of", "receptor") are met first, so most
// codes are under 128 and take one byte (varint.ts). Runs live in shared
// pages of 4 MB: no object per item. A code maps back to the postings' word
// number (`words`); renumbering words (a snapshot sorts them) only rewrites
// that table, never the runs.
import { varintSize, writeVarint } from './varint'

const PAGE = 1 << 22
/** Between two values of one field: a phrase never runs across it. */
export const BREAK = 0

/** The saved form: the pages, per item where its run starts (-1 = none) and its byte length, and each code's word number. */
export interface RunsSnapshot {
  pages: Uint8Array[]
  starts: Int32Array
  lengths: Uint32Array
  /** words[code] is the word number (0 for BREAK) */
  words: Uint32Array
  /**
   * the other way, word number → code (`codesOf(words)`): made by the worker, so the window's first phrase does not make
   * it (a loop over 660,000 codes at 100,000 papers); saved with the index (library/saved-index.ts)
   */
  codes?: Uint32Array
}

/** Word number → code, from code → word number (0: a word no run holds). */
function codesOf(words: ArrayLike<number>): Uint32Array {
  let top = 0
  for (let code = 0; code < words.length; code++) if (words[code] > top) top = words[code]
  const codes = new Uint32Array(top + 1)
  for (let code = 1; code < words.length; code++) if (words[code] > 0) codes[words[code]] = code // 0: a word no paper keeps any more
  return codes
}

/** The saved runs with their table of codes (`RunsSnapshot.codes`), made here rather than where they are restored. */
export const withRunCodes = (saved: RunsSnapshot): RunsSnapshot => (saved.codes ? saved : { ...saved, codes: codesOf(saved.words) })

/**
 * A phrase of two or more words as the runs hold it: the code each place must
 * have (never BREAK), except that the last place may instead be any of
 * `lastCodes` (the words beginning with what was typed).
 */
export interface RunPhrase {
  codes: number[]
  lastCodes?: Set<number>
  /** the codes a run must hold in a row, as their bytes (all but the last with `lastCodes`): made at the first check */
  bytes?: Uint8Array
}

/** The phrase's codes that must match exactly, as the runs store them. */
function bytesOf({ codes, lastCodes }: RunPhrase): Uint8Array {
  const exact = lastCodes ? codes.slice(0, -1) : codes
  const bytes = new Uint8Array(exact.length * 5)
  let at = 0
  for (const code of exact) at = writeVarint(bytes, at, code)
  return bytes.slice(0, at)
}

// Where the last read left off: one number read at a time without allocating.
let next = 0

/** The number at `bytes[at]`; `next` is set to the byte after it. */
function readAt(bytes: Uint8Array, at: number): number {
  let b = bytes[at++]
  let value = b & 127
  let scale = 128
  while (b > 127) {
    b = bytes[at++]
    value += (b & 127) * scale
    scale *= 128
  }
  next = at
  return value
}

export class WordRuns {
  private pages: Uint8Array[] = []
  private used = PAGE
  // Restored from a saved form, the three lists are its typed arrays, read as they are and copied into lists only
  // when the runs change (copying them at open was a tenth of the window's restoring at 100,000 papers); the table of
  // codes is made from `words` when first asked for.
  /** per item number: where its run starts (page × PAGE + offset), and its byte length; -1 = none */
  private starts: number[] | Int32Array = []
  private lengths: number[] | Uint32Array = []
  /** code → word number, and word number → code (0 = none yet; null: not made from `words` yet) */
  private words: number[] | Uint32Array = [BREAK]
  private codes: Uint32Array | null = new Uint32Array(1024)

  /** The code of a word number, 0 when no run holds it. */
  codeOf(word: number): number {
    const codes = this.codeTable()
    return word < codes.length ? codes[word] : 0
  }

  private codeFor(word: number): number {
    if (word === BREAK) return BREAK
    let codes = this.codeTable()
    if (word >= codes.length) {
      codes = new Uint32Array(Math.max(codes.length * 2, word + 1))
      codes.set(this.codes!)
      this.codes = codes
    }
    if (codes[word] === 0) codes[word] = this.changing().words.push(word) - 1
    return codes[word]
  }

  private codeTable(): Uint32Array {
    return (this.codes ??= codesOf(this.words))
  }

  /** The lists as lists, copied from the saved form's arrays before the first change. */
  private changing(): { starts: number[]; lengths: number[]; words: number[] } {
    if (!Array.isArray(this.starts)) this.starts = Array.from(this.starts)
    if (!Array.isArray(this.lengths)) this.lengths = Array.from(this.lengths)
    if (!Array.isArray(this.words)) this.words = Array.from(this.words)
    return this as unknown as { starts: number[]; lengths: number[]; words: number[] }
  }

  /**
   * Stores one item's runs: for each field, its number, its byte length
   * and its word codes (values separated by BREAK). Item numbers are given in order.
   * The word numbers given are turned into codes in place: the caller hands them over.
   */
  set(item: number, fields: [field: number, words: number[]][]): void {
    // loops, not a chain of filter / map / reduce: an index build stores 100,000 papers' runs of ≈ 200 words each
    let size = 0
    for (const [field, words] of fields) {
      if (words.length === 0) continue
      const bytes = this.coded(words)
      size += varintSize(field) + varintSize(bytes) + bytes
    }
    const { starts, lengths } = this.changing()
    while (starts.length < item) {
      starts.push(-1)
      lengths.push(0)
    }
    if (size === 0) {
      starts[item] = -1
      lengths[item] = 0
      return
    }
    const page = this.room(size)
    let at = this.used
    starts[item] = (this.pages.length - 1) * PAGE + at
    lengths[item] = size
    for (const [field, codes] of fields) {
      if (codes.length === 0) continue
      let bytes = 0
      for (let i = 0; i < codes.length; i++) bytes += varintSize(codes[i])
      at = writeVarint(page, at, field)
      at = writeVarint(page, at, bytes)
      for (let i = 0; i < codes.length; i++) at = writeVarint(page, at, codes[i])
    }
    this.used = at
  }

  /** Turns the word numbers into their codes, in place; their byte size. */
  private coded(words: number[]): number {
    let bytes = 0
    for (let i = 0; i < words.length; i++) {
      const code = this.codeFor(words[i])
      words[i] = code
      bytes += varintSize(code)
    }
    return bytes
  }

  /** Forgets an item's run (its space is reclaimed at the next renumbering). */
  drop(item: number): void {
    if (item < this.starts.length) this.changing().starts[item] = -1
  }

  /**
   * Does the item hold the phrase in this field? (A field holding no run of two words or more never does.) The phrase's
   * bytes are looked for as they are, not each code read: a byte starts a code where the one before it ends one (under
   * 128), and codes are prefix-free, so a match there is the same codes in a row. Reading every code was 60-70 ms of a
   * phrase keystroke at 100,000 papers, a third of it in codes of two bytes.
   */
  hasRun(item: number, field: number, phrase: RunPhrase): boolean {
    const start = this.starts[item] ?? -1
    if (start < 0) return false
    const bytes = (phrase.bytes ??= bytesOf(phrase))
    const { lastCodes } = phrase
    const size = bytes.length
    const first = bytes[0]
    const page = this.pages[Math.floor(start / PAGE)]
    let at = start % PAGE
    const end = at + this.lengths[item]
    while (at < end) {
      const f = readAt(page, at)
      const fieldSize = readAt(page, next)
      at = next
      if (f !== field) {
        at += fieldSize
        continue
      }
      const fieldStart = at
      // with `lastCodes`, one more code must follow the exact part
      const last = at + fieldSize - size - (lastCodes ? 1 : 0)
      for (let i = fieldStart; i <= last; i++) {
        if (page[i] !== first || (i > fieldStart && page[i - 1] > 127)) continue
        let k = 1
        while (k < size && page[i + k] === bytes[k]) k++
        if (k < size) continue
        if (!lastCodes || lastCodes.has(readAt(page, i + size))) return true
      }
      return false
    }
    return false
  }

  /** After removals: `newNumber[old]` is the item's new number, or -1 when gone. */
  renumber(newNumber: Int32Array): void {
    const copy = this.copied(newNumber)
    this.pages = copy.pages
    this.used = copy.used
    this.starts = copy.starts
    this.lengths = copy.lengths
  }

  /**
   * The runs in their saved form, items renumbered by `newNumber` (gone ones
   * dropped) and word numbers by `wordRemap`.
   */
  snapshot(newNumber: Int32Array, wordRemap: Uint32Array): RunsSnapshot {
    const copy = this.copied(newNumber)
    const pages = copy.pages.map((page, i) => (i === copy.pages.length - 1 ? page.slice(0, copy.used) : page))
    return { pages, starts: Int32Array.from(copy.starts), lengths: Uint32Array.from(copy.lengths), words: Uint32Array.from(this.words, w => wordRemap[w]) }
  }

  /** A compacted copy of the runs: items renumbered by `newNumber` (gone ones dropped); codes stay. */
  private copied(newNumber: Int32Array): WordRuns {
    const copy = new WordRuns()
    const kept = newNumber.reduce((count, n) => (n >= 0 ? count + 1 : count), 0)
    copy.starts = new Array(kept).fill(-1)
    copy.lengths = new Array(kept).fill(0)
    for (let n = 0; n < this.starts.length; n++) {
      const target = newNumber[n]
      if (target < 0 || this.starts[n] < 0) continue
      const size = this.lengths[n]
      const from = this.pages[Math.floor(this.starts[n] / PAGE)]
      const at = this.starts[n] % PAGE
      const page = copy.room(size)
      copy.starts[target] = (copy.pages.length - 1) * PAGE + copy.used
      copy.lengths[target] = size
      page.set(from.subarray(at, at + size), copy.used)
      copy.used += size
    }
    return copy
  }

  /** Starts over from a saved form, its arrays kept as they are. */
  restore(saved: RunsSnapshot): void {
    if (saved.starts.length !== saved.lengths.length || saved.words[0] !== BREAK) throw new Error('The saved search index is damaged (phrase runs).')
    this.pages = saved.pages
    this.starts = saved.starts
    this.lengths = saved.lengths
    this.words = saved.words
    // a copy of the table the worker made: a new word's code is written into it, and the snapshot may restore another index
    this.codes = saved.codes ? saved.codes.slice() : null
    // New runs go to a new page: the last saved one was cut to its used size.
    this.used = PAGE
  }

  /** The page with room for `size` more bytes (a new one when the last is full). */
  private room(size: number): Uint8Array {
    if (this.used + size > PAGE || this.pages.length === 0) {
      this.pages.push(new Uint8Array(Math.max(PAGE, size)))
      this.used = 0
    }
    return this.pages[this.pages.length - 1]
  }
}
