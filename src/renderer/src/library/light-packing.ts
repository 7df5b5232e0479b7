// How a part of the saved light form (light-form.ts) holds its papers: as
// columns, each field of the part's papers one column, so the window builds
// each paper from typed arrays and texts without parsing JSON (parsing the
// papers' JSON, a hundred to a line, and collecting what it left took the
// window ~1.5 s of a 100,000-paper open). What many papers have in common — a
// journal, an author, a MeSH term, a keyword, a tag, a date, a peptide tag — is
// written once per part, and the papers name it by number; the window keeps one
// of each (SharedValues), frozen, since many papers hold it. Lists few papers
// differ in (tags, collections, sources…) are shared whole. A paper's DOI is
// written once: its lower-cased `doi`, the `doiKey` the database indexes and
// the `csl.DOI` citations read are most often the same text. The texts of a
// line of a hundred papers are one string in the window (each paper's a slice
// of it): ASCII ones as bytes the window's TextDecoder turns into a string
// fast, the others as UTF-8 beside them, so a "μ" in one title makes only those
// texts two bytes a character. A part is saved as the bytes and typed arrays
// that cross to the window (PackedPapers).
import type { ItemBasics } from '@shared/model'
import { wellFormed } from '@shared/well-formed'

/** Fields of a paper whose values many papers share: lists that few papers differ in are shared whole. */
const PAPER_FIELDS = new Set([
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
])
/** Lists of a paper whose entries many papers share (the lists themselves differ). */
const PAPER_LISTS = new Set(['mesh', 'peptideTags', 'keywords'])
const CSL_FIELDS = new Set(['type', 'container-title', 'container-title-short', 'issued', 'publisher', 'publisher-place', 'language'])
const CSL_LISTS = new Set(['author', 'editor'])

/** a CSL field's column is named by this and the field's name */
const CSL = 'csl.'

/**
 * A part as it is saved and as it crosses to the window (store/part-bytes.ts): each shared value once, as its own JSON
 * text (so the window recognises a value it already holds without building it again); the papers as columns — every
 * paper's cell in each column, a cell saying where its value is (CELL) — and the hashes of the keys the duplicate
 * finder knows each paper by (keyHash, shared/duplicates.ts) as typed arrays. Saved as the bytes that cross, the
 * reader worker only hands them over.
 */
export interface PackedPapers {
  shared: string[]
  /** the part's fields in the order papers have them: a paper's own by its name, a CSL field by `csl.` and its name */
  columns: string[]
  /** each paper's cell in every column, a paper after another */
  cells: Uint32Array<ArrayBuffer>
  /** the ASCII texts of the papers, a line of PAPERS_PER_LINE papers after another, each line ending where `lineEnds` says */
  lines: Uint8Array<ArrayBuffer>
  lineEnds: Uint32Array<ArrayBuffer>
  /** the texts with characters past ASCII, as UTF-8, a line after another, each ending where `wideEnds` says */
  wide: Uint8Array<ArrayBuffer>
  wideEnds: Uint32Array<ArrayBuffer>
  /** where each text starts and ends in its line's string (ASCII or wide) */
  texts: Uint32Array<ArrayBuffer>
  numbers: Float64Array<ArrayBuffer>
  /** lists of shared values: each its length, then the numbers of its entries */
  lists: Uint32Array<ArrayBuffer>
  /** every paper's key hashes one after another, and how many each paper has (both empty when none were given) */
  hashes: Int32Array<ArrayBuffer>
  hashCounts: Uint8Array<ArrayBuffer>
}

export const PAPERS_PER_LINE = 100

/** What a cell holds (its low bits; the rest is a number saying where). */
const enum CELL {
  NONE = 0,
  /** a text: the number of its place in `texts`, twice, plus one when it is a wide text */
  TEXT = 1,
  /** a value that is not a text or number, as its JSON text (numbered as TEXT) */
  JSON = 2,
  /** a shared value: its number in `shared` */
  SHARED = 3,
  /** a list of shared values: where it starts in `lists` */
  LIST = 4,
  NUMBER = 5,
  /** `doiKey` or `csl.DOI`: the same text as the paper's `doi` */
  SAME_AS_DOI = 6,
  /** the paper's CSL, its fields in their columns */
  CSL = 7
}
const TAG_BITS = 3
const TAG_MASK = 7

type Fields = Record<string, unknown>

/**
 * A paper or its CSL as the window builds it from a part, field by field: a plain object, but made by a constructor,
 * so V8 keeps its fields in the object itself; one made from `{}` keeps all but four in a separate store, made again
 * larger as fields come (several objects per paper for the collector, at 100,000 papers).
 */
const Fields = function (this: Fields) {} as unknown as new () => Fields
Fields.prototype = Object.prototype

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** a run of ASCII characters from the start to the end */
const ASCII = /^[\x00-\x7f]*$/

