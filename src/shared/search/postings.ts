// The inverted index proper: folded word → every (item, field) it occurs in.
// An entry packs both into one uint32: internal item number × 16 + field number.
// Memory at 100k items decides the shape of a list: a word seen once (half of
// any vocabulary) is just its entry; a rare word is an exact-size JS array
// (~60 bytes + 8 per entry); a common word is a Uint32Array whose slot 0 holds
// the count (~200 bytes + 4 per entry, so worth it only past ~40 entries).
// Every word also gets a number (from 1; 0 is never a word), so long fields can
// be kept as runs of word numbers and phrases confirmed by comparing integers.

type List = number | number[] | Uint32Array

const SMALL = 40
const FIELD_BITS = 4
export const FIELD_MASK = (1 << FIELD_BITS) - 1
/** Item numbers must fit in the 28 bits left for them. */
export const MAX_ITEMS = 2 ** (32 - FIELD_BITS)

export function entryOf(item: number, field: number): number {
  return item * (FIELD_MASK + 1) + field
}

export class PostingLists {
  /** word → its number, the index into `lists` (numbers stay, even when a list empties) */
  private readonly numbers = new Map<string, number>()
  private lists: (List | undefined)[] = [undefined]
  /** all words, sorted, for prefix lookup by binary search */
  private sorted: string[] = []
  /** words added since `sorted` was built; scanned linearly until there are many */
  private recent: string[] = []

  get wordCount(): number {
    return this.numbers.size
  }

  /** The word's number, or 0 when no item ever had it. */
  numberOf(word: string): number {
    return this.numbers.get(word) ?? 0
  }

  /** The word's number, given one if it is new. */
  wordNumber(word: string): number {
    let number = this.numbers.get(word)
    if (number === undefined) {
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
    const list = this.lists[this.numbers.get(word) ?? 0]
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
    let lo = 0
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.sorted[mid] < start) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(start); i++) found.push(this.sorted[i])
    for (const word of this.recent) if (word.startsWith(start)) found.push(word)
    return found
  }

  /** Renumbers items after removals: `newNumber[old]` is the new number, or -1 when gone. */
  renumber(newNumber: Int32Array): void {
    this.lists.forEach((list, number) => {
      if (list === undefined) return
      const kept: number[] = []
      const add = (entry: number) => {
        const item = newNumber[Math.floor(entry / (FIELD_MASK + 1))]
        if (item >= 0) kept.push(entryOf(item, entry & FIELD_MASK))
      }
      if (typeof list === 'number') add(list)
      else if (Array.isArray(list)) list.forEach(add)
      else for (let i = 1; i <= list[0]; i++) add(list[i])
      if (kept.length === 0) this.lists[number] = undefined
      else if (kept.length === 1) this.lists[number] = kept[0]
      else if (kept.length <= SMALL) this.lists[number] = kept
      else {
        const packed = new Uint32Array(kept.length + 1)
        packed[0] = kept.length
        packed.set(kept, 1)
        this.lists[number] = packed
      }
    })
  }

  clear(): void {
    this.numbers.clear()
    this.lists = [undefined]
    this.sorted = []
    this.recent = []
  }

  private resort(): void {
    this.sorted = [...this.numbers.keys()].sort()
    this.recent = []
  }
}
