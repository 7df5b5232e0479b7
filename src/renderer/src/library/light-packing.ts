// How a part of the saved light form (light-form.ts) holds its papers: what
// many papers have in common — a journal, an author, a MeSH term, a keyword, a
// tag, a date, a peptide tag — is written once per part, and the papers name
// it by number. At 100,000 papers the form was 120 MB of JSON, and the window
// kept a string and an object of its own for every author, heading and journal
// of every paper (160 MB of its heap); the window now keeps one of each
// (SharedValues), frozen, since many papers hold it. Lists few papers differ in
// (tags, collections, sources…) are shared whole: an array of its own for each
// paper, empty or not, was ≈ 7 MB at 100,000 papers. A paper's DOI is written
// once: its lower-cased `doi`, the `doiKey` the database indexes and the
// `csl.DOI` citations read are most often the same text (three copies of it in
// the form and in the window's heap). A part is written in lines (JSON never
// has a raw newline): what is shared, the key hashes, then the papers a hundred
// a line, so the window parses a line in a short step of its own (a part whole
// was one string of 0.3 MB that the collector had to handle as a large object,
// and one step of 500 papers).
import type { ItemBasics } from '@shared/model'

/** Fields of a paper whose values many papers share: lists that few papers differ in are shared whole. */
const PAPER_FIELDS = [
  'tags',
  'sources',
  'publicationTypes',
  'collectionIds',
  'flags',
  'removedPeptideTags',
  'editedFields',
  'license',
  'readStatus',
  'addedBy',
  'editedBy'
] as const
/** Lists of a paper whose entries many papers share (the lists themselves differ). */
const PAPER_LISTS = ['mesh', 'peptideTags', 'keywords'] as const
const CSL_FIELDS = ['type', 'container-title', 'container-title-short', 'issued', 'publisher', 'publisher-place', 'language'] as const
const CSL_LISTS = ['author', 'editor'] as const

/**
 * A part's lines: first a JSON list of each shared value once, as its own JSON text (so the window recognises a value
 * it already holds without building it again); then a JSON list of the hashes of the keys the duplicate finder knows
 * each paper by (keyHash, shared/duplicates.ts); then the papers, PAPERS_PER_LINE to a JSON list, where a shared field is the number of
 * its value in the shared list (a list shared whole too), a list of shared entries the numbers of its entries, and
 * `doiKey` or `csl.DOI` the same text as `doi` is SAME_AS_DOI.
 */
export const PAPERS_PER_LINE = 100

/** in a packed paper, `doiKey` or `csl.DOI`: the same text as its `doi` */
const SAME_AS_DOI = 0

/** `doiKey` or `csl.DOI` as written: SAME_AS_DOI, or an odd number or list in a list of its own (so none reads as SAME_AS_DOI). */
function packDoi(value: unknown, doi: unknown): unknown {
  if (typeof doi === 'string' && value === doi) return SAME_AS_DOI
  return typeof value === 'number' || Array.isArray(value) ? [value] : value
}

function unpackDoi(value: unknown, doi: unknown): unknown {
  if (value === SAME_AS_DOI) return doi
  return Array.isArray(value) ? value[0] : value
}

type Fields = Record<string, unknown>

/** The papers and the hashes of the keys the duplicate finder knows each by, as one string of JSON lines. */
export function packPapers(papers: readonly ItemBasics[], hashes: number[][]): string {
  const shared: string[] = []
  const numbers = new Map<string, number>()
  const numberOf = (value: unknown): number => {
    const text = JSON.stringify(value) ?? 'null'
    let n = numbers.get(text)
    if (n === undefined) numbers.set(text, (n = shared.push(text) - 1))
    return n
  }
  const pack = (fields: Fields, names: readonly string[], entries = false): void => {
    for (const name of names) {
      const value = fields[name]
      if (value !== undefined) fields[name] = entries && Array.isArray(value) ? value.map(numberOf) : numberOf(value)
    }
  }
  const packed = papers.map(paper => {
    const csl: Fields = { ...paper.csl }
    const fields: Fields = { ...paper, csl }
    pack(fields, PAPER_FIELDS)
    pack(fields, PAPER_LISTS, true)
    pack(csl, CSL_FIELDS)
    pack(csl, CSL_LISTS, true)
    if (fields.doiKey !== undefined) fields.doiKey = packDoi(fields.doiKey, paper.doi)
    if (csl.DOI !== undefined) csl.DOI = packDoi(csl.DOI, paper.doi)
    return fields
  })
  const lines = [JSON.stringify(shared), JSON.stringify(hashes)]
  for (let start = 0; start < packed.length; start += PAPERS_PER_LINE) lines.push(JSON.stringify(packed.slice(start, start + PAPERS_PER_LINE)))
  return oneByte(lines.join('\n'))
}

/**
 * The JSON with every character past Latin-1 written as a \u escape. One such character (a β, an Ł) in a part made
 * the whole string two bytes a character, each copied from IndexedDB to the worker and again to the window; a
 * one-byte string is half of that, and JSON.parse reads the escapes back.
 */
function oneByte(json: string): string {
  return json.replace(/[\u0100-\uffff]/g, unicodeEscape)
}

/** A character as JSON's \u escape (every character past ASCII is inside a JSON string, where the escape means the same). */
export const unicodeEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * The values papers share, one copy of each for every part read with it (the window keeps one while it reads the
 * form). Frozen: many papers hold the same object, so a change to one would be a change to all.
 */
export class SharedValues {
  private values = new Map<string, unknown>()

  valueOf(text: string): unknown {
    let value = this.values.get(text)
    if (value === undefined) this.values.set(text, (value = sharedValue(text)))
    return value
  }
}

/** A shared value from its JSON text, frozen (many papers hold it). */
export const sharedValue = (text: string): unknown => frozen(JSON.parse(text))

function frozen(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  for (const inner of Object.values(value)) frozen(inner)
  return Object.freeze(value)
}

/** A part's papers and their keys' hashes; the shared values are taken from `values` (one copy of each across parts). */
export function unpackPapers(json: string, values = new SharedValues()): { papers: ItemBasics[]; hashes: number[][] } {
  const [sharedLine, hashesLine, ...paperLines] = json.split('\n')
  const shared = (JSON.parse(sharedLine) as string[]).map(text => values.valueOf(text))
  return { papers: paperLines.flatMap(line => unpackLine(line, shared)), hashes: JSON.parse(hashesLine) as number[][] }
}

const unpack = (fields: Fields, names: readonly string[], shared: readonly unknown[]): void => {
  for (const name of names) {
    const value = fields[name]
    if (typeof value === 'number') fields[name] = shared[value]
    else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = shared[value[i]]
  }
}

/** The papers of one line of a part, `shared` its shared values in the order the part lists them. */
export function unpackLine(line: string, shared: readonly unknown[]): ItemBasics[] {
  const papers = JSON.parse(line) as Fields[]
  for (const paper of papers) {
    const csl = paper.csl as Fields
    unpack(paper, PAPER_FIELDS, shared)
    unpack(paper, PAPER_LISTS, shared)
    unpack(csl, CSL_FIELDS, shared)
    unpack(csl, CSL_LISTS, shared)
    // one string for the three
    if (paper.doiKey !== undefined) paper.doiKey = unpackDoi(paper.doiKey, paper.doi)
    if (csl.DOI !== undefined) csl.DOI = unpackDoi(csl.DOI, paper.doi)
  }
  return papers as unknown as ItemBasics[]
}
