// The keys the library's papers are recognised by (DOI, PMID, PMCID, title +
// year + first author: shared/duplicates.ts), kept as 30-bit hashes in typed
// arrays. At 100,000 papers the keys as strings, in two maps, held ≈ 30 MB of
// the window's heap (≈ 150 characters a paper, a string and a map entry each).
// A hash only names candidates: a candidate is checked by working out its keys
// again from its light copy (only on a match), so what is found is exactly
// what the keys as strings found.
import { DuplicateFinder, keyHash, keysWithReasons, recognitionKeys, type FoundPaper, type PaperFinder } from '@shared/duplicates'
import type { NamedRecord } from '@shared/model'

/**
 * an empty cell of the table: a cell holds its paper's number plus one, so a new table is empty as it is allocated (a
 * table made for an import's 300,000 keys filled with a mark touched its 4 MB at once, each page a fault)
 */
const EMPTY = 0
/** cells of the table before it grew that are moved into the new one at each paper added */
const MOVED_PER_ADD = 64

/** A table's cells: a key's hash and its paper's number (plus one) in the same cell of each array. */
interface Cells {
  hashes: Int32Array
  papers: Int32Array
}

export class PaperKeyTable implements PaperFinder {
  /** the papers by number, in the order they were added; undefined once removed (or added again under a new number) */
  private ids: (string | undefined)[] = []
  private numbers = new Map<string, number>()
  /** open addressing: a key's hash and its paper's number (plus one) in the same cell of each array */
  private hashes = new Int32Array(1024)
  private papers = new Int32Array(1024)
  /** cells taken, those of removed papers too (until the table is rebuilt) */
  private taken = 0
  /**
   * the table before it grew for an import, its cells from `next` on not moved into the new one yet: looked in too
   * until they are (moving the keys known into a table for 300,000 touched its pages in one task: 47 ms traced)
   */
  private older?: Cells & { next: number }

  /** `paperOf`: the paper as the window holds it now, to check a candidate against */
  constructor(private readonly paperOf: (id: string) => NamedRecord | undefined) {}

  /** Knows a paper by its keys' hashes (recognitionHashes), instead of what it was known by before. */
  add(id: string, hashes: ArrayLike<number>): void {
    this.remove(id)
    if (hashes.length === 0) return
    if (this.older) this.moveOlder(MOVED_PER_ADD)
    if ((this.taken + this.olderLeft + hashes.length) * 4 > this.papers.length * 3) this.rebuild(hashes.length)
    const number = this.ids.push(id) - 1
    this.numbers.set(id, number)
    for (let n = 0; n < hashes.length; n++) this.put(hashes[n], number)
  }

  /**
   * Room now for `more` keys to come (an import's): a table of that size made here, once, not as they are added — a
   * rebuild places every key known again in one step (3 of them in the slices of a 3,000-paper import; at 98,000 papers
   * of 4 keys one took 26-94 ms in Node at load 13). The keys known move into it a few at each paper added.
   */
  expect(more: number): void {
    if ((this.taken + this.olderLeft + more) * 4 <= this.papers.length * 3) return
    this.moveOlder(Infinity)
    this.older = { hashes: this.hashes, papers: this.papers, next: 0 }
    const cells = tableSize(this.taken + more)
    this.hashes = new Int32Array(cells)
    this.papers = new Int32Array(cells)
    this.taken = 0
  }

  remove(id: string): void {
    const number = this.numbers.get(id)
    if (number === undefined) return
    this.numbers.delete(id)
    this.ids[number] = undefined
  }

  /** The paper holding one of the record's keys (DOI first, title last); of several, the one known longest. */
  find(record: NamedRecord, keys = keysWithReasons(record)): FoundPaper | undefined {
    for (const [key, reason] of keys) {
      const hash = keyHash(key)
      // a paper still in the older table only is found there; one moved already is in both, under the same number
      const found = Math.min(
        this.holder(this.hashes, this.papers, hash, key),
        this.older ? this.holder(this.older.hashes, this.older.papers, hash, key) : Infinity
      )
      if (found !== Infinity) return { id: this.ids[found]!, reason }
    }
    return undefined
  }

  /** The lowest number of a paper the cells hold under this hash and that holds the key; Infinity for none. */
  private holder(hashes: Int32Array, papers: Int32Array, hash: number, key: string): number {
    const mask = papers.length - 1
    let found = Infinity
    for (let cell = hash & mask; papers[cell] !== EMPTY; cell = (cell + 1) & mask) {
      const number = papers[cell] - 1
      if (hashes[cell] === hash && number < found && this.holds(number, key)) found = number
    }
    return found
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
    this.papers[cell] = number + 1
    this.taken++
  }

  /** cells of the older table not moved yet (each may hold a key) */
  private get olderLeft(): number {
    return this.older ? this.older.papers.length - this.older.next : 0
  }

  /** Moves up to `count` cells of the older table into the table (a removed paper's key is left behind). */
  private moveOlder(count: number): void {
    const older = this.older
    if (!older) return
    const end = Math.min(older.papers.length, older.next + count)
    for (let cell = older.next; cell < end; cell++) {
      const held = older.papers[cell]
      if (held !== EMPTY && this.ids[held - 1] !== undefined) this.put(older.hashes[cell], held - 1)
    }
    older.next = end
    if (end === older.papers.length) this.older = undefined
  }

  /**
   * Room for `more` keys, the table at most half full after them (it is rebuilt at three quarters): the cells of
   * removed papers are dropped and the papers still known numbered again in the same order (the one known longest
   * still wins).
   */
  private rebuild(more: number): void {
    this.moveOlder(Infinity)
    const renumbered = new Int32Array(this.ids.length).fill(-1)
    const ids: string[] = []
    for (const [number, id] of this.ids.entries()) {
      if (id === undefined) continue
      renumbered[number] = ids.push(id) - 1
      this.numbers.set(id, renumbered[number])
    }
    let live = 0
    for (const held of this.papers) if (held !== EMPTY && renumbered[held - 1] !== -1) live++
    const cells = tableSize(live + more)
    const { hashes, papers } = this
    this.ids = ids
    this.hashes = new Int32Array(cells)
    this.papers = new Int32Array(cells)
    this.taken = 0
    for (let cell = 0; cell < papers.length; cell++) {
      const held = papers[cell]
      if (held !== EMPTY && renumbered[held - 1] !== -1) this.put(hashes[cell], renumbered[held - 1])
    }
  }
}

/** Cells for `keys` keys: the table at most half full with them. */
function tableSize(keys: number): number {
  let cells = 1024
  while (keys * 2 > cells) cells *= 2
  return cells
}
