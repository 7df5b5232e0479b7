// Every paper of every bibliography fixture reaches the window from the reader
// worker as it was worked out there: the JSON hand-over loses nothing. The
// writer's papers, sent as the window's light copies and abstract bytes with
// what the rows need besides, are the same rows, field for field and in the
// same order.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import type { Item } from '@shared/model'
import { syntheticFile } from '../../../../../bench/synthetic-files'
import { toItem } from '../../library/add-paper'
import { itemsFromWire, itemsToWire, WriterReceiver, WriterSender } from './items-wire'
import { loadPeptideTagger } from '../../library/peptide-tagger'
import { PapersSender } from './papers-for-window'
import type { StoredItem } from '../../library/row-read'
import { rowRead } from '../../library/row-read'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

const fixtures = path.join(import.meta.dirname, '../../../../../e2e/fixtures')
const files = ['bibtex', 'ris', 'other', 'csl'].flatMap(folder => readdirSync(path.join(fixtures, folder)).map(name => path.join(fixtures, folder, name)))

/** The items of each bibliography fixture, and of the benchmarks' synthetic .bib and .ris. */
function* fixtureItems(): Generator<[string, Item[]]> {
  for (const file of files) {
    let read
    try {
      read = readBibliographyFile(new Uint8Array(readFileSync(file)), path.basename(file))
    } catch {
      continue // not a bibliography (a PDF, a style): "Import file" refuses it before any hand-over
    }
    yield [file, read.records.map(record => toItem(record, 1_000))]
  }
  for (const format of ['bib', 'ris'] as const) {
    const { records } = readBibliographyFile(new TextEncoder().encode(syntheticFile(format, 300)), `synthetic.${format}`)
    yield [`synthetic.${format}`, records.map(record => toItem(record, 1_000))]
  }
}

/** The writer's papers as the reader sends them, a hundred a message as it does, through a structured clone as a message is. */
function throughWriterWire(items: Item[]): StoredItem[] {
  const sender = new PapersSender()
  const forWriter = new WriterSender()
  const receiver = new WriterReceiver()
  const arrived: StoredItem[] = []
  for (let from = 0; from < items.length; from += 100) {
    const chunk = items.slice(from, from + 100)
    arrived.push(...receiver.papers(structuredClone(forWriter.forWriter(chunk, sender.onTheWay(chunk)))))
  }
  return arrived
}

it('hands over the papers of every bibliography fixture unchanged', () => {
  let papers = 0
  for (const [file, items] of fixtureItems()) {
    expect(itemsFromWire(itemsToWire(items)), file).toEqual(items)
    papers += items.length
  }
  expect(papers).toBeGreaterThan(850)
})

it('gives the writer the same rows as the whole JSON did, in the same field order, and leaves the papers as they were', () => {
  let abstracts = 0
  for (const [file, items] of fixtureItems()) {
    const before = itemsToWire(items)
    // compared as text, as the library reads the rows back: a field out of its place fails
    expect(JSON.stringify(throughWriterWire(items).map(rowRead)), file).toBe(before)
    expect(itemsToWire(items), file).toBe(before)
    abstracts += items.filter(item => item.csl.abstract).length
  }
  expect(abstracts).toBeGreaterThan(400)
})

it('gives the writer each paper’s peptide tags as one string, as the row stores them', () => {
  const items = [...fixtureItems()].find(([file]) => file === 'synthetic.bib')![1]
  const tagged = items.filter(item => item.peptideTags?.length)
  expect(tagged.length).toBeGreaterThan(250)
  const rows = throughWriterWire(items)
  for (const row of rows) expect(typeof row.peptideTags === 'string' || row.peptideTags?.length === 0, row.citationKey).toBe(true)
})

it('sends the writer no abstract or field of a light copy as JSON text, and gives back every kind of abstract a paper can hold', () => {
  const paper = (n: number, csl: Record<string, unknown>, more: Partial<Item> = {}): Item =>
    ({ ...toItem({ csl: { type: 'article-journal', title: `Oxytocin paper ${n}`, ...csl }, sources: ['file'] }, 1_000), ...more }) as Item
  const items = [
    paper(0, { abstract: 'Vasopressin and μ-opioid receptors in the ventral pallidum.' }),
    paper(1, { abstract: 'A lone surrogate \ud800 in an abstract.' }),
    paper(2, {}, { abstractSections: [{ label: 'Background', text: 'Sections only, no CSL abstract.' }] }),
    paper(3, { abstract: '' }),
    paper(4, { abstract: 0 }),
    paper(5, {}),
    paper(6, { abstract: 'Ends the message.' })
  ]
  const before = itemsToWire(items)
  const wire = new WriterSender().forWriter(items, new PapersSender().onTheWay(items))
  for (const text of ['ventral pallidum', 'lone surrogate', 'Ends the message', 'Oxytocin paper']) expect(wire.rest).not.toContain(text)
  expect(wire.rest).toContain('Sections only')
  expect(JSON.stringify(new WriterReceiver().papers(structuredClone(wire)).map(rowRead))).toBe(before)
})