/** Numbers each value many papers share by its JSON text (a frozen one by identity once numbered, a string by itself). */
function sharedNumbers(): { shared: string[]; numberOf: (value: unknown) => number } {
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
  return { shared, numberOf }
}

/** The texts of a part's lines, each line's ASCII texts and wide texts gathered, then written as bytes. */
class LineTexts {
  readonly texts: number[] = []
  private ascii: string[] = []
  private wide: string[] = []
  private asciiLength = 0
  private wideLength = 0
  private asciiLines: string[] = []
  private wideLines: string[] = []

  /** The cell of a text (as JSON when UTF-8 cannot hold it: a lone surrogate). */
  add(text: string, tag: CELL.TEXT | CELL.JSON): number {
    const n = this.texts.length
    if (ASCII.test(text)) {
      this.texts.push(this.asciiLength, (this.asciiLength += text.length))
      this.ascii.push(text)
      return n * 8 + tag
    }
    if (!wellFormed(text)) return this.add(JSON.stringify(text), CELL.JSON)
    this.texts.push(this.wideLength, (this.wideLength += text.length))
    this.wide.push(text)
    return (n + 1) * 8 + tag
  }

  endLine(): void {
    this.asciiLines.push(this.ascii.join(''))
    this.wideLines.push(this.wide.join(''))
    this.ascii = []
    this.wide = []
    this.asciiLength = this.wideLength = 0
  }

  bytes(): Pick<PackedPapers, 'lines' | 'lineEnds' | 'wide' | 'wideEnds'> {
    const lineEnds = new Uint32Array(this.asciiLines.length)
    for (let n = 0, end = 0; n < lineEnds.length; n++) lineEnds[n] = end += this.asciiLines[n].length
    const lines = new Uint8Array(lineEnds.at(-1) ?? 0)
    encoder.encodeInto(this.asciiLines.join(''), lines)
    const wideLines = this.wideLines.map(line => encoder.encode(line))
    const wideEnds = new Uint32Array(wideLines.length)
    for (let n = 0, end = 0; n < wideEnds.length; n++) wideEnds[n] = end += wideLines[n].length
    const wide = new Uint8Array(wideEnds.at(-1) ?? 0)
    for (let n = 0; n < wideLines.length; n++) wide.set(wideLines[n], n === 0 ? 0 : wideEnds[n - 1])
    return { lines, lineEnds, wide, wideEnds }
  }
}

