// The long fields of every item (abstract, notes, full text) as runs of word
// numbers, so a phrase is confirmed by comparing integers instead of folding
// the item's text again — and the index needs no copy of that text.
// Runs live in shared pages of 1M numbers (4 MB): no object per item.

const PAGE = 1 << 20
/** Between two values of one field: a phrase never runs across it. */
export const BREAK = 0

/** The saved form: the pages, and per item where its run starts (-1 = none) and its length. */
export interface RunsSnapshot {
  pages: Uint32Array[]
  starts: Int32Array
  lengths: Uint32Array
}

export class WordRuns {
  private pages: Uint32Array[] = []
  private used = PAGE
  /** per item number: where its run starts (page × PAGE + offset), and its length; -1 = none */
  private starts: number[] = []
  private lengths: number[] = []

  /**
   * Stores one item's long fields: for each field, its number, its length and
   * its words (values separated by BREAK). Item numbers are given in order.
   */
  set(item: number, fields: [field: number, words: number[]][]): void {
    let size = 0
    for (const [, words] of fields) if (words.length) size += 2 + words.length
    while (this.starts.length < item) {
      this.starts.push(-1)
      this.lengths.push(0)
    }
    if (size === 0) {
      this.starts[item] = -1
      this.lengths[item] = 0
      return
    }
    const page = this.room(size)
    let at = this.used
    this.starts[item] = (this.pages.length - 1) * PAGE + at
    this.lengths[item] = size
    for (const [field, words] of fields) {
      if (!words.length) continue
      page[at++] = field
      page[at++] = words.length
      page.set(words, at)
      at += words.length
    }
    this.used = at
  }

  /** Forgets an item's run (its space is reclaimed at the next renumbering). */
  drop(item: number): void {
    if (item < this.starts.length) this.starts[item] = -1
  }

  /**
   * Does the item hold `first…` as consecutive words in this field?
   * `wordAt(k, number)` tells whether a word number fits position k.
   */
  hasRun(item: number, field: number, length: number, wordAt: (k: number, word: number) => boolean): boolean {
    const start = this.starts[item] ?? -1
    if (start < 0) return false
    const page = this.pages[Math.floor(start / PAGE)]
    let at = start % PAGE
    const end = at + this.lengths[item]
    while (at < end) {
      const f = page[at]
      const count = page[at + 1]
      at += 2
      if (f === field) {
        const last = at + count - length
        for (let i = at; i <= last; i++) {
          let k = 0
          while (k < length && wordAt(k, page[i + k])) k++
          if (k === length) return true
        }
        return false
      }
      at += count
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
    const copy = this.copied(newNumber, wordRemap)
    const pages = copy.pages.map((page, i) => (i === copy.pages.length - 1 ? page.slice(0, copy.used) : page))
    return { pages, starts: Int32Array.from(copy.starts), lengths: Uint32Array.from(copy.lengths) }
  }

  /** A compacted copy: items renumbered by `newNumber` (gone ones dropped), word numbers mapped by `wordRemap` if given. */
  private copied(newNumber: Int32Array, wordRemap?: Uint32Array): WordRuns {
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
      if (wordRemap) copyRemapped(from, at, size, page, copy.used, wordRemap)
      else page.set(from.subarray(at, at + size), copy.used)
      copy.used += size
    }
    return copy
  }

  /** Starts over from a saved form. */
  restore(saved: RunsSnapshot): void {
    if (saved.starts.length !== saved.lengths.length) throw new Error('The saved search index is damaged (phrase runs).')
    this.pages = saved.pages
    this.starts = Array.from(saved.starts)
    this.lengths = Array.from(saved.lengths)
    // New runs go to a new page: the last saved one was cut to its used size.
    this.used = PAGE
  }

  /** The page with room for `size` more numbers (a new one when the last is full). */
  private room(size: number): Uint32Array {
    if (this.used + size > PAGE || this.pages.length === 0) {
      this.pages.push(new Uint32Array(Math.max(PAGE, size)))
      this.used = 0
    }
    return this.pages[this.pages.length - 1]
  }
}

/** Copies one item's run (field, count, words…) with its word numbers mapped. */
function copyRemapped(from: Uint32Array, at: number, size: number, to: Uint32Array, into: number, wordRemap: Uint32Array): void {
  const end = at + size
  while (at < end) {
    const count = from[at + 1]
    to[into++] = from[at]
    to[into++] = count
    at += 2
    for (let i = 0; i < count; i++) to[into++] = wordRemap[from[at++]]
  }
}
