// A bibliography asked for by id is made from the papers' stored rows, in the
// order asked: the window hands over no papers, only their ids.
import { afterEach, describe, expect, it } from 'vitest'
import { BibliographyMaker } from '@shared/export/bibliography-maker'
import { cslRecords } from '@shared/export/csl-items'
import { fixtureItems } from '../../../../main/services/pubmed/fixture-items.test-support'
import { createSyntheticLibrary } from '../../../../../bench/synthetic-library'
import { addRecordsToLibrary } from '../../library/add-paper'
import { formOf, saveEdit } from '../../library/edit'
import { currentIndex } from '../../library/index-job'
import { fullItems } from '../../library/queries'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { recordOf } from '../../store/random-changes.test-support'
import { requestFromRows, type BibliographyAsk } from './bibliography-rows'

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

describe('a long list read from the saved light form', () => {
  /** The list as it was made before: from every asked paper's full row. */
  const fromFullRows = async (ask: BibliographyAsk) =>
    new BibliographyMaker().make({ style: ask.style, output: ask.output, records: cslRecords(await fullItems(db, ask.ids)) })

  it('gives the list the full rows give, papers edited since the form was saved included', { timeout: 180_000 }, async () => {
    db = openLibrary(`bibliography-rows-${Math.random()}`)
    const papers = [...fixtureItems(), ...createSyntheticLibrary(150, 3).items].map(recordOf)
    await addRecordsToLibrary(db, papers)
    expect(await currentIndex(db)).toMatchObject({ light: 'rebuilt' })
    // edited after the form was saved: the form is behind, the log names them
    const stored = await db.items.toArray()
    const edited = stored.slice(0, 3)
    for (const item of edited) await saveEdit(db, item.id, { ...formOf(item), title: `Oxytocin edited after the form ${item.id}` })
    const ids = [...stored.map(item => item.id)].reverse()
    for (const style of ['apa', 'nlm-citation-sequence']) {
      for (const output of ['text', 'html'] as const) {
        const ask = { dbName: db.name, ids: [...ids, 'deleted-meanwhile'], style, output }
        const text = await new BibliographyMaker({ pieceSize: 40 }).make(await requestFromRows(db, ask, 100))
        expect(text, `${style} ${output}`).toBe(await fromFullRows(ask))
        for (const item of edited) expect(text).toContain(`Oxytocin edited after the form ${item.id}`)
      }
    }
  })

  it('hands the maker no abstract where the style never prints one, read from the form or from the rows', { timeout: 60_000 }, async () => {
    db = openLibrary(`bibliography-rows-${Math.random()}`)
    const items = fixtureItems()
    await addRecordsToLibrary(db, items.map(recordOf))
    const ids = (await db.items.toArray()).map(item => item.id)
    for (const formFrom of [1, Infinity]) {
      const { records } = await requestFromRows(db, { dbName: db.name, ids, style: 'apa', output: 'text' }, formFrom)
      expect(records).toHaveLength(ids.length)
      expect(records.filter(record => 'abstract' in record)).toEqual([])
    }
  })
})
