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
// the form and in the window's heap). The papers are written a hundred to a
// line, so the window parses a line in a short step of its own (a part whole
// was one string of 0.3 MB that the collector had to handle as a large object,
// and one step of 500 papers), and a part is saved as the bytes and typed
// arrays that cross to the window (PackedPapers).
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
 * A part as it is saved and as it crosses to the window (store/part-bytes.ts): each shared value once, as its own JSON
 * text (so the window recognises a value it already holds without building it again); the papers PAPERS_PER_LINE to
 * a JSON list, as ASCII bytes, where a shared field is the number of its value in the shared list (a list shared whole
 * too), a list of shared entries the numbers of its entries, and `doiKey` or `csl.DOI` the same text as `doi` is
 * SAME_AS_DOI; and the hashes of the keys the duplicate finder knows each paper by (keyHash, shared/duplicates.ts) as
 * typed arrays. Saved as the bytes that cross, the reader worker only hands them over: making them from a part saved
 * as one JSON text (escapes, encoding, line ends, the hashes parsed) was 10-30 ms a part, the worker's pace deciding
 * when the library was whole at open.
 */
export interface PackedPapers {
  shared: string[]
  /** the lines of papers one after another, each ending where `lineEnds` says; every character past ASCII written as a \u escape */
  lines: Uint8Array<ArrayBuffer>
  lineEnds: Uint32Array<ArrayBuffer>
  /** every paper's key hashes one after another, and how many each paper has (both empty when none were given) */
  hashes: Int32Array<ArrayBuffer>
  hashCounts: Uint8Array<ArrayBuffer>
}

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

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** The papers and the hashes of the keys the duplicate finder knows each by, packed to be saved and to cross. */
export function packPapers(papers: readonly ItemBasics[], hashes: number[][]): PackedPapers {
  const shared: string[] = []
  const numbers = new Map<string, number>()
  // a string is looked up as it is (its JSON text is made once, when it is new) and an empty list by one text: making
  // the JSON of every value to look it up was a tenth of the reader's time at import. The same numbers either way.
  const stringNumbers = new Map<string, number>()
  const numberOfText = (text: string): number => {
    let n = numbers.get(text)
    if (n === undefined) numbers.set(text, (n = shared.push(text) - 1))
    return n
  }
  // a frozen value is one many papers hold (a shared value of the light form, a light peptide tag): numbered by identity
  // once its JSON text has been numbered, so each paper holding it costs no JSON text and no lookup by text
  const frozenNumbers = new Map<object, number>()
  const numberOf = (value: unknown): number => {
    if (typeof value === 'object' && value !== null && Object.isFrozen(value)) {
      let n = frozenNumbers.get(value)
      if (n === undefined) frozenNumbers.set(value, (n = numberOfText(JSON.stringify(value))))
      return n
    }
    if (typeof value === 'string') {
      let n = stringNumbers.get(value)
      if (n === undefined) stringNumbers.set(value, (n = numberOfText(JSON.stringify(value))))
      return n
    }
    if (Array.isArray(value) && value.length === 0) return numberOfText('[]')
    return numberOfText(JSON.stringify(value) ?? 'null')
  }
  const pack = (fields: Fields, names: readonly string[], entries = false): void => {
    for (const name of names) {
      const value = fields[name]
      // an empty list is shared whole: one frozen array for every paper without keywords, MeSH terms…
      if (value !== undefined) fields[name] = entries && Array.isArray(value) && value.length > 0 ? value.map(numberOf) : numberOf(value)
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
    // the light copy's mark, last: a slot for it in the object JSON.parse makes (added after, it took an object more)
    fields.light = 0
    return fields
  })
  const lines: string[] = []
  for (let start = 0; start < packed.length; start += PAPERS_PER_LINE) lines.push(JSON.stringify(packed.slice(start, start + PAPERS_PER_LINE)))
  return { shared, ...asciiLines(lines), ...hashesOf(hashes) }
}

/**
 * The lines as JSON with every character past ASCII written as a \u escape, which JSON.parse reads back: one byte a
 * character, which the window's TextDecoder turns into a string several times faster than a message carrying the
 * string. (Every character past ASCII is inside a JSON string, where the escape means the same.) Written as bytes
 * straight away: escaping the text with a replace(), then joining and encoding it, took 4-5× as long on a MEDLINE
 * file's lines (one title's "μ" makes a line's text two bytes a character). The characters past ASCII are found by a
 * regular expression skipping the runs of ASCII, which are encoded as they stand: looking at every character in a
 * loop was a third of packing a MEDLINE file's papers.
 */