/** The part's columns: every field its papers have, in the order they have them. */
function columnsOf(papers: readonly ItemBasics[]): Map<string, number> {
  const columns = new Map<string, number>()
  for (const paper of papers as unknown as Fields[]) {
    for (const name in paper) if (!columns.has(name)) columns.set(name, columns.size)
    const csl = paper.csl
    if (isFields(csl)) for (const name in csl) if (!columns.has(CSL + name)) columns.set(CSL + name, columns.size)
  }
  return columns
}

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The papers and the hashes of the keys the duplicate finder knows each by, packed to be saved and to cross. */
export function packPapers(papers: readonly ItemBasics[], hashes: number[][]): PackedPapers {
  const { shared, numberOf } = sharedNumbers()
  const columns = columnsOf(papers)
  const width = columns.size
  const cells = new Uint32Array(papers.length * width)
  const texts = new LineTexts()
  const numbers: number[] = []
  const lists: number[] = []
  const cellOf = (name: string, value: unknown, sharedFields: Set<string>, sharedLists: Set<string>, doi: unknown, isDoi: boolean): number => {
    if (sharedFields.has(name)) return numberOf(value) * 8 + CELL.SHARED
    if (sharedLists.has(name)) {
      // an empty list is shared whole: one frozen array for every paper without keywords, MeSH terms…
      if (!Array.isArray(value) || value.length === 0) return numberOf(value) * 8 + CELL.SHARED
      const at = lists.push(value.length) - 1
      for (const entry of value) lists.push(numberOf(entry))
      return at * 8 + CELL.LIST
    }
    if (isDoi && typeof doi === 'string' && value === doi) return CELL.SAME_AS_DOI
    if (typeof value === 'string') return texts.add(value, CELL.TEXT)
    if (typeof value === 'number') return (numbers.push(value) - 1) * 8 + CELL.NUMBER
    const json = JSON.stringify(value)
    // what JSON leaves out (a function, a light copy's mark) the paper does not have
    return json === undefined ? CELL.NONE : texts.add(json, CELL.JSON)
  }
  papers.forEach((item, i) => {
    const paper = item as unknown as Fields
    const row = i * width
    for (const name in paper) {
      const value = paper[name]
      if (value === undefined || name === 'light') continue
      if (name === 'csl' && isFields(value)) {
        cells[row + columns.get(name)!] = CELL.CSL
        for (const field in value)
          if (value[field] !== undefined)
            cells[row + columns.get(CSL + field)!] = cellOf(field, value[field], CSL_FIELDS, CSL_LISTS, paper.doi, field === 'DOI')
      } else cells[row + columns.get(name)!] = cellOf(name, value, PAPER_FIELDS, PAPER_LISTS, paper.doi, name === 'doiKey')
    }
    if (i % PAPERS_PER_LINE === PAPERS_PER_LINE - 1 || i === papers.length - 1) texts.endLine()
  })
  return {
    shared,
    columns: [...columns.keys()],
    cells,
    ...texts.bytes(),
    texts: Uint32Array.from(texts.texts),
    numbers: Float64Array.from(numbers),
    lists: Uint32Array.from(lists),
    ...hashesOf(hashes)
  }
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

/** How many papers a part holds. */
const papersIn = (part: Pick<PackedPapers, 'columns' | 'cells'>): number => (part.columns.length === 0 ? 0 : part.cells.length / part.columns.length)

/** How many lines of papers a part holds. */
export const linesIn = (part: Pick<PackedPapers, 'lineEnds'>): number => part.lineEnds.length

/** A part's papers (unmarked) and their keys' hashes; the shared values are taken from `values` (one copy of each across parts). */
export function unpackPapers(part: PackedPapers, values = new SharedValues()): { papers: ItemBasics[]; hashes: number[][] } {
  const shared = part.shared.map(text => values.valueOf(text))
  const hashes: number[][] = []
  for (let i = 0, at = 0; i < part.hashCounts.length; at += part.hashCounts[i++]) hashes.push([...part.hashes.subarray(at, at + part.hashCounts[i])])
  const papers: ItemBasics[] = []
  for (let line = 0; line < linesIn(part); line++) papers.push(...unpackLine(part, line, shared))
  return { papers, hashes }
}

/** The text of a line's bytes from `ends` (the line before ends where this one starts). */
const lineText = (bytes: Uint8Array, ends: Uint32Array, line: number): string => {
  const end = ends[line]
  const start = line === 0 ? 0 : ends[line - 1]
  return start === end ? '' : decoder.decode(bytes.subarray(start, end))
}

/**
 * The papers of line `line` of a part, `shared` its shared values in the order the part lists them, each given `mark`
 * as its light copy's mark (store/light-item.ts), or none.
 */
export function unpackLine(part: Omit<PackedPapers, 'shared'>, line: number, shared: readonly unknown[], mark?: () => void): ItemBasics[] {
  const { columns, cells, texts, numbers, lists } = part
  const width = columns.length
  const names = columns.map(name => (name.startsWith(CSL) ? name.slice(CSL.length) : name))
  const inCsl = columns.map(name => name.startsWith(CSL))
  const ascii = lineText(part.lines, part.lineEnds, line)
  const wide = lineText(part.wide, part.wideEnds, line)
  const text = (payload: number): string => {
    const at = payload & ~1
    return ((payload & 1) === 0 ? ascii : wide).slice(texts[at], texts[at + 1])
  }
  const papers: ItemBasics[] = []
  const end = Math.min(papersIn(part), (line + 1) * PAPERS_PER_LINE)
  for (let i = line * PAPERS_PER_LINE; i < end; i++) {
    const paper = new Fields()
    const csl = new Fields()
    const row = i * width
    let sameAsDoi = false
    for (let c = 0; c < width; c++) {
      const cell = cells[row + c]
      if (cell === CELL.NONE) continue
      const payload = cell >>> TAG_BITS
      let value: unknown
      switch (cell & TAG_MASK) {
        case CELL.TEXT:
          value = text(payload)
          break
        case CELL.JSON:
          value = JSON.parse(text(payload))
          break
        case CELL.SHARED:
          value = shared[payload]
          break
        case CELL.LIST: {
          const list = new Array<unknown>(lists[payload])
          for (let k = 0; k < list.length; k++) list[k] = shared[lists[payload + 1 + k]]
          value = list
          break
        }
        case CELL.NUMBER:
          value = numbers[payload]
          break
        case CELL.SAME_AS_DOI:
          // set when the paper's doi is (its column may come after)
          sameAsDoi = true
          break
        case CELL.CSL:
          value = csl
      }
      if (inCsl[c]) csl[names[c]] = value
      else paper[names[c]] = value
    }
    if (sameAsDoi) {
      // one string for the three
      const doi = paper.doi
      if ('doiKey' in paper && paper.doiKey === undefined) paper.doiKey = doi
      if ('DOI' in csl && csl.DOI === undefined) csl.DOI = doi
    }
    if (mark) paper.light = mark
    papers.push(paper as unknown as ItemBasics)
  }
  return papers
}
