// Test support: "computers", each a library (fake-indexeddb) with its
// replica, syncing with one test server (e2e/support/couch-server.ts).
// `sync()` does one full round by hand — apply, push, replicate both ways,
// apply — so tests decide exactly when each computer is online.
// `engineComputer()` is a computer the sync engine drives instead, live.
import type { TestCouch } from '../../../../e2e/support/couch-server'
import { openLibrary, type NeurorefDb } from '../library/schema'
import { applyIncomingChanges } from './incoming'
import { pushLocalChanges } from './outgoing'
import MemoryAdapter from 'pouchdb-adapter-memory'
import { addPouchPlugin, openReplica, remoteDatabase, type Replica } from './replica'
import { CouchSession } from './session'
import { SyncEngine, type SyncEngineOptions } from './engine'

export interface Computer {
  db: NeurorefDb
  replica: Replica
  remote: Replica
  /** one round with the server; resolves when this computer has what the server had */
  sync(): Promise<{ pushed: string[]; applied: number; fromNewerApp: string[] }>
  close(): Promise<void>
}

addPouchPlugin(MemoryAdapter)

let counter = 0

export async function newDatabase(couch: TestCouch): Promise<string> {
  const name = `neuroref-test-${process.pid}-${++counter}-${Date.now()}`
  const made = await couch.admin(`/${name}`, { method: 'PUT' })
  if (!made.ok) throw new Error(`could not create ${name}: ${made.status}`)
  return name
}

/** Two computers on one new server database; each goes into `open`, for the test's afterEach to close. */
export async function twoComputers(couch: TestCouch, open: Computer[]): Promise<[Computer, Computer]> {
  const database = await newDatabase(couch)
  const pair: [Computer, Computer] = [await computer(couch, database), await computer(couch, database)]
  open.push(...pair)
  return pair
}

export async function computer(couch: TestCouch, database: string, user = 'ann', password = 'ann-password'): Promise<Computer> {
  await couch.createUser(user, password)
  await couch.admin(`/${database}/_security`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [user], roles: [] } })
  })
  const db = openLibrary(`computer-${++counter}-${Math.random()}`)
  const replica = openReplica(`replica-${counter}-${Math.random()}`, 'memory')
  const session = new CouchSession({ server: couch.url, user, password })
  await session.login()
  const remote = remoteDatabase(`${couch.url}/${database}`, session.fetch)
  return {
    db,
    replica,
    remote,
    async sync() {
      const before = await applyIncomingChanges(db, replica)
      const pushed = await pushLocalChanges(db, replica)
      await replica.replicate.to(remote)
      await replica.replicate.from(remote)
      const after = await applyIncomingChanges(db, replica)
      await pushLocalChanges(db, replica)
      await replica.replicate.to(remote)
      return { pushed: pushed.written, applied: before.applied + after.applied, fromNewerApp: [...before.fromNewerApp, ...after.fromNewerApp] }
    },
    async close() {
      await replica.destroy()
      await db.delete()
    }
  }
}

/** Waits for `check` to hold (a guard against hangs, not a timing assertion). */
export async function until(check: () => Promise<boolean> | boolean, what: string, limit = 30_000): Promise<void> {
  const end = Date.now() + limit
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`)
    await new Promise(r => setTimeout(r, 50))
  }
}

/**
 * A library with its sync engine (replica in memory, quick retries); what
 * stops and deletes them is added to `cleanups`, for the test's afterEach.
 */
export function engineComputer(cleanups: (() => Promise<unknown>)[], options: Omit<SyncEngineOptions, 'db'> = {}): { db: NeurorefDb; engine: SyncEngine } {
  const db = openLibrary(`engine-${++counter}-${Math.random()}`)
  const engine = new SyncEngine({
    db,
    replicaAdapter: 'memory',
    replicaName: `replica-${counter}-${Math.random()}`,
    maxBackOff: 300,
    retryAfter: 200,
    ...options
  })
  cleanups.push(async () => {
    const replica = engine.replica
    await engine.stop()
    await replica?.destroy().catch(() => undefined)
    await db.delete()
  })
  return { db, engine }
}
