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
 * Deletes this computer's replicas of a lab library's server database,
 * whichever server address or user synced them (leaving the lab). PouchDB
 * reads a name that holds "://" as an address: the sync engine's replica
 * names end with the server database's address, so each replica's IndexedDB
 * database is named after that address alone. The replica must be closed
 * (the sync engine closes its own; PouchDB closes one open elsewhere when
 * asked to, on a version change).
 */
export async function destroyReplicas(database: string): Promise<void> {
  const end = `/${encodeURIComponent(database)}`
  for (const { name } of await indexedDB.databases()) {
    if (!name || !/^https?:\/\//.test(name) || !name.endsWith(end)) continue
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
