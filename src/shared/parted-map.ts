// Maps and sets of many keys (paper ids, or hashes) kept as 16 smaller ones, each key's part chosen by its last
// character (or a number's last 4 bits). A Map grows by copying itself whole into one twice its size: at 65,536 entries that is ~12 ms of CPU
// (Node 20), and while an import's papers are taken in, the window's maps and sets by paper id grew at the same paper,
// in one task of 30-40 ms. A part holds a sixteenth of the keys: each copy is that much shorter, and the parts grow at
// different papers. Iteration follows no one order (the order of insertion within each part).

const PARTS = 16

/** The part of a key: a paper id ends in a random hex digit, '0'-'9' and 'a'-'f' mapped to 0-15 (other keys anywhere). */
function partOfText(key: string): number {
  const code = key.charCodeAt(key.length - 1)
  return (code + (code >> 6) * 9) & (PARTS - 1)
}

/** The part of a number (a hash of well-mixed bits): its last 4 bits. */
export const partOfNumber = (key: number): number => key & (PARTS - 1)

/** Keys are strings unless `partOf` says where another kind of key goes (partOfNumber for hashes). */
export class PartedMap<V, K = string> {
  private readonly parts = Array.from({ length: PARTS }, () => new Map<K, V>())
  private count = 0

  constructor(private readonly partOf: (key: K) => number = partOfText as (key: unknown) => number) {}

  get size(): number {
    return this.count
  }

  get(key: K): V | undefined {
    return this.parts[this.partOf(key)].get(key)
  }

  has(key: K): boolean {
    return this.parts[this.partOf(key)].has(key)
  }

  set(key: K, value: V): this {
    const part = this.parts[this.partOf(key)]
    const before = part.size
    part.set(key, value)
    this.count += part.size - before
    return this
  }

  delete(key: K): boolean {
    const deleted = this.parts[this.partOf(key)].delete(key)
    if (deleted) this.count--
    return deleted
  }

  *keys(): Generator<K> {
    for (const part of this.parts) yield* part.keys()
  }
}

export class PartedSet implements Iterable<string> {
  private readonly map = new PartedMap<true>()

  constructor(keys: Iterable<string> = []) {
    for (const key of keys) this.add(key)
  }

  get size(): number {
    return this.map.size
  }

  has(key: string): boolean {
    return this.map.has(key)
  }

  add(key: string): this {
    this.map.set(key, true)
    return this
  }

  delete(key: string): boolean {
    return this.map.delete(key)
  }

  [Symbol.iterator](): Generator<string> {
    return this.map.keys()
  }
}
