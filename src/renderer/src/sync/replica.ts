// The local replica: a PouchDB database beside the library, replicated with
// the CouchDB server by PouchDB's own replicator (checkpoints, revision trees
// and conflict detection are CouchDB's). Only the plugins sync needs are
// loaded: IndexedDB storage, HTTP, replication. No map/reduce plugin, which
// builds view functions from strings and would need 'unsafe-eval'.
import PouchDB from 'pouchdb-core'
import IdbAdapter from 'pouchdb-adapter-idb'
import HttpAdapter from 'pouchdb-adapter-http'
import Replication from 'pouchdb-replication'
import type { ArrivalsPage } from './arrivals'
import type { SyncDocument } from './documents'
import { indexedDbNameOf, replicaName } from './replica-names'
import type { Fetch } from './session'

PouchDB.plugin(IdbAdapter).plugin(HttpAdapter)
// a test server in the same process may have added replication already
if (!('replicate' in (PouchDB as unknown as { prototype: object }).prototype)) PouchDB.plugin(Replication)

export type Replica = ReturnType<typeof openReplica>

/**
 * What the sync engine reads and writes in a replica: a PouchDB database here, or one held by the sync worker
 * (replica-client.ts), which also reads the incoming side's pages of changes with their papers' index fields (arrivals.ts).
 */
export type ReplicaStore = Pick<Replica, 'info' | 'get' | 'put' | 'bulkDocs' | 'allDocs' | 'changes' | 'close' | 'destroy'> & {
  arrivals?: (since: number | string, limit: number) => Promise<ArrivalsPage>
}

/**
 * The replica kept in this browser profile for one library and one server
 * database. Old revisions are kept (no auto-compaction): a conflict is merged
 * against the version both sides started from. Unit tests pass 'memory'
 * (PouchDB's idb adapter does not run on fake-indexeddb); e2e tests run idb.
 */
export function openReplica(name: string, adapter: 'idb' | 'memory' = 'idb') {
  return new PouchDB<SyncDocument>(name, { adapter, auto_compaction: false })
}

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

/** For tests: PouchDB with extra plugins (the in-memory adapter). */
export function addPouchPlugin(plugin: unknown): void {
  PouchDB.plugin(plugin)
}

/** The server database; `fetch` carries the session (session.ts). */
export function remoteDatabase(url: string, fetch: Fetch): Replica {
  return new PouchDB<SyncDocument>(url, { adapter: 'http', fetch, skip_setup: true })
}
