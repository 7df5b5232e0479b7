// The sync engine, live, against the test server: what one computer adds
// reaches the other; the status says in words what is going on; a server
// that goes away in the middle of a large first sync loses nothing. Each
// library has its own replica: My library and a lab library syncing the same
// server database each get the papers; a computer that synced with an
// earlier version keeps its replica and does not download its library again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestCouch, type TestCouch } from '../../../../e2e/support/couch-server'
import { addRecordsToLibrary, newItem } from '../library/add-paper'
import { applySyncedChanges, noSyncedChanges } from '../library/apply-synced'
import { setReadStatus } from '../library/reading'
import type { NeurorefDb } from '../library/schema'
import { engineComputer, newDatabase, until } from './computers.test-support'
import { SyncEngine } from './engine'
import type { Fetch } from './session'
import { statusText } from './status'
import { loadPeptideTagger } from '../library/peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

let couch: TestCouch
const cleanups: (() => Promise<unknown>)[] = []
beforeAll(async () => {
  couch = await startTestCouch()
  await couch.createUser('ann', 'ann-password')
})
afterAll(() => couch?.close())
afterEach(async () => {
  couch.failWith = undefined
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

const computer = () => engineComputer(cleanups)

const account = (database: string, password = 'ann-password') => ({ server: couch.url, database, user: 'ann', password })
/** Many papers in one write (adding them one by one checks each for duplicates: slow on fake-indexeddb). */
async function addMany(db: NeurorefDb, n: number, from = 0): Promise<void> {
  const items = papers(n, from).map((record, i) => newItem(record, Date.now(), new Set(), `paper${from + i}`))
  await applySyncedChanges(db, { ...noSyncedChanges(), items })
}

const papers = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    csl: { type: 'article-journal', title: `Neuropeptide Y paper ${from + i}` },
    pmid: String(1_000_000 + from + i),
    sources: ['manual' as const]
  }))

describe('sync engine', () => {
  it('brings a paper added on one computer to the other, and says when it synced', async () => {
    const database = await newDatabase(couch)
    const a = computer()
    const b = computer()
    await a.engine.start(account(database))
    await b.engine.start(account(database))
    await addRecordsToLibrary(a.db, papers(1))
    await until(async () => (await b.db.items.count()) === 1, 'the paper on B')
    await until(() => a.engine.status.state === 'synced' && a.engine.status.waiting === 0, 'A synced')
    expect(statusText(a.engine.status)).toMatch(/^Synced at \d\d:\d\d$/)
  })

  it('says the password is wrong, the server had a problem, or cannot be reached', async () => {
    const database = await newDatabase(couch)
    const { engine } = computer()
    expect(statusText(await engine.start(account(database, 'not-it')))).toBe('Wrong user name or password')
    couch.failWith = 500
    expect(statusText(await engine.start(account(database)))).toBe('The server had a problem; trying again')
    couch.failWith = undefined
    await couch.takeDown()
    try {
      expect(statusText(await engine.start(account(database)))).toBe('Server unreachable')
    } finally {
      await couch.bringUp()
    }
    await until(() => engine.status.state === 'synced', 'sync resumes once the server is back')
    expect(statusText(await engine.start({ ...account(database), server: 'http://couch.example.org' }))).toMatch(/must start with https/)
  })

  it('converges without loss or duplicates when the server goes down in the middle of syncing 2,000 papers', async () => {
    const database = await newDatabase(couch)
    const a = computer()
    await addMany(a.db, 2000)
    let pushedBeforeDown = 0
    const down = new Promise<void>(resolve => {
      const stop = a.engine.subscribe(() => {
        if (a.engine.status.state !== 'syncing' || a.engine.status.waiting === 0 || a.engine.status.waiting === 2000) return
        stop()
        pushedBeforeDown = 2000 - a.engine.status.waiting
        void couch.takeDown().then(resolve)
      })
    })
    await a.engine.start(account(database))
    await down
    expect(pushedBeforeDown).toBeGreaterThan(0)
    expect(pushedBeforeDown).toBeLessThan(2000)
    await addMany(a.db, 5, 2000)
    await new Promise(r => setTimeout(r, 300))
    await couch.bringUp()
    const b = computer()
    await b.engine.start(account(database))
    await until(async () => (await b.db.items.count()) === 2005, 'all 2,005 papers on B', 60_000)
    const ids = (await a.db.items.toCollection().primaryKeys()).sort()
    expect((await b.db.items.toCollection().primaryKeys()).sort()).toEqual(ids)
    const onServer = (await (await couch.admin(`/${database}`)).json()) as { doc_count: number }
    expect(onServer.doc_count).toBe(2005)
  }, 60_000)

  it('does not ask the server again about the papers it pulled: only a change made here is sent', async () => {
    const database = await newDatabase(couch)
    const a = computer()
    await addMany(a.db, 300)
    await a.engine.start(account(database))
    await until(() => a.engine.status.state === 'synced' && a.engine.status.waiting === 0, 'A pushed its 300 papers')
    // the documents B's pushes ask the server about (revs_diff: which of these revisions do you lack?)
    const asked: string[] = []
    const fetch = async (url: string | Request, init?: RequestInit): Promise<Response> => {
      if (String(url).includes('/_revs_diff') && typeof init?.body === 'string') asked.push(...Object.keys(JSON.parse(init.body) as object))
      return globalThis.fetch(url, init)
    }
    const b = engineComputer(cleanups, { fetch })
    await b.engine.start(account(database))
    await until(async () => (await b.db.items.count()) === 300, 'the 300 papers on B')
    await until(() => b.engine.status.state === 'synced', 'B synced')
    const [id] = (await b.db.items.limit(1).primaryKeys()) as string[]
    await setReadStatus(b.db, [id], 'read')
    await until(async () => (await a.db.items.get(id))?.readStatus === 'read', 'the change on A')
    expect(asked).toEqual([`paper:${id}`])
  }, 60_000)
})

