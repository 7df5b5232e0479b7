// Where a library's replica lives in IndexedDB, and deleting it: no PouchDB
// here, so the window (leaving a lab) names and deletes replicas that the
// sync worker (replica.worker.ts) holds.

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
export const indexedDbNameOf = (name: string): string => (name.includes('://') ? name : `_pouch_${name}`)

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
