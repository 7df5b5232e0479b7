// The inverted index proper: folded word → every (item, field) it occurs in.
// An entry packs both into one uint32: internal item number × 16 + field number.
//
// Two layers. The base is what a saved index brings back (snapshot.ts): the
// words sorted, each word's entries in one shared Uint32Array (offsets into
// it), so opening a library costs no object per word. The overlay holds what
// was added since, shaped for memory at 100k items: a word seen once is just
// its entry; a rare word an exact-size JS array; a common word a Uint32Array
// whose slot 0 holds the count. Every word has a number (from 1; 0 is never a
// word): base word k is number k + 1, overlay words follow. Long fields are
// kept as runs of these numbers, so phrases are confirmed on integers.

type List = number | number[] | Uint32Array

const SMALL = 40
const FIELD_BITS = 4
export const FIELD_MASK = (1 << FIELD_BITS) - 1
/** Item numbers must fit in the 28 bits left for them. */
export const MAX_ITEMS = 2 ** (32 - FIELD_BITS)

export function entryOf(item: number, field: number): number {
  return item * (FIELD_MASK + 1) + field
}

/** The saved form of the lists: words sorted and joined by NUL, word k's entries at entries[offsets[k] … offsets[k+1]). */
export interface PostingsSnapshot {
  words: string
  offsets: Uint32Array
  entries: Uint32Array
}

/** Words never hold a NUL (tokens are letters and digits; identifiers drop it), so it can join them. */
export const WORD_JOIN = '\u0000'

function firstAtLeast(sorted: readonly string[], start: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < start) lo = mid + 1
    else hi = mid
  }
  return lo
}

export class PostingLists {
  private base: string[] = []
  private baseOffsets: Uint32Array = new Uint32Array(1)
  private baseEntries: Uint32Array = new Uint32Array(0)
  /** overlay words → their numbers (after the base's) */
  private readonly numbers = new Map<string, number>()
  /** overlay entries per word number (base words may have some too) */
  private lists: (List | undefined)[] = [undefined]
  /** overlay words, sorted, for prefix lookup by binary search */
  private sorted: string[] = []
  /** overlay words added since `sorted` was built; scanned linearly until there are many */
  private recent: string[] = []

  get wordCount(): number {
    return this.base.length + this.numbers.size
  }

  /** The word's number, or 0 when no item ever had it. */
  numberOf(word: string): number {
    const k = firstAtLeast(this.base, word)
    if (k < this.base.length && this.base[k] === word) return k + 1
    return this.numbers.get(word) ?? 0
  }

  /** The word's number, given one if it is new. */
  wordNumber(word: string): number {
    let number = this.numberOf(word)
    if (number === 0) {
      number = this.lists.length
      this.numbers.set(word, number)
      this.lists.push(undefined)
      this.recent.push(word)
    }
    return number
  }

  /** Adds an entry to a word's list. */
  append(word: string, entry: number): void {
    this.appendTo(this.wordNumber(word), entry)
  }

  /** Adds an entry to the list of the word with this number. */
  appendTo(number: number, entry: number): void {
    const list = this.lists[number]
    if (list === undefined) {
      this.lists[number] = entry
    } else if (typeof list === 'number') {
      this.lists[number] = [list, entry]
    } else if (Array.isArray(list)) {
      // concat, not push: push leaves room for 16 more entries on every small list.
      if (list.length < SMALL) this.lists[number] = list.concat(entry)
      else {
        const grown = new Uint32Array(SMALL * 2 + 1)
        grown[0] = list.length + 1
        grown.set(list, 1)
        grown[list.length + 1] = entry
        this.lists[number] = grown
      }
    } else {
      const count = list[0]
      let target = list
      if (count + 1 >= list.length) {
        // Grow by half, not double: less slack across a few hundred thousand lists.
        target = new Uint32Array(Math.ceil(list.length * 1.5))
        target.set(list)
        this.lists[number] = target
      }
      target[count + 1] = entry
      target[0] = count + 1
    }
  }

  /** Calls `visit` with every entry of `word` (exact). */
  forEachEntry(word: string, visit: (entry: number) => void): void {
    this.forEachEntryOf(this.numberOf(word), visit)
  }

  private forEachEntryOf(number: number, visit: (entry: number) => void): void {
    if (number === 0) return
    if (number <= this.base.length) {
      const end = this.baseOffsets[number]
      for (let i = this.baseOffsets[number - 1]; i < end; i++) visit(this.baseEntries[i])
    }
    const list = this.lists[number]
    if (list === undefined) return
    if (typeof list === 'number') visit(list)
    else if (Array.isArray(list)) {
      for (let i = 0; i < list.length; i++) visit(list[i])
    } else {
      const end = list[0]
      for (let i = 1; i <= end; i++) visit(list[i])
    }
  }

