// The push after an update of Neuroref: it goes on from where the last one
// stopped, whatever the new build's minifier made of the push's filter, and
// takes over the checkpoint of a build from before the filter had a fixed
// text. Nothing already on the server is read again or asked about.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestCouch, type TestCouch } from '../../../../e2e/support/couch-server'
import { addRecordsToLibrary } from '../library/add-paper'
import { computer, newDatabase, type Computer } from './computers.test-support'
import { pushLocalChanges } from './outgoing'
import { remoteDatabase } from './replica'
import { Replication } from './replication'
import { CouchSession } from './session'

let couch: TestCouch
const open: Computer[] = []
const running: Replication[] = []
beforeAll(async () => {
  couch = await startTestCouch()
})
afterAll(() => couch?.close())
afterEach(async () => {
  vi.restoreAllMocks()
  for (const replication of running.splice(0)) replication.cancel()
  for (const c of open.splice(0)) await c.close()
})

const papers = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    csl: { type: 'article-journal', title: `Galanin paper ${from + i}` },
    pmid: String(3_000_000 + from + i),
    sources: ['manual' as const]
  }))

/** A computer with 30 papers in its replica, not yet on the server. */
async function computerWithPapers(): Promise<{ c: Computer; database: string }> {
  const database = await newDatabase(couch)
  const c = await computer(couch, database)
  open.push(c)
  await addRecordsToLibrary(c.db, papers(30))
  await pushLocalChanges(c.db, c.replica)
  return { c, database }
}

/** Replication as the engine runs it, with the documents its pushes ask the server about (revs_diff). */
async function replicate(c: Computer, database: string): Promise<{ replication: Replication; asked: string[]; idle: () => Promise<void> }> {
  const asked: string[] = []
  const session = new CouchSession({ server: couch.url, user: 'ann', password: 'ann-password' })
  await session.login()
  const fetch = async (url: string | Request, init?: RequestInit): Promise<Response> => {
    if (String(url).includes('/_revs_diff') && typeof init?.body === 'string') asked.push(...Object.keys(JSON.parse(init.body) as object))
    return session.fetch(url, init)
  }
  const replication = await Replication.start(c.replica, remoteDatabase(`${couch.url}/${database}`, fetch), {
    batchSize: 500,
    pushBatchSize: 1000,
    backOff: () => 100
  })
  running.push(replication)
  let idle = (): void => undefined
  replication.on('paused', (error?: unknown) => error === undefined && idle())
  return { replication, asked, idle: () => new Promise<void>(resolve => (idle = resolve)) }
}

describe('the push after an update', () => {
  it('goes on where the last push stopped, however the new build writes its functions', async () => {
    const { c, database } = await computerWithPapers()
    const before = await replicate(c, database)
    await before.idle()
    expect(before.asked).toHaveLength(30)
    before.replication.cancel()

    // a new build: every function's text differs (the minifier named things otherwise)
    const text = Function.prototype.toString
    vi.spyOn(Function.prototype, 'toString').mockImplementation(function (this: () => unknown) {
      return `${text.call(this)} /* another build */`
    })
    const after = await replicate(c, database)
    await after.idle()
    expect(after.asked).toEqual([])
  })

  it('takes over where a build from before the fixed name stopped, and still sends what changes next', async () => {
    const { c, database } = await computerWithPapers()
    // what such a build's push did: its filter's text was the minified arrow function
    await c.replica.replicate.to(c.remote, { filter: Object.assign(() => true, { toString: () => 'e=>this.toSend(e)' }) })

    const after = await replicate(c, database)
    await after.idle()
    expect(after.asked).toEqual([])
    const [added] = await addRecordsToLibrary(c.db, papers(1, 30))
    await pushLocalChanges(c.db, c.replica)
    const sent = after.idle()
    after.replication.push()
    await sent
    expect(after.asked).toEqual([`paper:${added.item.id}`])
  })
})
