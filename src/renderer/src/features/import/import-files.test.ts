// Import file with the reader and the writer in (stand-in) workers: the papers are written by the writer as the reader
// sends them, the window told once all are; a reader that stops midway leaves the library as it was, with a sentence
// that says so.
import { expect, it } from 'vitest'
import { DuplicateFinder } from '@shared/duplicates'
import type { NeurorefDb } from '../../library/schema'
import { FakeReader, FakeWriter, withStandInWorkers } from './fake-reader.test-support'

let db: NeurorefDb
withStandInWorkers('import-files', opened => (db = opened))

const bib = (count: number) =>
  new TextEncoder().encode(
    Array.from(
      { length: count },
      (_, n) => `@article{ross${n},\n  title = {Oxytocin and partner preference, study ${n}},\n  author = {Ross, Ana},\n  year = {2021}\n}\n`
    ).join('\n')
  )

const importing = async (count: number, asChosen = false) => {
  const { importBibliographyFile } = await import('./import-files')
  const store = { settled: async () => undefined, finder: new DuplicateFinder(await db.items.toArray()) }
  const bytes = bib(count)
  return importBibliographyFile({ db, store }, { name: 'partners.bib', bytes: asChosen ? new Blob([bytes]) : bytes })
}

it('adds every paper the reader sends, each once, written by the writer and told to the window once', async () => {
  const told: string[] = []
  db.events.subscribe(events => events.forEach(event => told.push(`${event.kind} ${event.change}`)))
  const message = await importing(2_500)
  expect(FakeWriter.started).toHaveLength(1)
  expect(told).toEqual(['item added'])
  expect((await db.changes.toArray()).flatMap(change => change.ids)).toHaveLength(2_500)
  expect(message.text).toBe('partners.bib (BibTeX, utf-8): 2500 added.')
  const titles = (await db.items.orderBy('citationKey').toArray()).map(item => item.csl.title)
  expect(titles).toHaveLength(2_500)
  expect(new Set(titles).size).toBe(2_500)
})

it('reads a chosen file (its bytes read by the reader, not the window) into the same papers', async () => {
  const message = await importing(1_200, true)
  expect(message.text).toBe('partners.bib (BibTeX, utf-8): 1200 added.')
  const titles = (await db.items.orderBy('citationKey').toArray()).map(item => item.csl.title)
  expect(new Set(titles).size).toBe(1_200)
  expect(titles).toContain('Oxytocin and partner preference, study 1199')
})

it("starts the next file's reader once the import is told to the window, not while its papers are written", async () => {
  const readersWhenTold: number[] = []
  db.events.subscribe(() => readersWhenTold.push(FakeReader.started.length))
  await importing(1_500)
  expect(readersWhenTold).toEqual([1])
  const [used, next] = FakeReader.started
  expect(used.terminated).toBe(true)
  expect(next.terminated).toBe(false)
})

it('removes the papers already written when the reader stops midway, and says nothing was imported', async () => {
  const seen: string[] = []
  db.events.subscribe(events => events.forEach(event => seen.push(`${event.kind} ${event.change}`)))
  FakeReader.next = ['crashes midway']
  const message = await importing(2_500)
  expect(message).toEqual({ kind: 'error', text: 'partners.bib could not be read (out of memory). Nothing was imported.' })
  // a batch was written before the reader stopped, never announced, then removed
  expect(FakeWriter.started[0].written).toBeGreaterThanOrEqual(1)
  expect(seen).toEqual([])
  expect(await db.items.count()).toBe(0)
})
