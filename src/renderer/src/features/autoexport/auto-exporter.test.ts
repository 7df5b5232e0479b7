// The auto-exporter on a real library (fake-indexeddb) of real PubMed records:
// it rewrites the files whose papers changed, only those, and at start only
// when the library changed since the last write.
import { afterEach, describe, expect, it } from 'vitest'
import { fixtureItems } from '../../../../main/services/pubmed/fixture-items.test-support'
import type { Result } from '@shared/result'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { addItemsToCollection, createCollection, deleteCollection } from '../../library/collections'
import { saveEdit, formOf } from '../../library/edit'
import { LibraryStore } from '../../store/library-store'
import { AutoExporter } from './auto-exporter'
import { readBindings, updateBindings } from './bindings'

let db: NeurorefDb
afterEach(() => db?.delete())

type Write = { id: string; content: string }

function fakeMain(fail?: (w: Write) => Result<never> | undefined) {
  const writes: Write[] = []
  const api = {
    'autoexport.write': async (w: Write): Promise<Result<{ writtenAt: number }>> => {
      const failed = fail?.(w)
      if (failed) return failed
      writes.push(w)
      return { ok: true, value: { writtenAt: Date.now() } }
    }
  }
  return { api, writes }
}

async function library() {
  db = openLibrary(`autoexport-${Math.random()}`)
  const items = fixtureItems()
    .slice(0, 5)
    .map((item, i) => ({ ...item, addedAt: 1000 + i, citationKey: `paper${i}` }))
  await db.items.bulkAdd(items)
  const chapter = await createCollection(db, 'Chapter 2: oxytocin')
  await addItemsToCollection(db, chapter.id, [items[0].id, items[1].id])
  await updateBindings(db, b => {
    b.all = { collectionId: null }
    b.chapter = { collectionId: chapter.id }
  })
  const store = new LibraryStore(db)
  await store.load()
  // the search index arrives after the load and tells the store's listeners; let that pass first
  await store.indexSettled()
  return { items, chapter, store }
}

const settle = async (store: LibraryStore, exporter: AutoExporter) => {
  await store.settled()
  await new Promise(resolve => setTimeout(resolve, 30))
  await exporter.runNow(false)
}

describe('AutoExporter', () => {
  it('writes every bound file at start, with the papers of its collection', async () => {
    const { items, store } = await library()
    const main = fakeMain()
    const exporter = new AutoExporter({ db, store, api: main.api, delayMs: 10 })
    exporter.start()
    await exporter.runNow(false)
    const byId = Object.fromEntries(main.writes.map(w => [w.id, w.content]))
    expect(Object.keys(byId).sort()).toEqual(['all', 'chapter'])
    expect(byId.all.match(/^@\w+\{/gm)).toHaveLength(5)
    expect(byId.chapter.match(/^@\w+\{paper\d,/gm)).toEqual(['@article{paper0,', '@article{paper1,'])
    expect(byId.chapter).not.toContain(items[4].csl.title?.slice(0, 30))
  })

  it('after an edit rewrites only the files holding that paper', async () => {
    const { items, store } = await library()
    const main = fakeMain()
    const exporter = new AutoExporter({ db, store, api: main.api, delayMs: 10 })
    exporter.start()
    await exporter.runNow(false)
    main.writes.length = 0

    await saveEdit(db, items[3].id, { ...formOf(items[3]), title: 'Oxytocin and pair bonding, revisited' })
    await settle(store, exporter)
    expect(main.writes.map(w => w.id)).toEqual(['all'])
    expect(main.writes[0].content).toContain('Oxytocin and pair bonding, revisited')

    main.writes.length = 0
    await saveEdit(db, items[0].id, { ...formOf(items[0]), title: 'Vasopressin in the chapter' })
    await settle(store, exporter)
    expect(main.writes.map(w => w.id).sort()).toEqual(['all', 'chapter'])
  })

  it('at a restart writes nothing when the library is unchanged, and once when it changed', async () => {
    const { items, store } = await library()
    const first = fakeMain()
    const before = new AutoExporter({ db, store, api: first.api })
    before.start()()
    await before.runNow(false)
    expect(first.writes).toHaveLength(2)

    const again = fakeMain()
    const restarted = new AutoExporter({ db, store, api: again.api })
    restarted.start()()
    await restarted.runNow(false)
    expect(again.writes).toEqual([])

    await saveEdit(db, items[1].id, { ...formOf(items[1]), title: 'Edited while Neuroref was closed' })
    await store.settled()
    const third = fakeMain()
    const later = new AutoExporter({ db, store, api: third.api })
    later.start()()
    await later.runNow(false)
    expect(third.writes.map(w => w.id).sort()).toEqual(['all', 'chapter'])
  })

  it('keeps a failed write as a problem and tries again after the next change; forgets targets main no longer has', async () => {
    const { items, store } = await library()
    let broken = true
    const main = fakeMain(w => {
      if (w.id === 'chapter' && broken) return { ok: false, error: { code: 'IO', message: 'Could not write /x/refs.bib: the disk is full.' } }
      if (w.id === 'all') return { ok: false, error: { code: 'NOT_FOUND', message: 'This auto-export file is no longer registered.' } }
      return undefined
    })
    const exporter = new AutoExporter({ db, store, api: main.api, delayMs: 10 })
    exporter.start()
    await exporter.runNow(false)
    expect(exporter.problems.get('chapter')).toBe('Could not write /x/refs.bib: the disk is full.')
    expect(Object.keys(await readBindings(db))).toEqual(['chapter'])

    broken = false
    await saveEdit(db, items[1].id, { ...formOf(items[1]), title: 'A new title' })
    await settle(store, exporter)
    expect(main.writes.map(w => w.id)).toEqual(['chapter'])
    expect(exporter.problems.has('chapter')).toBe(false)
  })

  it('stops updating a file whose collection was deleted, and says so', async () => {
    const { chapter, store } = await library()
    const main = fakeMain()
    const exporter = new AutoExporter({ db, store, api: main.api, delayMs: 10 })
    exporter.start()
    await exporter.runNow(false)
    main.writes.length = 0
    await deleteCollection(db, chapter.id)
    await settle(store, exporter)
    // the whole library's file holds the same papers as before: no rewrite either
    expect(main.writes).toEqual([])
    expect(exporter.problems.get('chapter')).toMatch(/collection was deleted/)
  })
})
