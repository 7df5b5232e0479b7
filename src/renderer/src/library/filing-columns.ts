// Papers' filing values (item-basics.ts) as columns: how a whole library's cross from the filing worker to the window
// (events-in-pieces.ts). Read as 5,000 objects a message, they were the window's long tasks while a whole library went
// to the Trash and back; as an id list, numbers in typed arrays and a few shared collection lists, a message is cheap to
// read (a Chromium microbenchmark, 100,000 values in 20 messages: the longest read 29–231 ms as objects, 6–23 ms as
// columns). Each piece is turned back into objects in its own message's task, a few milliseconds.
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

/** The papers' values as objects again, as `filingOf` makes them, appended to `to`. */
export function filingFromColumns(columns: FilingColumns, to: Filing[]): void {
  const { ids, collections, collectionLists, readStatus, readStatuses } = columns
  for (let n = 0; n < ids.length; n++) {
    const paper: Record<string, unknown> = { id: ids[n] }
    if (collections[n] >= 0) paper.collectionIds = collectionLists[collections[n]].slice()
    if (!Number.isNaN(columns.trashedAt[n])) paper.trashedAt = columns.trashedAt[n]
    if (readStatus[n] >= 0) paper.readStatus = readStatuses[readStatus[n]]
    if (!Number.isNaN(columns.rating[n])) paper.rating = columns.rating[n]
    if (!Number.isNaN(columns.modifiedAt[n])) paper.modifiedAt = columns.modifiedAt[n]
    to.push(paper as unknown as Filing)
  }
}
