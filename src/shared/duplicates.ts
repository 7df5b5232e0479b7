// Likely duplicates: the same DOI, PMID or PMCID, or the same title (letters
// and digits only, accents folded), year and first author. Linear in the
// number of items, so it stays cheap at 100,000.
import type { ItemBasics, NamedRecord } from './model'
import { titleFingerprint } from './text'
import { yearOf } from './display'
import { PartedMap, partOfNumber } from './parted-map'

export interface DuplicatePair {
  a: string
  b: string
  reason: 'DOI' | 'PMID' | 'PMCID' | 'title, year and first author'
}

function firstAuthor(record: NamedRecord): string {
  const first = record.csl.author?.[0]
  return titleFingerprint(first?.family ?? first?.literal ?? '')
}

/** The keys under which a paper can be recognised again, each with its reason, in the order a match is looked for. */
export function keysWithReasons(record: NamedRecord): [string, DuplicatePair['reason']][] {
  const keys: [string, DuplicatePair['reason']][] = []
  if (record.doi) keys.push([`doi:${record.doi.toLowerCase()}`, 'DOI'])
  if (record.pmid) keys.push([`pmid:${record.pmid}`, 'PMID'])
  if (record.pmcid) keys.push([`pmcid:${record.pmcid.toUpperCase()}`, 'PMCID'])
  const fingerprint = titleFingerprint(record.csl.title)
  const year = yearOf(record)
  if (fingerprint.length >= 12 && year) keys.push([`t:${fingerprint}|${year}|${firstAuthor(record)}`, 'title, year and first author'])
  return keys
}

/** The keys a paper is recognised by (what DuplicateFinder keeps). */
export const recognitionKeys = (record: NamedRecord): string[] => keysWithReasons(record).map(([key]) => key)

/**
 * A key's 30-bit hash (FNV-1a, folded; 30 bits so it is a small integer in JSON and in V8): what the library's own
 * finder keeps of each key (store/paper-key-table.ts) and the light form saves, so opening a library does not work
 * the keys out again. It names candidates only: a match is checked against the paper's keys.
 */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return (hash ^ (hash >>> 30)) & 0x3fffffff
}

/** The hashes of the keys a paper is recognised by. */
export const recognitionHashes = (record: NamedRecord): number[] => recognitionKeys(record).map(keyHash)

/** The paper already present that holds a record, and why it is the same. */
export interface FoundPaper {
  id: string
  reason: DuplicatePair['reason']
}

/** What recognises papers already in the library: the store's finder, or a fork of it that also knows a file's records. */
export interface PaperFinder {
  /** `keys`: the record's keysWithReasons, when they were worked out already (an import works them out once a paper) */
  find(record: NamedRecord, keys?: readonly [string, DuplicatePair['reason']][]): FoundPaper | undefined
  /** A finder that sees everything this one does, plus what is added to it. */
  fork(): DuplicateFinder
}

export function findDuplicatePairs(items: Iterable<ItemBasics>): DuplicatePair[] {
  const seen = new Map<string, string>()
  const pairs = new Map<string, DuplicatePair>()
  const note = (key: string, item: ItemBasics, reason: DuplicatePair['reason']): void => {
    const other = seen.get(key)
    if (other === undefined) {
      seen.set(key, item.id)
      return
    }
    const [a, b] = other < item.id ? [other, item.id] : [item.id, other]
    if (!pairs.has(`${a}|${b}`)) pairs.set(`${a}|${b}`, { a, b, reason })
  }
  for (const item of items) {
    if (item.trashedAt !== undefined) continue
    for (const [key, reason] of keysWithReasons(item)) note(key, item, reason)
  }
  return [...pairs.values()]
}

export function idsInPairs(pairs: DuplicatePair[]): Set<string> {
  return new Set(pairs.flatMap(p => [p.a, p.b]))
}

/**
 * Recognises papers already present, without a query per record: kept by
 * the library store as items change, and forked for a file import so the
 * file's own records count too (the fork is dropped if the import fails).
 */
export class DuplicateFinder implements PaperFinder {
  // A key's holder is looked up by the key's hash (keyHash), a number, and checked against the key's text: a map by the
  // text had to hash each new key string first, ≈ 1 µs a key in the window's V8 (a MEDLINE file's papers have three,
  // DOI, PMID and title: 2.1 s against 0.6 s for 100,000 papers in Chromium, load 16). The same holders either way.
  /** the papers by number, and the keys each was added with; undefined once removed */
  private ids: (string | undefined)[] = []
  private keysOf: (readonly string[] | undefined)[] = []
  private numbers = new Map<string, number>()
  /**
   * by a key's hash, the keys held as paper number × KEYS_A_PAPER + the key's place in its list: one, or a list when
   * hashes meet. In 16 maps by the hash's last 4 bits: a Map grows by copying itself whole, and an import's fork learns
   * 300,000 keys of 100,000 papers a slice at a time (one map's copy at 262,144 keys was one add of ~55 ms of CPU, Node).
   */
  private holders = new PartedMap<number | number[], number>(partOfNumber)

  constructor(
    items: Iterable<ItemBasics> = [],
    private readonly base?: PaperFinder
  ) {
    for (const item of items) this.add(item)
  }

  add(item: ItemBasics, keys?: string[]): void {
    this.remove(item.id)
    if (item.trashedAt !== undefined) return
    keys ??= recognitionKeys(item)
    const number = this.ids.push(item.id) - 1
    this.numbers.set(item.id, number)
    this.keysOf[number] = keys
    // the first paper to hold a key keeps it
    keys.forEach((key, place) => {
      const hash = keyHash(key)
      if (this.holderOf(hash, key) !== undefined) return
      const held = number * KEYS_A_PAPER + place
      const before = this.holders.get(hash)
      this.holders.set(hash, before === undefined ? held : [...(typeof before === 'number' ? [before] : before), held])
    })
  }

  remove(id: string): void {
    const number = this.numbers.get(id)
    if (number === undefined) return
    // the keys it held are held by none (as a map by key text had them)
    this.keysOf[number]?.forEach((key, place) => {
      const hash = keyHash(key)
      const before = this.holders.get(hash)
      const held = number * KEYS_A_PAPER + place
      if (before === held) this.holders.delete(hash)
      else if (Array.isArray(before))
        this.holders.set(
          hash,
          before.filter(other => other !== held)
        )
    })
    this.numbers.delete(id)
    this.ids[number] = this.keysOf[number] = undefined
  }

  /** The id of the item that already holds this paper, and why it is the same. */
  find(record: NamedRecord, keys = keysWithReasons(record)): FoundPaper | undefined {
    for (const [key, reason] of keys) {
      const id = this.holderOf(keyHash(key), key)
      if (id !== undefined) return { id, reason }
    }
    return this.base?.find(record, keys)
  }

  fork(): DuplicateFinder {
    return new DuplicateFinder([], this)
  }

  /** The id of the paper holding `key` (whose hash is `hash`). */
  private holderOf(hash: number, key: string): string | undefined {
    const held = this.holders.get(hash)
    if (held === undefined) return undefined
    for (const one of typeof held === 'number' ? [held] : held) {
      const number = Math.floor(one / KEYS_A_PAPER)
      if (this.keysOf[number]?.[one % KEYS_A_PAPER] === key) return this.ids[number]
    }
    return undefined
  }
}

/** more than the keys a paper is known by (keysWithReasons: DOI, PMID, PMCID, title) */
const KEYS_A_PAPER = 8