function asciiLines(lines: readonly string[]): Pick<PackedPapers, 'lines' | 'lineEnds'> {
  const places = lines.map(placesPastAscii)
  const lineEnds = new Uint32Array(lines.length)
  // an escape is 6 bytes where the character was one
  for (let n = 0, end = 0; n < lines.length; n++) lineEnds[n] = end += lines[n].length + 5 * places[n].length
  const bytes = new Uint8Array(lineEnds.at(-1) ?? 0)
  for (let n = 0, at = 0; n < lines.length; n++) {
    writeEscaped(lines[n], places[n], bytes, at)
    at = lineEnds[n]
  }
  return { lines: bytes, lineEnds }
}

/** a run of ASCII characters (maybe none) where lastIndex says: test() moves lastIndex past it, making no match array */
const ASCII_RUN = /[\x00-\x7f]*/y

/** Where the characters of `text` past ASCII are (each UTF-16 unit on its own). */
function placesPastAscii(text: string): number[] {
  const places: number[] = []
  for (let at = 0; ; at++) {
    ASCII_RUN.lastIndex = at
    ASCII_RUN.test(text)
    at = ASCII_RUN.lastIndex
    if (at >= text.length) return places
    places.push(at)
  }
}

const HEX_DIGITS = Array.from('0123456789abcdef', digit => digit.charCodeAt(0))
const BACKSLASH = 0x5c
const LETTER_U = 0x75

/** `line` written into `bytes` from `at`, each character at `places` (past ASCII) as its \uXXXX escape. */
function writeEscaped(line: string, places: readonly number[], bytes: Uint8Array, at: number): void {
  let from = 0
  for (const place of places) {
    if (place > from) at += encoder.encodeInto(line.slice(from, place), bytes.subarray(at)).written
    const code = line.charCodeAt(place)
    bytes[at++] = BACKSLASH
    bytes[at++] = LETTER_U
    for (let shift = 12; shift >= 0; shift -= 4) bytes[at++] = HEX_DIGITS[(code >> shift) & 15]
    from = place + 1
  }
  if (from < line.length) encoder.encodeInto(from === 0 ? line : line.slice(from), bytes.subarray(at))
}

/** Every paper's key hashes one after another, and how many each paper has, copied in two plain loops (flat() and filling through the iterator took 3× as long). */
function hashesOf(lists: number[][]): { hashes: Int32Array<ArrayBuffer>; hashCounts: Uint8Array<ArrayBuffer> } {
  const hashCounts = new Uint8Array(lists.length)
  let total = 0
  for (let i = 0; i < lists.length; i++) total += hashCounts[i] = lists[i].length
  const hashes = new Int32Array(total)
  let n = 0
  for (const list of lists) for (let k = 0; k < list.length; k++) hashes[n++] = list[k]
  return { hashes, hashCounts }
}

/** The text of each line of papers of a part, one at a time. */
export function* lineTexts(part: Pick<PackedPapers, 'lines' | 'lineEnds'>): Generator<string> {
  for (let line = 0, start = 0; line < part.lineEnds.length; start = part.lineEnds[line++])
    yield decoder.decode(part.lines.subarray(start, part.lineEnds[line]))
}

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

/** A part's papers (unmarked) and their keys' hashes; the shared values are taken from `values` (one copy of each across parts). */
export function unpackPapers(part: PackedPapers, values = new SharedValues()): { papers: ItemBasics[]; hashes: number[][] } {
  const shared = part.shared.map(text => values.valueOf(text))
  const hashes: number[][] = []
  for (let i = 0, at = 0; i < part.hashCounts.length; at += part.hashCounts[i++]) hashes.push([...part.hashes.subarray(at, at + part.hashCounts[i])])
  return { papers: [...lineTexts(part)].flatMap(line => unpackLine(line, shared)), hashes }
}

const unpack = (fields: Fields, names: readonly string[], shared: readonly unknown[]): void => {
  for (const name of names) {
    const value = fields[name]
    if (typeof value === 'number') fields[name] = shared[value]
    else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = shared[value[i]]
  }
}

/**
 * The papers of one line of a part, `shared` its shared values in the order the part lists them, each given `mark`
 * as its light copy's mark (store/light-item.ts), or none.
 */
export function unpackLine(line: string, shared: readonly unknown[], mark?: () => void): ItemBasics[] {
  const papers = JSON.parse(line) as Fields[]
  for (const paper of papers) {
    // the last property: deleting it leaves the object as it was without it
    if (mark) paper.light = mark
    else delete paper.light
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
