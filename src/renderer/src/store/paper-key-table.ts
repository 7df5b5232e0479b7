// The keys the library's papers are recognised by (DOI, PMID, PMCID, title +
// year + first author: shared/duplicates.ts), kept as 30-bit hashes in typed
// arrays. At 100,000 papers the keys as strings, in two maps, held ≈ 30 MB of
// the window's heap (≈ 150 characters a paper, a string and a map entry each).
// A hash only names candidates: a candidate is checked by working out its keys
// again from its light copy (only on a match), so what is found is exactly
// what the keys as strings found.
import { DuplicateFinder, keyHash, keysWithReasons, recognitionKeys, type FoundPaper, type PaperFinder } from '@shared/duplicates'
import type { NamedRecord } from '@shared/model'

/** an empty cell of the table */
const EMPTY = -1

export class PaperKeyTable implements PaperFinder {
  /** the papers by number, in the order they were added; undefined once removed (or added again under a new number) */
  private ids: (string | undefined)[] = []
  private numbers = new Map<string, number>()
  /** open addressing: a key's hash and its paper's number in the same cell of each array */
  private hashes = new Int32Array(1024)
  private papers = new Int32Array(1024).fill(EMPTY)
  /** cells taken, those of removed papers too (until the table is rebuilt) */
  private taken = 0

  /** `paperOf`: the paper as the window holds it now, to check a candidate against */
  constructor(private readonly paperOf: (id: string) => NamedRecord | undefined) {}

  /** Knows a paper by its keys' hashes (recognitionHashes), instead of what it was known by before. */
  add(id: string, hashes: ArrayLike<number>): void {
    this.remove(id)
    if (hashes.length === 0) return
    if ((this.taken + hashes.length) * 4 > this.papers.length * 3) this.rebuild(hashes.length)
    const number = this.ids.push(id) - 1
    this.numbers.set(id, number)
    for (let n = 0; n < hashes.length; n++) this.put(hashes[n], number)
  }

  /**
   * Room now for `more` keys to come (an import's): the table is rebuilt here, once, not as they are added — a rebuild
   * places every key known again in one step (3 of them in the slices of a 3,000-paper import; at 98,000 papers of 4
   * keys one took 26-94 ms in Node at load 13).
   */
  expect(more: number): void {
    if ((this.taken + more) * 4 > this.papers.length * 3) this.rebuild(more)
  }

  remove(id: string): void {
    const number = this.numbers.get(id)
    if (number === undefined) return
    this.numbers.delete(id)
    this.ids[number] = undefined
  }

  /** The paper holding one of the record's keys (DOI first, title last); of several, the one known longest. */
  find(record: NamedRecord, keys = keysWithReasons(record)): FoundPaper | undefined {
    const mask = this.papers.length - 1
    for (const [key, reason] of keys) {
      const hash = keyHash(key)
      let found: number | undefined
      for (let cell = hash & mask; this.papers[cell] !== EMPTY; cell = (cell + 1) & mask) {
        const number = this.papers[cell]
        if (this.hashes[cell] === hash && (found === undefined || number < found) && this.holds(number, key)) found = number
      }
      if (found !== undefined) return { id: this.ids[found]!, reason }
    }
    return undefined
  }

  fork(): DuplicateFinder {
    return new DuplicateFinder([], this)
  }

  /** papers known (tests) */
  get size(): number {
    return this.numbers.size
  }

  private holds(number: number, key: string): boolean {
    const id = this.ids[number]
    const paper = id === undefined ? undefined : this.paperOf(id)
    return paper !== undefined && recognitionKeys(paper).includes(key)
  }

  private put(hash: number, number: number): void {
    const mask = this.papers.length - 1
    let cell = hash & mask
    while (this.papers[cell] !== EMPTY) cell = (cell + 1) & mask
    this.hashes[cell] = hash
    this.papers[cell] = number
    this.taken++
  }

  /**
   * Room for `more` keys, the table at most half full after them (it is rebuilt at three quarters): the cells of
   * removed papers are dropped and the papers still known numbered again in the same order (the one known longest
   * still wins).
   */
  private rebuild(more: number): void {
    const renumbered = new Int32Array(this.ids.length).fill(EMPTY)
    const ids: string[] = []
    for (const [number, id] of this.ids.entries()) {
      if (id === undefined) continue
      renumbered[number] = ids.push(id) - 1
      this.numbers.set(id, renumbered[number])
    }
    let live = 0
    for (const number of this.papers) if (number !== EMPTY && renumbered[number] !== EMPTY) live++
    let cells = 1024
    while ((live + more) * 2 > cells) cells *= 2
    const { hashes, papers } = this
    this.ids = ids
    this.hashes = new Int32Array(cells)
    this.papers = new Int32Array(cells).fill(EMPTY)
    this.taken = 0
    for (let cell = 0; cell < papers.length; cell++) {
      const number = papers[cell]
      if (number !== EMPTY && renumbered[number] !== EMPTY) this.put(hashes[cell], renumbered[number])
    }
  }
}
