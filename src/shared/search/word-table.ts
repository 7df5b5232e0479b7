// The words an index met since its saved base, each with its place in the
// order met: a hash table that finds a word given as a stretch of a longer
// text, so building an index cuts no string for a word it already has (a
// Map needed one per word: at 100,000 papers ≈ 26 million words of which
// ≈ 660,000 differ, and the lookups were the build's largest cost).

/** A word's hash is FNV-1a of its char codes, fed one at a time from FNV_START by `fnvStep`, then `mixed` so the low bits spread. */
export const FNV_START = 0x811c9dc5
export const fnvStep = (hash: number, code: number): number => Math.imul(hash ^ code, 16777619)
export function mixed(hash: number): number {
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  return (hash ^ (hash >>> 13)) >>> 0
}

function hashOf(word: string): number {
  let hash = FNV_START
  for (let i = 0; i < word.length; i++) hash = fnvStep(hash, word.charCodeAt(i))
  return mixed(hash)
}

export class WordTable {
  /** word place + 1 in each slot, 0 = empty; linear probing, never more than half full */
  private slots = new Int32Array(1 << 10)
  private hashes: number[] = []
  /** the words in the order they were added */
  readonly words: string[] = []

  get size(): number {
    return this.words.length
  }

  /** The place of the word text[start … end) (with its hash), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1
    const length = end - start
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]
      if (held === 0) return -1
      const word = this.words[held - 1]
      if (this.hashes[held - 1] === hash && word.length === length && text.startsWith(word, start)) return held - 1
    }
  }

  findWord(word: string): number {
    return this.find(word, 0, word.length, hashOf(word))
  }

  /** Adds a word not in the table yet (with its hash, or worked out); its place. */
  add(word: string, hash = hashOf(word)): number {
    if ((this.words.length + 1) * 2 > this.slots.length) this.grow()
    this.words.push(word)
    this.hashes.push(hash)
    this.place(this.words.length, hash)
    return this.words.length - 1
  }

  clear(): void {
    this.slots = new Int32Array(1 << 10)
    this.hashes = []
    this.words.length = 0
  }

  private place(held: number, hash: number): void {
    const mask = this.slots.length - 1
    let slot = hash & mask
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask
    this.slots[slot] = held
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    this.hashes.forEach((hash, n) => this.place(n + 1, hash))
  }
}
