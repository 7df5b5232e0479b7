// A paper too large for the server (CouchDB refuses documents over its
// max_document_size, 8 MB by default) stays on this computer and is named;
// it does not hold back the papers written with it.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestCouch, type TestCouch } from '../../../../e2e/support/couch-server'
import { addRecordsToLibrary } from '../library/add-paper'
import { pushLocalChanges } from './outgoing'
import { computer, newDatabase } from './computers.test-support'
import { statusText } from './status'

let couch: TestCouch
beforeAll(async () => {
  couch = await startTestCouch()
  // CouchDB's default; express-pouchdb's own is 4 GB (a real CouchDB answers 404 here and has 8 MB already)
  await couch.admin('/_config/couchdb/max_document_size', { method: 'PUT', body: JSON.stringify('8000000') })
})
afterAll(() => couch?.close())

it('a paper over 8 MB stays here, said in words; the papers written with it arrive', async () => {
  const database = await newDatabase(couch)
  const a = await computer(couch, database)
  const b = await computer(couch, database)
  const added = await addRecordsToLibrary(a.db, [
    { csl: { type: 'article-journal', title: 'Orexin and sleep' }, sources: ['manual'] },
    { csl: { type: 'article-journal', title: 'A paper with a 9 MB abstract', abstract: 'neuropeptide '.repeat(700_000) }, sources: ['manual'] },
    { csl: { type: 'article-journal', title: 'Galanin and feeding' }, sources: ['manual'] }
  ])
  const huge = added[1].item.id

  expect((await pushLocalChanges(a.db, a.replica)).tooLarge).toEqual([`paper:${huge}`])
  await a.sync()
  await b.sync()

  expect((await b.db.items.toArray()).map(item => item.csl.title).sort()).toEqual(['Galanin and feeding', 'Orexin and sleep'])
  expect(await a.db.items.get(huge)).toBeDefined()
  expect(statusText({ state: 'synced', waiting: 0, fromNewerApp: 0, tooLarge: 1 })).toContain(
    '1 paper is too large for the server (over 8 MB) and stays on this computer only'
  )
  await a.close()
  await b.close()
})
