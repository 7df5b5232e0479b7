// This computer meets its own writes again in the replica's feed: an edit
// made after a push and before that meeting is not a conflict with itself.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestCouch, type TestCouch } from '../../../../e2e/support/couch-server'
import { addRecordsToLibrary } from '../library/add-paper'
import { setReadStatus } from '../library/reading'
import { applyIncomingChanges } from './incoming'
import { pushLocalChanges } from './outgoing'
import { computer, newDatabase } from './computers.test-support'

let couch: TestCouch
beforeAll(async () => {
  couch = await startTestCouch()
})
afterAll(() => couch?.close())

it('an edit made just after a push is sent as it is, with no conflict against the value pushed before it', async () => {
  const database = await newDatabase(couch)
  const a = await computer(couch, database)
  const b = await computer(couch, database)
  const [{ item }] = await addRecordsToLibrary(a.db, [{ csl: { type: 'article-journal', title: 'Oxytocin and trust' }, sources: ['manual'] }])
  await pushLocalChanges(a.db, a.replica)
  await setReadStatus(a.db, [item.id], 'read')

  expect((await applyIncomingChanges(a.db, a.replica)).applied).toBe(0)
  await a.sync()
  await b.sync()

  for (const c of [a, b]) {
    const paper = (await c.db.items.get(item.id))!
    expect(paper.readStatus).toBe('read')
    expect(paper.syncConflicts).toBeUndefined()
  }
  await a.close()
  await b.close()
})
