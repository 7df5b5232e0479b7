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

/** For tests: PouchDB with extra plugins (the in-memory adapter). */
export function addPouchPlugin(plugin: unknown): void {
  PouchDB.plugin(plugin)
}

/** The server database; `fetch` carries the session (session.ts). */
export function remoteDatabase(url: string, fetch: Fetch): Replica {
  return new PouchDB<SyncDocument>(url, { adapter: 'http', fetch, skip_setup: true })
}
