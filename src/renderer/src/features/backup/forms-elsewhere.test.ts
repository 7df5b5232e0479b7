// A restore whose saved search index and light form are made by a second worker from the backup's file while the
// first writes the rows (forms-elsewhere.ts): the two ends of a MessagePort, here on one thread. The restored library
// opens from those forms, which answer as a fresh build; forms that cannot be made fail the restore, which puts the
// library back as it was.
import { afterEach, expect, it } from 'vitest'
import { createSyntheticLibrary } from '../../../../../bench/synthetic-library'
import { linesWorkHere, pagesOfFile } from '../../library/backup'
import { backupText } from '../../library/backup.test-support'
import { buildIndex, currentIndex } from '../../library/index-job'
import { PAPERS_PER_PART } from '../../library/light-form'
import type { RowPage } from '../../library/library-pages'
import { saveNote } from '../../library/notes'
import { restoreLibrary } from '../../library/restore'
import { readSavedIndex } from '../../library/saved-index'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { lightFromRows, readAtOpen } from '../../store/light-rows.test-support'
import { createSearchIndex } from '@shared/search/index'
import { formsElsewhere, makeFormsOnPort } from './forms-elsewhere'

const opened: NeurorefDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

/** A library of synthetic papers, the first 40 with notes; `forms`: its index and form saved as a library in use has them (a backup holds neither). */
async function library(name: string, count: number, seed: number, forms = true): Promise<NeurorefDb> {
  const db = openLibrary(`${name}-${Math.random()}`)
  opened.push(db)
  await db.items.bulkAdd(createSyntheticLibrary(count, seed).items.map(item => ({ ...item, id: `${name}-${item.id}` })))
  const ids = (await db.items.toCollection().primaryKeys()) as string[]
  for (const id of ids.slice(0, 40)) await saveNote(db, id, 'Methods: BNST infusion, then orexin.')
  if (forms) await currentIndex(db)
  return db
}

/** Restores `text` over `db`, the rows written here and the forms made at the other end of a port from `formsPages`. */
function restoreBeside(db: NeurorefDb, text: string, formsPages: () => AsyncIterable<RowPage>) {
  const { port1, port2 } = new MessageChannel()
  const other = openLibrary(db.name)
  const formsDone = makeFormsOnPort(port2, other, formsPages).finally(() => other.close())
  const file = new Blob([text])
  return restoreLibrary(db, linesWorkHere(db, file, formsElsewhere(port1)), new Date().toISOString(), async () => {}).finally(async () => {
    port1.close()
    await Promise.race([formsDone, new Promise(resolve => setTimeout(resolve, 100))])
  })
}

it('made beside the rows from the backup file, the forms are the restored rows’: the library opens from them and they answer as a fresh build', async () => {
  const backedUp = await library('backed-up', PAPERS_PER_PART + 150, 41, false)
  const { text } = await backupText(backedUp)
  const db = await library('in-use', 90, 42)

  await restoreBeside(db, text, () => pagesOfFile(new Blob([text])))

  const restored = await readAtOpen(db)
  expect([...restored.kinds]).toEqual(['packed'])
  expect(restored.papers).toEqual(await lightFromRows(db))
  expect(restored.papers.length).toBe(PAPERS_PER_PART + 150)
  expect(await currentIndex(db)).toMatchObject({ how: 'loaded', light: 'loaded' })
  const saved = await readSavedIndex(db)
  if (saved.state !== 'ok') throw new Error(`no saved index: ${saved.state}`)
  const index = createSearchIndex({ from: saved.snapshot })
  const fresh = await buildIndex(db)
  for (const query of ['orexin', 'note:"bnst infusion"', 'title:receptor', 'author:smith', 'year:2010-2015'])
    expect([...index.search(query)].sort(), query).toEqual([...fresh.search(query)].sort())
  expect(index.search('note:"bnst infusion"')).toHaveLength(40)
})

it('when the forms cannot be made, the restore fails and the library is put back as it was', async () => {
  const backedUp = await library('backed-up', 120, 43, false)
  const { text } = await backupText(backedUp)
  const db = await library('in-use', 90, 44)
  async function* unreadable(): AsyncGenerator<RowPage> {
    yield* []
    throw new Error('the file could not be read again')
  }

  await expect(restoreBeside(db, text, unreadable)).rejects.toThrow(
    'The backup could not be restored (the file could not be read again). The library was put back as it was before (90 papers; every row checked).'
  )
  expect(await db.items.count()).toBe(90)
  expect((await readAtOpen(db)).papers).toEqual(await lightFromRows(db))
})
