// Opening a library without a saved light form (the first open, after a restore or a migration): the reader worker
// sends the papers read from their rows packed as a part of the form is, their abstracts beside them as bytes handed
// over. The window must end up with every paper once, as stored, whatever chunk or line it came in, and a search that
// reads the papers before the index is in use must find each by its abstract, whatever its characters.
import { afterEach, describe, expect, it } from 'vitest'
import type { ItemBasics, LightItem } from '@shared/model'
import { DuplicateFinder } from '@shared/duplicates'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { addRecordsToLibrary } from '../library/add-paper'
import { formOf, saveEdit } from '../library/edit'
import { basics } from '../library/item-basics'
import { openLibrary, type NeurorefDb } from '../library/schema'
import type { IndexJobs } from './index-jobs'
import { LibraryStore } from './library-store'
import { arriving, arrivingTransfer, readLightRows, type ArrivingChunk } from './light-rows'
import { recordOf } from './random-changes.test-support'
import { abstractsOnTheWay, KeptAbstracts } from '../library/abstract-bytes'

let db: NeurorefDb
afterEach(() => db?.delete())

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Every chunk as the window gets it from the worker: cloned as a message is, its bytes handed over. */
async function* throughTheWire(target: NeurorefDb): AsyncGenerator<ArrivingChunk> {
  for await (const chunk of arriving(readLightRows(target))) yield structuredClone(chunk, { transfer: arrivingTransfer(chunk) })
}

/** An index job that never ends: searches read the papers (and the abstracts the reader sent). */
const neverIndexed: IndexJobs = () => new Promise(() => undefined)

/** The longest string anywhere in a message. */
function longestString(value: unknown): number {
  if (typeof value === 'string') return value.length
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return 0
  return Math.max(0, ...Object.values(value).map(longestString))
}

describe('papers read from their rows, sent to the window', () => {
  it('arrive each once and as stored, found by their abstracts, the ones at the edges of lines and chunks too', async () => {
    db = openLibrary(`rows-arrival-${Math.random()}`)
    // a chunk of rows is 1,000 papers, a line 100: 1,001 papers end on a chunk of one
    const records = createSyntheticLibrary(1001, 3).items.map(recordOf)
    records.forEach((record, n) => (record.csl.abstract = `Measured in cohort zq${n}x of the study.`))
    // what UTF-8 holds (Greek, accents, emoji) and what it cannot (a lone surrogate): each read back as stored
    records[5].csl.abstract = 'Effects of βzqgreek on Müllerzq glia 🧠 in cohort zq5x.'
    records[99].csl.abstract = 'A lone \ud800 surrogate in cohort zq99x.'
    records[100].csl.abstract = undefined
    await addRecordsToLibrary(db, records)
    const store = new LibraryStore(db, { jobs: neverIndexed, saveAfterMs: Infinity, rows: throughTheWire })
    await store.load()

    const rows = (await db.items.toArray()).sort(byId)
    const stored: ItemBasics[] = JSON.parse(JSON.stringify(rows.map(basics)))
    const held = [...store.items.values()].map(({ light: _light, ...paper }: LightItem) => paper).sort(byId)
    expect(JSON.parse(JSON.stringify(held))).toEqual(stored)

    // in the order they were added: the first and last of each line and chunk, and the one after
    const added = (await db.items.orderBy('addedAt').toArray()).map(row => row.id)
    for (const at of [0, 99, 100, 101, 999, 1000]) {
      const row = rows.find(item => item.id === added[at])!
      // papers added in one write share their time, so which paper is at an edge differs from run to run
      if (row.csl.abstract === undefined) continue // the paper without an abstract
      const n = records.findIndex(record => record.csl.abstract === row.csl.abstract)
      // its abstract came with it: a search finds it by a word only the abstract has, and only it
      expect(store.search(`zq${n}x`), `paper ${at}`).toEqual([row.id])
    }
    const greek = rows.find(row => row.csl.abstract?.includes('zq5x'))!.id
    expect(store.search('βzqgreek')).toEqual([greek])
    expect(store.search('müllerzq')).toEqual([greek])
    expect(store.search('zq99x')).toEqual([rows.find(row => row.csl.abstract?.includes('zq99x'))!.id])
    // an author of papers in the first and the fourth line is one copy in the window, which cannot be changed
    const authors = (from: number, to: number) => added.slice(from, to).flatMap(id => store.items.get(id)!.csl.author ?? [])
    const names = new Map(authors(0, 100).map(name => [JSON.stringify(name), name]))
    const again = authors(300, 400).filter(name => names.has(JSON.stringify(name)))
    expect(again.length).toBeGreaterThan(10)
    for (const name of again) expect(name).toBe(names.get(JSON.stringify(name)))
    expect(again.every(name => Object.isFrozen(name))).toBe(true)
    // the duplicate finder knows every paper by the keys the reader worked out, as if it had worked them out itself
    const fresh = new DuplicateFinder(rows)
    for (const row of rows) expect(store.finder.find(row), row.id).toEqual(fresh.find(row))
    // an abstract edited is found by its new words, not by those that came in the bytes
    const paper = rows.find(row => row.csl.abstract?.includes('zq7x'))!
    await saveEdit(db, paper.id, { ...formOf(paper), abstract: 'Rewritten for cohort zqnewx.' })
    await store.settled()
    expect(store.search('zq7x')).toEqual([])
    expect(store.search('zqnewx')).toEqual([paper.id])
  }, 60_000)

  it('keep every abstract as it was stored, one UTF-8 cannot hold too', () => {
    const abstracts = [
      'Plain text.',
      undefined,
      'A lone \ud800 surrogate and a \udc00 one.',
      '',
      'β-endorphin in Müller glia 🧠.',
      'Doses ≥ 5 mg — 神经肽 𝛼-MSH; ASCII again.'
    ]
    const block = structuredClone(abstractsOnTheWay(abstracts))
    const kept = new KeptAbstracts()
    abstracts.forEach((_, at) => kept.set(`paper ${at}`, { block, at }))
    expect(abstracts.map((_, at) => kept.get(`paper ${at}`))).toEqual(abstracts.map(abstract => abstract || undefined))
    expect([...kept.ids()].sort()).toEqual(['paper 0', 'paper 2', 'paper 4', 'paper 5'])
  })

  it('cross as bytes handed over, not as strings the window copies and keeps', async () => {
    db = openLibrary(`rows-arrival-${Math.random()}`)
    await addRecordsToLibrary(db, createSyntheticLibrary(1200, 5).items.map(recordOf))
    let chunks = 0
    for await (const chunk of arriving(readLightRows(db))) {
      chunks++
      const sent = structuredClone(chunk, { transfer: arrivingTransfer(chunk) })
      // the papers and their abstracts were handed over: the reader holds them no more
      expect(chunk.part.lines.byteLength).toBe(0)
      expect(chunk.abstracts?.bytes.byteLength).toBe(0)
      // no string of many papers in the message (a journal, an author's name: a shared value)
      expect(longestString(sent)).toBeLessThan(500)
      expect(sent.abstracts!.bytes.byteLength).toBeGreaterThan(100_000)
    }
    expect(chunks).toBe(2)
  }, 60_000)
})
