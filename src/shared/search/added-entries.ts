// The entries added to words since an index's saved base, every word's in
// one pair of typed arrays, each entry written where the last one ended with
// its word's number: adding one touches the end of the arrays and the word's
// slot, and allocates nothing. They are sorted by word (a counting sort, in
// the order added within a word) when first read after an add. A list per
// word (a number, then a growing array, then a typed array) cost the build of
// 100,000 papers an object and copies for each of its ≈ 660,000 words' lists
// and a read of a scattered object per entry added.

export class AddedEntries {
  /** the entries, in the order added, and the word of each */
  private entries: Uint32Array = new Uint32Array(1 << 12)
  private words: Uint32Array = new Uint32Array(1 << 12)
  private used = 0
  /** per word number: the place + 1 of its last entry (0 = none) */
  private last = new Int32Array(1 << 10)
  /** the entries sorted by word: word w's from starts[w] to starts[w + 1]; null after an add */
  private byWord: { starts: Uint32Array; entries: Uint32Array } | null = null

  /** The word's last entry, or -1. */
  lastOf(word: number): number {
    const at = word < this.last.length ? this.last[word] : 0
    return at === 0 ? -1 : this.entries[at - 1]
  }

  add(word: number, entry: number): void {
    if (this.used === this.entries.length) {
      this.entries = grown(this.entries)
      this.words = grown(this.words)
    }
    if (word >= this.last.length) {
      const last = new Int32Array(Math.max(this.last.length * 2, word + 1))
      last.set(this.last)
      this.last = last
    }
    this.entries[this.used] = entry
    this.words[this.used] = word
    this.last[word] = ++this.used
    this.byWord = null
  }

  /** How many entries the word has. */
  countOf(word: number): number {
    if (word >= this.last.length || this.last[word] === 0) return 0
    const { starts } = (this.byWord ??= this.sorted())
    return starts[word + 1] - starts[word]
  }

  /** Copies the word's entries, in the order added, into `into` from place `at` (room for `countOf` more); returns the place after the last. */
  readInto(word: number, into: Uint32Array, at: number): number {
    if (word >= this.last.length || this.last[word] === 0) return at
    const { starts, entries } = (this.byWord ??= this.sorted())
    into.set(entries.subarray(starts[word], starts[word + 1]), at)
    return at + starts[word + 1] - starts[word]
  }

  clear(): void {
    this.entries = new Uint32Array(1 << 12)
    this.words = new Uint32Array(1 << 12)
    this.used = 0
    this.last = new Int32Array(1 << 10)
    this.byWord = null
  }

  private sorted(): { starts: Uint32Array; entries: Uint32Array } {
    const starts = new Uint32Array(this.last.length + 1)
    for (let k = 0; k < this.used; k++) starts[this.words[k] + 1]++
    for (let w = 1; w < starts.length; w++) starts[w] += starts[w - 1]
    const next = starts.slice(0, this.last.length)
    const entries = new Uint32Array(this.used)
    for (let k = 0; k < this.used; k++) entries[next[this.words[k]]++] = this.entries[k]
    return { starts, entries }
  }
}

function grown(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2)
  bigger.set(array)
  return bigger
}
