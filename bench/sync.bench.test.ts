// Sync through the CouchDB-compatible test server (e2e/support/couch-server.ts),
// two computers in one Node process: libraries on fake-indexeddb, replicas on
// PouchDB's memory adapter. Measures an initial sync of N papers to an empty
// second library, 1,000 changes on A reaching B, and one change reaching B.
// Prints figures (bench/RESULTS-sync.md); asserts only that everything arrived.
import { loadavg } from 'node:os'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestCouch, type TestCouch } from '../e2e/support/couch-server'
import { newItem } from '../src/renderer/src/library/add-paper'
import { applySyncedChanges, noSyncedChanges } from '../src/renderer/src/library/apply-synced'
import { openLibrary, type NeurorefDb } from '../src/renderer/src/library/schema'
import { papersOf } from '../src/renderer/src/library/events'
import { filedObjects } from '../src/renderer/src/library/filing-columns'
import { setReadStatus } from '../src/renderer/src/library/reading'
import { newDatabase } from '../src/renderer/src/sync/computers.test-support'
import { SyncEngine } from '../src/renderer/src/sync/engine'
import { loadPeptideTagger } from '../src/renderer/src/library/peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

const FULL = process.env.NEUROREF_BENCH === '1'
const PAPERS = FULL ? 10_000 : 1_000
const CHANGES = FULL ? 1_000 : 200

let couch: TestCouch
beforeAll(async () => {
  couch = await startTestCouch()
  await couch.createUser('ann', 'ann-password')
})
afterAll(() => couch?.close())

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 900_000
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`)
    await new Promise(r => setTimeout(r, 20))
  }
}

function computer(): { db: NeurorefDb; engine: SyncEngine } {
  const db = openLibrary(`bench-${Math.random()}`)
  return { db, engine: new SyncEngine({ db, replicaAdapter: 'memory', replicaName: `bench-replica-${Math.random()}`, maxBackOff: 500 }) }
}

const load = (): string =>
  loadavg()
    .map(l => l.toFixed(2))
    .join(' ')

it(`initial sync of ${PAPERS} papers, ${CHANGES} changes, one change`, async () => {
  const database = await newDatabase(couch)
  const account = { server: couch.url, database, user: 'ann', password: 'ann-password' }
  const a = computer()
  const items = Array.from({ length: PAPERS }, (_, i) =>
    newItem(
      {
        csl: { type: 'article-journal', title: `Neuropeptide Y paper ${i}`, 'container-title': 'Neuron', volume: String(i % 90) },
        pmid: String(1_000_000 + i),
        sources: ['manual']
      },
      Date.now(),
      new Set(),
      `p${i}`
    )
  )
  for (let at = 0; at < items.length; at += 2000) await applySyncedChanges(a.db, { ...noSyncedChanges(), items: items.slice(at, at + 2000) })
  await a.engine.start(account)
  await until(async () => a.engine.status.state === 'synced' && a.engine.status.waiting === 0, 'A pushed everything')

  // initial sync into an empty second library
  const b = computer()
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100)
  const started = performance.now()
  await b.engine.start(account)
  await until(async () => (await b.db.items.count()) === PAPERS, 'all papers on B')
  const initial = performance.now() - started
  clearInterval(sampler)

  // CHANGES changes on A, one write each, as a researcher marking papers read would make them
  const ids = items.slice(0, CHANGES).map(item => item.id)
  // B's library events say when each change is written there (polling the database would cost more than the sync itself)
  const readOnB = new Set<string>()
  const stopListening = b.db.events.subscribe(events => {
    for (const event of events)
      if (event.kind === 'item' && event.change !== 'deleted')
        for (const item of 'filing' in event ? filedObjects(event.filing) : papersOf(event)) if (item.readStatus === 'read') readOnB.add(item.id)
  })
  const changedAt = performance.now()
  await setReadStatus(a.db, ids, 'read')
  const written = performance.now() - changedAt
  await until(async () => readOnB.size === CHANGES, 'changes on B')
  const batch = performance.now() - changedAt
  stopListening()

  // one change
  const oneAt = performance.now()
  await setReadStatus(a.db, [items[PAPERS - 1].id], 'reading')
  await until(async () => (await b.db.items.get(items[PAPERS - 1].id))?.readStatus === 'reading', 'one change on B')
  const one = performance.now() - oneAt

  console.log(
    `[bench sync] ${PAPERS} papers initial sync ${(initial / 1000).toFixed(1)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB; ` +
      `${CHANGES} changes A→B ${(batch / 1000).toFixed(2)} s (A's own write ${(written / 1000).toFixed(2)} s of it); one change ${(one / 1000).toFixed(2)} s; load ${load()}`
  )
  expect(await b.db.items.count()).toBe(PAPERS)
  await a.engine.stop()
  await b.engine.stop()
}, 900_000) // a guard against hangs like `until`'s, not a time limit: under load (vitest related, other helpers) it took over the default 20 s
