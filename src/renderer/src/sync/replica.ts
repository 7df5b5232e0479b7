// The local replica: a PouchDB database beside the library, replicated with
// the CouchDB server by PouchDB's own replicator (checkpoints, revision trees
// and conflict detection are CouchDB's). Only the plugins sync needs are
// loaded: IndexedDB storage, HTTP, replication. No map/reduce plugin, which
// builds view functions from strings and would need 'unsafe-eval'.
import PouchDB from 'pouchdb-core'
import IdbAdapter from 'pouchdb-adapter-idb'
import HttpAdapter from 'pouchdb-adapter-http'
import Replication from 'pouchdb-replication'
import type { SyncDocument } from './documents'
import type { Fetch } from './session'

PouchDB.plugin(IdbAdapter).plugin(HttpAdapter)
// a test server in the same process may have added replication already
if (!('replicate' in (PouchDB as unknown as { prototype: object }).prototype)) PouchDB.plugin(Replication)

export type Replica = ReturnType<typeof openReplica>

/**
 * The replica kept in this browser profile for one library and one server
 * database. Old revisions are kept (no auto-compaction): a conflict is merged
 * against the version both sides started from. Unit tests pass 'memory'
 * (PouchDB's idb adapter does not run on fake-indexeddb); e2e tests run idb.
 */
export function openReplica(name: string, adapter: 'idb' | 'memory' = 'idb') {
  return new PouchDB<SyncDocument>(name, { adapter, auto_compaction: false })
}

/**
 * The replica's name: the library (its IndexedDB database) and the server
 * database, encoded so that it holds no "://". PouchDB reads a name with
 * "://" in it as an address and keeps only that: the names before this one
 * (`neuroref-sync-<library>-<user>@<address>`) made an IndexedDB database
 * named after the server database's address alone, which My library and a lab
 * library syncing the same server database shared, checkpoints and all. The
 * server's address and the user are left out: a replica holds the library's
 * documents whichever address or account reaches them (PouchDB keeps a
 * checkpoint per server database), so a moved server or another account does
 * not pull everything again.
 */
export function replicaName(library: string, database: string): string {
  return `neuroref-sync ${encodeURIComponent(library)} ${encodeURIComponent(database)}`
}

/** PouchDB's idb adapter prefixes the names it reads as names, not the ones it reads as addresses. */
const indexedDbNameOf = (name: string): string => (name.includes('://') ? name : `_pouch_${name}`)

const OWNER = '_local/neuroref-library'

/** Whether a replica of that name holds documents (the unit tests' memory adapter cannot be listed: it is opened and asked). */
async function holdsDocuments(name: string, adapter: 'idb' | 'memory'): Promise<boolean> {
  if (adapter === 'idb' && !(await indexedDB.databases()).some(d => d.name === indexedDbNameOf(name))) return false
  const replica = openReplica(name, adapter)
  try {
    return (await replica.info()).update_seq !== 0
  } finally {
    await replica.close()
  }
}

/** True when the replica is this library's, or no library's yet: then it becomes this library's. */
async function claim(replica: Replica, library: string): Promise<boolean> {
  const owner = await replica.get(OWNER).catch(() => undefined)
  if (owner) return (owner as unknown as { library?: string }).library === library
  await replica.put({ _id: OWNER, library } as never)
  return true
}

/**
 * Opens the library's replica of a server database. A replica made by an
 * earlier version under the server database's address is kept, and goes on
 * being used, by the first library that opens it (no second first sync for
 * those who synced already); another library syncing the same server
 * database gets its own.
 */
export async function openLibraryReplica(library: string, database: string, address: string, adapter: 'idb' | 'memory' = 'idb'): Promise<Replica> {
  const name = replicaName(library, database)
  if (!(await holdsDocuments(name, adapter)) && (await holdsDocuments(address, adapter))) {
    const earlier = openReplica(address, adapter)
    if (await claim(earlier, library)) return earlier
    await earlier.close()
  }
  return openReplica(name, adapter)
}

/**
 * Deletes this computer's replicas of a lab library (leaving the lab):
 * those named after the library, and those an earlier version named after
 * the lab's server database's address, whichever server or user synced them.
 * The replica must be closed (the sync engine closes its own; PouchDB closes
 * one open elsewhere when asked to, on a version change).
 */
export async function destroyReplicas(library: string, database: string): Promise<void> {
  const mine = indexedDbNameOf(replicaName(library, database))
  const end = `/${encodeURIComponent(database)}`
  for (const { name } of await indexedDB.databases()) {
    if (!name || (name !== mine && !(/^https?:\/\//.test(name) && name.endsWith(end)))) continue
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name)
      request.onsuccess = () => resolve()
      request.onerror = () => reject(request.error ?? new Error(`The sync replica ${name} could not be deleted.`))
    })
  }
}

/** For tests: PouchDB with extra plugins (the in-memory adapter). */
export function addPouchPlugin(plugin: unknown): void {
  PouchDB.plugin(plugin)
}

/** The server database; `fetch` carries the session (session.ts). */
export function remoteDatabase(url: string, fetch: Fetch): Replica {
  return new PouchDB<SyncDocument>(url, { adapter: 'http', fetch, skip_setup: true })
}
