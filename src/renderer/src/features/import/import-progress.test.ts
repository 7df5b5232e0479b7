// A large import says how far it has got in the status line: reading the
// file, then the new papers written, up to all of them.
import { afterEach, expect, it } from 'vitest'
import { DuplicateFinder } from '@shared/duplicates'
import { importRecords } from '../../library/import-file'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { importProgress } from './import-progress'
import { readInWorker } from './read-in-worker'

let db: NeurorefDb
afterEach(() => db?.delete())

const entry = (n: number) => `@article{paper${n},\n  title = {Oxytocin and social memory, study ${n}},\n  author = {Ross, Ana},\n  year = {2020}\n}\n`

it('tells the status line it is reading the file, then how many of the new papers are written', async () => {
  db = openLibrary(`progress-${Math.random()}`)
  const told: string[] = []
  const progress = importProgress('refs.bib', text => told.push(text))
  const bytes = new TextEncoder().encode(Array.from({ length: 1_234 }, (_, n) => entry(n)).join('\n'))

  progress.reading()
  const read = await readInWorker({ name: 'refs.bib', bytes }, progress.read)
  if (!read.ok) throw new Error(read.sentence)
  const outcome = await importRecords(db, read.result.records, new DuplicateFinder(), read.items, progress.saved)

  expect(outcome.added).toHaveLength(1_234)
  expect(told[0]).toBe('Importing refs.bib: reading the file…')
  expect(told.at(-1)).toBe('Importing refs.bib: 1,234 of 1,234 new papers written…')
})

it('says how many papers the reader has made ready, and when all of them are', () => {
  const told: string[] = []
  const progress = importProgress('big.bib', text => told.push(text))
  for (let ready = 100; ready <= 10_000; ready += 100) progress.read(ready, 10_000)
  expect(told[0]).toBe('Importing big.bib: 100 of 10,000 papers read…')
  expect(told.at(-1)).toBe('Importing big.bib: 10,000 of 10,000 papers read…')
  // a few times a second at most: not once per message of 100 papers
  expect(told.length).toBeLessThan(10)
})