  /** The indexed words that begin with `start` (including `start` itself). */
  wordsStartingWith(start: string): string[] {
    if (this.recent.length > 5000) this.resort()
    const found: string[] = []
    for (let i = firstAtLeast(this.base, start); i < this.base.length && this.base[i].startsWith(start); i++) found.push(this.base[i])
    for (let i = firstAtLeast(this.sorted, start); i < this.sorted.length && this.sorted[i].startsWith(start); i++) found.push(this.sorted[i])
    for (const word of this.recent) if (word.startsWith(start)) found.push(word)
    return found
  }

  /** Every word number with the entries it keeps, `newNumber[oldItem]` applied (-1 = item gone). */
  private keptEntries(number: number, newNumber: Int32Array): number[] {
    const kept: number[] = []
    this.forEachEntryOf(number, entry => {
      const item = newNumber[Math.floor(entry / (FIELD_MASK + 1))]
      if (item >= 0) kept.push(entryOf(item, entry & FIELD_MASK))
    })
    return kept
  }

  /** Renumbers items after removals: `newNumber[old]` is the new number, or -1 when gone. Word numbers stay. */
  renumber(newNumber: Int32Array): void {
    const offsets = new Uint32Array(this.base.length + 1)
    const entries: number[] = []
    for (let k = 1; k <= this.base.length; k++) {
      for (const entry of this.keptEntries(k, newNumber)) entries.push(entry)
      offsets[k] = entries.length
    }
    const lists: (List | undefined)[] = new Array(this.lists.length)
    for (let number = this.base.length + 1; number < this.lists.length; number++) {
      const kept = this.keptEntries(number, newNumber)
      if (kept.length === 0) continue
      if (kept.length === 1) lists[number] = kept[0]
      else if (kept.length <= SMALL) lists[number] = kept
      else {
        const packed = new Uint32Array(kept.length + 1)
        packed[0] = kept.length
        packed.set(kept, 1)
        lists[number] = packed
      }
    }
    this.baseOffsets = offsets
    this.baseEntries = Uint32Array.from(entries)
    this.lists = lists
  }

  /**
   * The lists in their saved form, items renumbered by `newNumber` (removed
   * ones dropped) and words sorted; `wordRemap[old]` is each word's new number
   * (0 for a word no item keeps).
   */
  snapshot(newNumber: Int32Array): { postings: PostingsSnapshot; wordRemap: Uint32Array } {
    const all: { word: string; number: number }[] = this.base.map((word, k) => ({ word, number: k + 1 }))
    for (const [word, number] of this.numbers) all.push({ word, number })
    all.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    const wordRemap = new Uint32Array(this.lists.length)
    const words: string[] = []
    const offsets: number[] = [0]
    let entries = new Uint32Array(1 << 16)
    let used = 0
    for (const { word, number } of all) {
      const kept = this.keptEntries(number, newNumber)
      if (kept.length === 0) continue
      if (word.includes(WORD_JOIN)) throw new Error('A search word holds a NUL character.')
      if (used + kept.length > entries.length) {
        const grown = new Uint32Array(Math.max(entries.length * 2, used + kept.length))
        grown.set(entries.subarray(0, used))
        entries = grown
      }
      entries.set(kept, used)
      used += kept.length
      words.push(word)
      offsets.push(used)
      wordRemap[number] = words.length
    }
    return { postings: { words: words.join(WORD_JOIN), offsets: Uint32Array.from(offsets), entries: entries.slice(0, used) }, wordRemap }
  }

  /** Starts over from a saved form (nothing in the overlay). */
  restore(saved: PostingsSnapshot): void {
    this.base = saved.words === '' ? [] : saved.words.split(WORD_JOIN)
    if (saved.offsets.length !== this.base.length + 1) throw new Error('The saved search index is damaged (word offsets).')
    this.baseOffsets = saved.offsets
    this.baseEntries = saved.entries
    this.numbers.clear()
    this.lists = new Array(this.base.length + 1)
    this.sorted = []
    this.recent = []
  }

  clear(): void {
    this.restore({ words: '', offsets: new Uint32Array(1), entries: new Uint32Array(0) })
  }

  private resort(): void {
    this.sorted = [...this.numbers.keys()].sort()
    this.recent = []
  }
}