/** The documents a computer downloads from the server (PouchDB's pull asks for them with _bulk_get). */
function countingDownloads(): { fetch: Fetch; downloaded: () => number } {
  let downloaded = 0
  const fetch = async (url: string | Request, init?: RequestInit): Promise<Response> => {
    if (String(url).includes('/_bulk_get') && typeof init?.body === 'string') downloaded += (JSON.parse(init.body) as { docs: unknown[] }).docs.length
    return globalThis.fetch(url, init)
  }
  return { fetch, downloaded: () => downloaded }
}

describe('the replica of a library', () => {
  it('is its own: My library and a lab library syncing the same server database each get the papers', async () => {
    const database = await newDatabase(couch)
    const a = engineComputer(cleanups)
    await addRecordsToLibrary(a.db, papers(3))
    await a.engine.start(account(database))
    // one computer, two libraries (two IndexedDB databases), each with the replica its engine names
    const mine = engineComputer(cleanups, { replicaName: undefined })
    const lab = engineComputer(cleanups, { replicaName: undefined })
    await mine.engine.start(account(database))
    await until(async () => (await mine.db.items.count()) === 3, 'the papers in My library')
    await lab.engine.start(account(database))
    await until(async () => (await lab.db.items.count()) === 3, 'the papers in the lab library', 10_000)
    expect((await lab.db.items.toArray()).map(item => item.csl.title).sort()).toEqual([
      'Neuropeptide Y paper 0',
      'Neuropeptide Y paper 1',
      'Neuropeptide Y paper 2'
    ])
  })

  it('made by an earlier version, under the server address, is kept: the library is not downloaded again', async () => {
    const database = await newDatabase(couch)
    const a = engineComputer(cleanups)
    await addRecordsToLibrary(a.db, papers(20))
    await a.engine.start(account(database))
    const { fetch, downloaded } = countingDownloads()
    // the earlier version named the replica like this; PouchDB kept only the address after the "@"
    const b = engineComputer(cleanups, { fetch, replicaName: undefined })
    const earlier = new SyncEngine({ db: b.db, fetch, replicaAdapter: 'memory', replicaName: `neuroref-sync-${b.db.name}-ann@${couch.url}/${database}` })
    await earlier.start(account(database))
    await until(async () => (await b.db.items.count()) === 20, 'the 20 papers on B')
    await until(() => earlier.status.state === 'synced', 'B synced')
    expect(downloaded()).toBe(20)
    await earlier.stop()

    // the new version starts on the same library
    await b.engine.start(account(database))
    await until(() => b.engine.status.state === 'synced', 'B synced again')
    await addRecordsToLibrary(a.db, papers(1, 20))
    await until(async () => (await b.db.items.count()) === 21, 'the new paper on B')
    expect(downloaded()).toBe(21)
  })
})
