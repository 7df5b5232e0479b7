// Where sync stands, kept in the replica as a _local document (never
// replicated): the last change-log entry written to the replica, and the
// last replica change applied to the library. Kept beside the replica so the
// two can never disagree: a new replica starts both from zero.
import type { Replica } from './replica'

export interface Checkpoint {
  /** change-log seq handled by the outgoing side */
  pushedSeq: number
  /** replica update seq handled by the incoming side */
  appliedSeq: number | string
}

const ID = '_local/neuroref-sync'

export async function readCheckpoint(replica: Replica): Promise<Checkpoint> {
  try {
    const doc = (await replica.get(ID)) as unknown as Checkpoint
    return { pushedSeq: doc.pushedSeq ?? 0, appliedSeq: doc.appliedSeq ?? 0 }
  } catch {
    return { pushedSeq: 0, appliedSeq: 0 }
  }
}

export async function writeCheckpoint(replica: Replica, change: Partial<Checkpoint>): Promise<void> {
  let rev: string | undefined
  let now: Checkpoint = { pushedSeq: 0, appliedSeq: 0 }
  try {
    const doc = await replica.get(ID)
    rev = doc._rev
    now = doc as unknown as Checkpoint
  } catch {
    // first checkpoint
  }
  await replica.put({ _id: ID, _rev: rev, pushedSeq: now.pushedSeq, appliedSeq: now.appliedSeq, ...change } as never)
}
