// A bibliography asked for by id is made from the papers' stored rows, in the
// order asked: the window hands over no papers, only their ids.
import { afterEach, expect, it } from 'vitest'
import { BibliographyMaker } from '@shared/export/bibliography-maker'
import { fixtureItems } from '../../../../main/services/pubmed/fixture-items.test-support'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { requestFromRows } from './bibliography-rows'

let db: NeurorefDb
afterEach(() => db?.delete())

it('lists the stored papers named by id, numbered in the order asked, and skips an id the library does not hold', { timeout: 60_000 }, async () => {
  db = openLibrary(`bibliography-rows-${Math.random()}`)
  const [first, second] = fixtureItems()
  await db.items.bulkAdd([first, second])
  const ask = { dbName: db.name, ids: [second.id, 'deleted-meanwhile', first.id], style: 'nlm-citation-sequence', output: 'text' as const }
  const text = await new BibliographyMaker().make(await requestFromRows(db, ask))
  const lines = text.trim().split('\n')
  expect(lines).toHaveLength(2)
  expect(lines[0]).toMatch(/^1\. /)
  expect(lines[0]).toContain(String(second.csl.title).slice(0, 30))
  expect(lines[1]).toContain(String(first.csl.title).slice(0, 30))
})
