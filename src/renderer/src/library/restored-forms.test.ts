// A restored library opens as a library opened again: the restore saves its search index and light form from the
// rows it writes, and the window reads those (not every row) and searches with that index, which answers as one
// built afresh over the same papers. A restore cut short (the window closed while the rows, or the forms, were being
// written) leaves no form in force: the next open reads every row and builds both again.
import { afterEach, describe, expect, it } from 'vitest'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { BENCH_QUERIES } from '../../../../bench/queries'
import { linesWorkHere } from './backup'
import { linesOf, pagesOfLines, textOfFile } from './backup-lines'
import { backupText } from './backup.test-support'
import { buildIndex, currentIndex } from './index-job'
import { PAPERS_PER_PART } from './light-form'
import { replaceRows, type RowPage } from './library-pages'
import { saveNote } from './notes'
import { restoreLibrary, undoRestore } from './restore'
import { readSavedIndex } from './saved-index'
import { openLibrary, type NeurorefDb } from './schema'
import { createSearchIndex, type SearchIndex } from '@shared/search/index'
import { byDateAdded } from '@shared/date-added'
import { lightFromRows, readAtOpen } from '../store/light-rows.test-support'
import { openedStore } from '../store/opened-store.test-support'

let db: NeurorefDb
afterEach(() => db?.delete())

const QUERIES = [...BENCH_QUERIES, 'note:orexin', 'note:"bnst infusion"', 'orexin', 'title:receptor note:bnst']
const sorted = (ids: string[]) => [...ids].sort()

/** A library of synthetic papers, some with notes; `forms`: its index and light form saved as a library in use has them (a backup holds neither). */
async function library(name: string, count: number, seed: number, forms = true): Promise<NeurorefDb> {
  const opened = openLibrary(`${name}-${Math.random()}`)
  const { items } = createSyntheticLibrary(count, seed)
  await opened.items.bulkAdd(items.map(item => ({ ...item, id: `${name}-${item.id}` })))
  const ids = (await opened.items.toCollection().primaryKeys()) as string[]
  for (const id of ids.slice(0, 40)) await saveNote(opened, id, id.endsWith('1') ? 'Compare with the orexin data.' : 'Methods: BNST infusion, then orexin.')
  if (forms) await currentIndex(opened)
  return opened
}

const opened = () => readAtOpen(db)
const fromRows = () => lightFromRows(db)

/** The saved index answers every query as an index built afresh from the stored rows and notes. */
async function expectFreshAnswers(): Promise<SearchIndex> {
  const saved = await readSavedIndex(db)
  if (saved.state !== 'ok') throw new Error(`no saved index: ${saved.state}`)
  const index = createSearchIndex({ from: saved.snapshot })
  const fresh = await buildIndex(db)
  for (const query of QUERIES) expect(sorted(index.search(query)), query).toEqual(sorted(fresh.search(query)))
  return index
}

describe('a restored library', () => {
  it('opens from the light form and search index the restore saved, which answer as a fresh build; so does Undo restore', async () => {
    const backedUp = await library('backed-up', PAPERS_PER_PART + 150, 21, false)
    const { text } = await backupText(backedUp)
    backedUp.close()
    db = await library('in-use', 90, 22)

    await restoreLibrary(db, linesWorkHere(db, new Blob([text])), new Date().toISOString(), async () => {})
    const restored = await opened()
    expect(restored.papers).toEqual(await fromRows())
    expect(restored.papers.length).toBe(PAPERS_PER_PART + 150)
    expect([...restored.kinds]).toEqual(['packed'])
    // the notes, which a backup holds after the papers, are in it
    expect((await expectFreshAnswers()).search('note:"bnst infusion"').length).toBeGreaterThan(10)
    // the index job finds both current: nothing is built again
    expect(await currentIndex(db)).toMatchObject({ how: 'loaded', light: 'loaded' })

    // a change after the restore is caught up as in any library
    const [first] = await db.items.orderBy('id').limit(1).toArray()
    await saveNote(db, first.id, 'orexin after the restore')
    expect(await currentIndex(db)).toMatchObject({ how: 'caught up', light: 'caught up' })
    await expectFreshAnswers()

    await undoRestore(db, async () => {})
    const undone = await opened()
    expect(undone.papers).toEqual(await fromRows())
    expect(undone.papers.length).toBe(90)
    expect([...undone.kinds]).toEqual(['packed'])
    await expectFreshAnswers()
  }, 60_000)

  it('opens with its papers by date added as they come, not sorted, though the backup holds them by id', async () => {
    const backedUp = await library('backed-up', PAPERS_PER_PART + 150, 23, false)
    const { text } = await backupText(backedUp)
    backedUp.close()
    db = await library('in-use', 90, 24)

    await restoreLibrary(db, linesWorkHere(db, new Blob([text])), new Date().toISOString(), async () => {})
    const byDate = (await db.items.toArray()).sort(byDateAdded).map(row => row.id)
    // the backup's order (by id) is not the order by date added
    expect((await db.items.toCollection().primaryKeys()) as string[]).not.toEqual(byDate)
    const store = await openedStore(db)
    expect(store.index.last).toMatchObject({ how: 'loaded', light: 'loaded' })
    expect(store.openedByDateAdded()?.items.map(item => item.id)).toEqual(byDate)
  }, 60_000)
})

describe('a restore cut short', () => {
  /** The backup's pages, then the window closing (the restore's worker stops there). */
  async function* pagesThenClosed(text: string): AsyncGenerator<RowPage> {
    const items = text
      .split('\n')
      .map(line => JSON.parse(line || 'null'))
      .filter(row => row?.table === 'items')
      .map(row => row.row)
    yield { table: 'items', rows: items }
    throw new Error('the window was closed')
  }

  async function backupAndLibrary(): Promise<string> {
    const backedUp = await library('backed-up', PAPERS_PER_PART + 150, 31, false)
    const { text } = await backupText(backedUp)
    backedUp.close()
    db = await library('in-use', 90, 32)
    return text
  }

  it('while the rows are written, leaves no form in force: every row is read and both are built again', async () => {
    const text = await backupAndLibrary()
    expect(text).toContain('"table":"items"')
    await expect(replaceRows(db, pagesThenClosed(text), 'restore-cut')).rejects.toThrow('closed')
    const reopened = await opened()
    expect([...reopened.kinds]).toEqual(['rows'])
    expect(reopened.papers).toEqual(await fromRows())
    expect(reopened.papers.length).toBe(PAPERS_PER_PART + 150)
    expect(await currentIndex(db)).toMatchObject({ how: 'rebuilt', light: 'rebuilt' })
    expect([...(await opened()).kinds]).toEqual(['packed'])
    await expectFreshAnswers()
  }, 60_000)

  it('while the light form is written, after its first part: the part left is not used, and the form is built again', async () => {
    const text = await backupAndLibrary()
    const crash = {
      afterPart: (n: number) => {
        if (n === 1) throw new Error('the window was closed')
      }
    }
    await expect(replaceRows(db, pagesOfLines(linesOf(textOfFile(new Blob([text])))), 'restore-cut', crash)).rejects.toThrow('closed')
    const reopened = await opened()
    expect([...reopened.kinds]).toEqual(['rows'])
    expect(reopened.papers).toEqual(await fromRows())
    // the index was saved before the form: it is the restored rows' and stays in use
    expect(await currentIndex(db)).toMatchObject({ how: 'loaded', light: 'rebuilt' })
    const after = await opened()
    expect([...after.kinds]).toEqual(['packed'])
    expect(after.papers).toEqual(await fromRows())
    await expectFreshAnswers()
  }, 60_000)
})
