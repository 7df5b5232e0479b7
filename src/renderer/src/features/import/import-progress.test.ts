// A large import says how far it has got in the status line: reading the
// file, then the papers read and the new papers written, up to all of them.
import { afterEach, expect, it } from 'vitest'
import { DuplicateFinder } from '@shared/duplicates'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { importProgress } from './import-progress'
import { importBibliographyFile } from './import-files'

let db: NeurorefDb
afterEach(() => db?.delete())

const entry = (n: number) => `@article{paper${n},\n  title = {Oxytocin and social memory, study ${n}},\n  author = {Ross, Ana},\n  year = {2020}\n}\n`

it('tells the status line it is reading the file, then how many papers are read, and ends with what came in', async () => {
  db = openLibrary(`progress-${Math.random()}`)
  const told: string[] = []
  const bytes = new TextEncoder().encode(Array.from({ length: 1_234 }, (_, n) => entry(n)).join('\n'))
  const store = { settled: async () => undefined, finder: new DuplicateFinder() }

  const message = await importBibliographyFile({ db, store }, { name: 'refs.bib', bytes }, undefined, text => told.push(text))

  expect(message.text).toBe('refs.bib (BibTeX, utf-8): 1234 added.')
  expect(await db.items.count()).toBe(1_234)
  expect(told[0]).toBe('Importing refs.bib: reading the file…')
  expect(told).toContain('Importing refs.bib: 1,234 of 1,234 papers read…')
})

it('says how many papers the reader has made ready and how many are written, a few times a second at most', () => {
  const told: string[] = []
  const progress = importProgress('big.bib', text => told.push(text))
  for (let ready = 100; ready <= 10_000; ready += 100) {
    progress.read(ready, 10_000)
    progress.saved(ready / 2)
  }
  expect(told[0]).toBe('Importing big.bib: 100 of 10,000 papers read…')
  expect(told.at(-1)).toBe('Importing big.bib: 10,000 of 10,000 papers read, 4,950 new papers written…')
  // not once per message of 100 papers
  expect(told.length).toBeLessThan(10)
})
