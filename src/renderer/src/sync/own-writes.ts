// Revisions this computer's outgoing side wrote to its replica, remembered
// until the incoming side meets them in the replica's feed. Such a revision
// holds what the library already had when it was written, so it is skipped
// rather than compared with the library; and a later edit of the same paper
// is not mistaken for a change that crossed it (which would record the
// researcher's own earlier value as a conflict). Kept in memory only: after a
// restart the incoming side compares as before.
import type { ReplicaStore } from './replica'

const written = new WeakMap<ReplicaStore, Map<string, string>>()

export function rememberWrites(replica: ReplicaStore, results: { id?: string; rev?: string }[]): void {
  const revs = written.get(replica) ?? new Map<string, string>()
  written.set(replica, revs)
  for (const { id, rev } of results) if (id && rev) revs.set(id, rev)
}

/** True (once) when `doc` is the revision this computer wrote last for its id, with no conflict to resolve. */
export function isOwnWrite(replica: ReplicaStore, doc: { _id: string; _rev?: string; _conflicts?: string[] }): boolean {
  const revs = written.get(replica)
  if (revs?.get(doc._id) !== doc._rev) return false
  revs!.delete(doc._id)
  return !doc._conflicts?.length
}
