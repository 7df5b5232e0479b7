// Two computers that changed the same paper while apart, through the test
// server: nothing either of them wrote is lost.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestCouch, type TestCouch } from '../../../../e2e/support/couch-server'
import { addRecordsToLibrary } from '../library/add-paper'
import { formOf, saveEdit, type ItemForm } from '../library/edit'
import { moveToTrash } from '../library/trash'
import { saveNote } from '../library/notes'
import { resolveSyncConflict } from '../library/sync-conflicts'
import { readCheckpoint } from './checkpoint'
import { computer, newDatabase, type Computer } from './computers.test-support'

let couch: TestCouch
const open: Computer[] = []
beforeAll(async () => {
  couch = await startTestCouch()
})
afterAll(() => couch?.close())
afterEach(async () => {
  for (const c of open.splice(0)) await c.close()
})

/** Two computers that both hold one paper. */
async function sharedPaper(): Promise<{ a: Computer; b: Computer; id: string }> {
  const database = await newDatabase(couch)
  const a = await computer(couch, database)
  const b = await computer(couch, database)
  open.push(a, b)
  const [{ item }] = await addRecordsToLibrary(a.db, [
    { csl: { type: 'article-journal', title: 'Vasopressin and pair bonding', volume: '12', 'container-title': 'Neuron' }, sources: ['manual'] }
  ])
  await a.sync()
  await b.sync()
  return { a, b, id: item.id }
}

async function edit(c: Computer, id: string, change: Partial<ItemForm>): Promise<void> {
  const item = (await c.db.items.get(id))!
  await saveEdit(c.db, id, { ...formOf(item), ...change })
}

async function settle(a: Computer, b: Computer): Promise<void> {
  await a.sync()
  await b.sync()
  await a.sync()
  await b.sync()
}

describe('conflicts', () => {
  it('merges different fields edited on two computers while apart', async () => {
    const { a, b, id } = await sharedPaper()
    await edit(a, id, { title: 'Vasopressin and partner preference' })
    await edit(b, id, { volume: '13' })
    await settle(a, b)
    for (const c of [a, b]) {
      const item = (await c.db.items.get(id))!
      expect(item.csl.title).toBe('Vasopressin and partner preference')
      expect(item.csl.volume).toBe('13')
      expect(item.syncConflicts).toBeUndefined()
    }
  })

  it('tags peptides and sets the DOI from the merged paper, not from the version that arrived', async () => {
    const { a, b, id } = await sharedPaper()
    await edit(a, id, { title: 'Vasopressin and oxytocin in pair bonding', doi: '10.1016/J.NEURON.2020.01.001' })
    await a.sync()
    // A's edit reaches B's replica while B's own edit is not pushed yet: B merges the two
    await edit(b, id, { abstract: 'Galanin in the hypothalamus.' })
    await b.replica.replicate.from(b.remote)
    await settle(b, a)
    for (const c of [a, b]) {
      const item = (await c.db.items.get(id))!
      expect(item.peptideTags?.map(t => t.peptide).sort()).toEqual(['Galanin', 'Oxytocin', 'Vasopressin'])
      expect([item.doi, item.doiKey]).toEqual(['10.1016/j.neuron.2020.01.001', '10.1016/j.neuron.2020.01.001'])
    }
  })

  it('keeps both values of a field edited differently on both, the same on both computers', async () => {
    const { a, b, id } = await sharedPaper()
    await edit(a, id, { title: 'Title from the laptop' })
    await edit(b, id, { title: 'Title from the lab' })
    await settle(a, b)
    const [onA, onB] = [(await a.db.items.get(id))!, (await b.db.items.get(id))!]
    expect(onA).toEqual(onB)
    expect([onA.csl.title, onA.syncConflicts?.[0].other].sort()).toEqual(['Title from the lab', 'Title from the laptop'])
    expect(onA.syncConflicts?.[0].field).toBe('csl.title')
    // each value is named by the computer that wrote it, so each computer can say which one is its own
    const conflict = onA.syncConflicts![0]
    const byComputer = { [conflict.keptOn!]: conflict.kept, [conflict.otherOn!]: conflict.other }
    expect(byComputer[(await readCheckpoint(a.replica)).device]).toBe('Title from the laptop')
    expect(byComputer[(await readCheckpoint(b.replica)).device]).toBe('Title from the lab')
  })

  it('resolving keeps the chosen value on both computers, and the conflict goes', async () => {
    const { a, b, id } = await sharedPaper()
    await edit(a, id, { title: 'Title from the laptop' })
    await edit(b, id, { title: 'Title from the lab' })
    await settle(a, b)
    const conflict = (await b.db.items.get(id))!.syncConflicts![0]
    const side = conflict.kept === 'Title from the lab' ? 'kept' : 'other'
    await resolveSyncConflict(b.db, id, conflict, side)
    await settle(b, a)
    for (const c of [a, b]) {
      const item = (await c.db.items.get(id))!
      expect(item.csl.title).toBe('Title from the lab')
      expect(item.syncConflicts).toBeUndefined()
    }
  })

  it('merges a change that arrives while this computer has an unpushed edit of the same paper', async () => {
    const { a, b, id } = await sharedPaper()
    await edit(a, id, { title: 'Edited on A' })
    await a.sync()
    await edit(b, id, { volume: '99' })
    await b.replica.replicate.from(b.remote)
    await settle(b, a)
    for (const c of [a, b]) expect((await c.db.items.get(id))!.csl).toMatchObject({ title: 'Edited on A', volume: '99' })
  })

  it('keeps a paper trashed on one computer and edited on the other out of the Trash, marked', async () => {
    const { a, b, id } = await sharedPaper()
    await moveToTrash(a.db, [id])
    await edit(b, id, { title: 'Still needed' })
    await settle(a, b)
    for (const c of [a, b]) {
      const item = (await c.db.items.get(id))!
      expect(item.trashedAt).toBeUndefined()
      expect(item.csl.title).toBe('Still needed')
      expect(item.syncConflicts?.map(x => x.field)).toEqual(['trashedAt'])
    }
  })

  it('keeps both texts of a note written on both computers', async () => {
    const { a, b, id } = await sharedPaper()
    await saveNote(a.db, id, 'first')
    await settle(a, b)
    await saveNote(a.db, id, 'from A')
    await saveNote(b.db, id, 'from B')
    await settle(a, b)
    const [onA, onB] = [await a.db.notes.where('itemId').equals(id).first(), await b.db.notes.where('itemId').equals(id).first()]
    expect(onA?.text).toBe(onB?.text)
    expect(onA?.text).toContain('from A')
    expect(onA?.text).toContain('from B')
  })

  it('keeps a document from a newer Neuroref untouched and says so', async () => {
    const { b } = await sharedPaper()
    const database = b.remote.name.split('/').pop()!
    const future = { type: 'paper', schema: 2, data: { shape: 'unknown to this version' } }
    const put = await couch.admin(`/${database}/paper:from-the-future`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(future)
    })
    const rev = ((await put.json()) as { rev: string }).rev
    const outcome = await b.sync()
    expect(outcome.fromNewerApp).toEqual(['paper:from-the-future'])
    expect(await b.db.items.get('from-the-future')).toBeUndefined()
    const onServer = (await (await couch.admin(`/${database}/paper:from-the-future`)).json()) as Record<string, unknown>
    expect(onServer).toEqual({ _id: 'paper:from-the-future', _rev: rev, ...future })
  })
})
