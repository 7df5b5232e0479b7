// Opening a library without a saved light form: the reader worker sends the papers read from their rows as JSON
// pieces (rows-wire.ts). The window must end up with every paper once, as stored, whatever piece or chunk it
// came in: the ones at the edges of a piece or of a chunk of rows most of all.
import { afterEach, describe, expect, it } from 'vitest'
import type { ItemBasics, LightItem } from '@shared/model'
import { DuplicateFinder } from '@shared/duplicates'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { addRecordsToLibrary } from '../library/add-paper'
import { basics } from '../library/item-basics'
import { SharedValues } from '../library/light-packing'
import { openLibrary, type NeurorefDb } from '../library/schema'
import type { IndexJobs } from './index-jobs'
import { LibraryStore } from './library-store'
import { readLightRows } from './light-rows'
import { recordOf } from './random-changes.test-support'
import { PAPERS_PER_MESSAGE, rowsAsJson, rowsFromJson } from './rows-wire'

let db: NeurorefDb
afterEach(() => db?.delete())

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The reader as the app runs it: each chunk of rows crosses as JSON pieces, the window parsing one at a time. */
async function* throughTheWire(target: NeurorefDb) {
  const shared = new SharedValues()
  for await (const chunk of readLightRows(target)) {
    if (chunk.kind !== 'rows') throw new Error('this library has no saved light form: every row is read')
    for (const piece of rowsAsJson(chunk)) yield rowsFromJson(piece, shared)
  }
}

/** An index job that never ends: searches read the papers (and the abstracts the reader sent). */
const neverIndexed: IndexJobs = () => new Promise(() => undefined)

describe('papers read from their rows, sent to the window in pieces', () => {
  it('arrive each once and as stored, the ones at the edges of pieces and chunks too', async () => {
    db = openLibrary(`rows-wire-${Math.random()}`)
    // a chunk of rows is 1,000 papers, a piece 250: 1,001 papers end on a piece of one
    const records = createSyntheticLibrary(1001, 3).items.map(recordOf)
    records.forEach((record, n) => (record.csl.abstract = `Measured in cohort zq${n}x of the study.`))
    await addRecordsToLibrary(db, records)
    const store = new LibraryStore(db, { jobs: neverIndexed, saveAfterMs: Infinity, rows: throughTheWire })
    await store.load()

    const rows = (await db.items.toArray()).sort(byId)
    const stored: ItemBasics[] = JSON.parse(JSON.stringify(rows.map(basics)))
    const held = [...store.items.values()].map(({ light: _light, ...paper }: LightItem) => paper).sort(byId)
    expect(JSON.parse(JSON.stringify(held))).toEqual(stored)

    // in the order they were added: the first of each piece and chunk, the last, and the one after
    const added = (await db.items.orderBy('addedAt').toArray()).map(row => row.id)
    const edges = [0, PAPERS_PER_MESSAGE - 1, PAPERS_PER_MESSAGE, 999, 1000]
    for (const at of edges) {
      const row = rows.find(item => item.id === added[at])!
      const n = records.findIndex(record => record.csl.abstract === row.csl.abstract)
      // its abstract came with it: a search finds it by a word only the abstract has, and only it
      expect(store.search(`zq${n}x`), `paper ${at}`).toEqual([row.id])
    }
    // an author of papers in the first and the fourth piece is one copy in the window, which cannot be changed
    const authors = (from: number, to: number) => added.slice(from, to).flatMap(id => store.items.get(id)!.csl.author ?? [])
    const names = new Map(authors(0, PAPERS_PER_MESSAGE).map(name => [JSON.stringify(name), name]))
    const again = authors(3 * PAPERS_PER_MESSAGE, 4 * PAPERS_PER_MESSAGE).filter(name => names.has(JSON.stringify(name)))
    expect(again.length).toBeGreaterThan(10)
    for (const name of again) expect(name).toBe(names.get(JSON.stringify(name)))
    expect(again.every(name => Object.isFrozen(name))).toBe(true)
    // the duplicate finder knows every paper by the keys the reader worked out, as if it had worked them out itself
    const fresh = new DuplicateFinder(rows)
    for (const row of rows) expect(store.finder.find(row), row.id).toEqual(fresh.find(row))
  }, 60_000)

  it('split a chunk into pieces of the given size, in order, with nothing lost or repeated', () => {
    const items = createSyntheticLibrary(7, 4).items.map(basics)
    const chunk = {
      kind: 'rows' as const,
      items,
      abstracts: items.map((_, n) => (n % 2 ? `abstract ${n}` : undefined)),
      hashes: items.map((_, n) => [n, n + 1])
    }
    const pieces = rowsAsJson(chunk, 3).map(piece => rowsFromJson(piece))
    expect(pieces.map(piece => piece.items.length)).toEqual([3, 3, 1])
    expect(pieces.flatMap(piece => piece.items.map(item => item.id))).toEqual(items.map(item => item.id))
    expect(pieces.flatMap(piece => piece.abstracts)).toEqual(chunk.abstracts)
    expect(pieces.flatMap(piece => piece.hashes)).toEqual(chunk.hashes)
  })
})
