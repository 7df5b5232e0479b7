// Papers' filing values (item-basics.ts) as columns: how a whole library's cross from the filing worker to the window
// (events-in-pieces.ts). Read as 5,000 objects a message, they were the window's long tasks while a whole library went
// to the Trash and back; as an id list, numbers in typed arrays and a few shared collection lists, a message is cheap to
// read (a Chromium microbenchmark, 100,000 values in 20 messages: the longest read 29–231 ms as objects, 6–23 ms as
// columns). The window keeps them so (the pieces joined) and makes a paper's object only as the store takes it: made at
// arrival, 100,000 objects lived through the seconds the store took them in, and their collection was a long task.
import type { Filing } from './item-basics'

/** The nth paper's values are the nth of each column; NaN, or -1 for a place in a list: the paper has no such field. */
export interface FilingColumns {
  ids: string[]
  /** each paper's collection list, as its place in `collectionLists` (papers mostly share a few lists) */
  collections: Int32Array
  collectionLists: string[][]
  /** each paper's reading status, as its place in `readStatuses` */
  readStatus: Int32Array
  readStatuses: string[]
  trashedAt: Float64Array
  rating: Float64Array
  modifiedAt: Float64Array
}

type NumberField = 'trashedAt' | 'rating' | 'modifiedAt'
const NUMBER_FIELDS = ['trashedAt', 'rating', 'modifiedAt'] as const satisfies readonly NumberField[]
/** the fields the columns hold (a filing field added to item-basics.ts and not here: its papers cross as objects) */
const held = new Set<string>(['id', 'collectionIds', 'readStatus', ...NUMBER_FIELDS])

/** Distinct values and each one's place, told apart by `key`. */
class Places<T> {
  readonly values: T[] = []
  private readonly places = new Map<string, number>()

  constructor(private readonly key: (value: T) => string) {}

  placeOf(value: T): number {
    const key = this.key(value)
    let place = this.places.get(key)
    if (place === undefined) this.places.set(key, (place = this.values.push(value) - 1))
    return place
  }
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value)
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(text => typeof text === 'string')

/** Whether the columns hold this paper's values exactly: only its id and filing fields, each absent or of its type. */
function fits(paper: Filing): boolean {
  const fields = paper as unknown as Record<string, unknown>
  for (const key in fields) if (!held.has(key)) return false
  return (
    typeof paper.id === 'string' &&
    (!('collectionIds' in paper) || isTextList(paper.collectionIds)) &&
    (!('readStatus' in paper) || typeof paper.readStatus === 'string') &&
    NUMBER_FIELDS.every(field => !(field in paper) || isNumber(paper[field]))
  )
}

/** These papers' values as columns; undefined where one does not fit them (a field of another type: sent as it is). */
export function filingColumns(papers: readonly Filing[]): FilingColumns | undefined {
  if (!papers.every(fits)) return undefined
  const lists = new Places<string[]>(list => JSON.stringify(list))
  const statuses = new Places<string>(status => status)
  const columns: FilingColumns = {
    ids: papers.map(paper => paper.id),
    collections: Int32Array.from(papers, paper => ('collectionIds' in paper ? lists.placeOf(paper.collectionIds) : -1)),
    collectionLists: lists.values,
    readStatus: Int32Array.from(papers, paper => ('readStatus' in paper ? statuses.placeOf(paper.readStatus!) : -1)),
    readStatuses: statuses.values,
    trashedAt: new Float64Array(papers.length),
    rating: new Float64Array(papers.length),
    modifiedAt: new Float64Array(papers.length)
  }
  for (const field of NUMBER_FIELDS) papers.forEach((paper, n) => (columns[field][n] = paper[field] ?? NaN))
  return columns
}

/** Papers' filing values as a write's event holds them: objects, or in the window the columns they crossed as. */
export type FiledPapers = Filing[] | FilingColumns

const isColumns = (papers: FiledPapers): papers is FilingColumns => !Array.isArray(papers)

export const filedCount = (papers: FiledPapers): number => (isColumns(papers) ? papers.ids.length : papers.length)

export const filedIdAt = (papers: FiledPapers, n: number): string => (isColumns(papers) ? papers.ids[n] : papers[n].id)

/** The nth paper's values as an object, as `filingOf` makes it: made when it is taken, so 100,000 are never kept at once. */
export function filedAt(papers: FiledPapers, n: number): Filing {
  if (!isColumns(papers)) return papers[n]
  const { ids, collections, collectionLists, readStatus, readStatuses, trashedAt, rating, modifiedAt } = papers
  const paper: Record<string, unknown> = { id: ids[n] }
  if (collections[n] >= 0) paper.collectionIds = collectionLists[collections[n]].slice()
  if (!Number.isNaN(trashedAt[n])) paper.trashedAt = trashedAt[n]
  if (readStatus[n] >= 0) paper.readStatus = readStatuses[readStatus[n]]
  if (!Number.isNaN(rating[n])) paper.rating = rating[n]
  if (!Number.isNaN(modifiedAt[n])) paper.modifiedAt = modifiedAt[n]
  return paper as unknown as Filing
}

/** Every paper's values as objects (tests, and a list whose pieces did not all cross as columns). */
export function filedObjects(papers: FiledPapers): Filing[] {
  return Array.from({ length: filedCount(papers) }, (_, n) => filedAt(papers, n))
}

/** Pieces' columns as one, in order: typed arrays copied whole, each piece's places moved past the lists before it. */
export function joinedColumns(pieces: readonly FilingColumns[]): FilingColumns {
  const length = pieces.reduce((sum, piece) => sum + piece.ids.length, 0)
  const joined: FilingColumns = {
    // (concat: pushing 100,000 ids one by one, or flatMap, took 10-60 ms of a task in the window; concat under 1 ms)
    ids: joinedLists(pieces.map(piece => piece.ids)),
    collections: new Int32Array(length),
    collectionLists: [],
    readStatus: new Int32Array(length),
    readStatuses: [],
    trashedAt: new Float64Array(length),
    rating: new Float64Array(length),
    modifiedAt: new Float64Array(length)
  }
  let at = 0
  for (const piece of pieces) {
    for (const field of NUMBER_FIELDS) joined[field].set(piece[field], at)
    placesAfter(piece.collections, joined.collectionLists.length, joined.collections, at)
    placesAfter(piece.readStatus, joined.readStatuses.length, joined.readStatus, at)
    joined.collectionLists.push(...piece.collectionLists)
    joined.readStatuses.push(...piece.readStatuses)
    at += piece.ids.length
  }
  return joined
}

/** `places` written into `to` from `at`, each moved by `by` (-1, no value, stays). */
function placesAfter(places: Int32Array, by: number, to: Int32Array, at: number): void {
  for (let n = 0; n < places.length; n++) to[at + n] = places[n] < 0 ? -1 : places[n] + by
}

/** lists given to one concat (a call takes a bounded number of arguments) */
const AT_ONCE = 1_000

/** Lists as one, in order: copied by concat, not a value at a time. */
export function joinedLists<T>(lists: readonly T[][]): T[] {
  if (lists.length <= AT_ONCE) return ([] as T[]).concat(...lists)
  const parts: T[][] = []
  for (let from = 0; from < lists.length; from += AT_ONCE) parts.push(joinedLists(lists.slice(from, from + AT_ONCE)))
  return joinedLists(parts)
}
