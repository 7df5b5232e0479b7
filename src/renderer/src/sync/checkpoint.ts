// Where sync stands, kept in the replica as a _local document (never
// replicated): the last change-log entry written to the replica, and the
// last replica change applied to the library. Kept beside the replica so the
// two can never disagree: a new replica starts both from zero. It also names
// this computer (`device`, made once per replica), so a conflict can say which
// value was written here and which on the other computer.
import type { WaitingAttachments } from './papers-first'
import type { ReplicaStore } from './replica'

export interface Checkpoint {
  /** change-log seq handled by the outgoing side */
  pushedSeq: number
  /** replica update seq handled by the incoming side */
  appliedSeq: number | string
  /** this computer, as the documents it writes name it */
  device: string
  /** attachments that arrived before their papers (papers-first.ts) */
  waitingAttachments?: WaitingAttachments
}

const ID = '_local/neuroref-sync'

const newDevice = (): string => Array.from(crypto.getRandomValues(new Uint8Array(8)), b => b.toString(16).padStart(2, '0')).join('')

export async function readCheckpoint(replica: ReplicaStore): Promise<Checkpoint> {
  let doc: Partial<Checkpoint> | undefined
  try {
    doc = (await replica.get(ID)) as unknown as Checkpoint
  } catch {
    doc = undefined
  }
  if (!doc?.device) {
    await writeCheckpoint(replica, { device: newDevice() })
    return readCheckpoint(replica)
  }
  return { pushedSeq: doc.pushedSeq ?? 0, appliedSeq: doc.appliedSeq ?? 0, device: doc.device, waitingAttachments: doc.waitingAttachments ?? {} }
}

export async function writeCheckpoint(replica: ReplicaStore, change: Partial<Checkpoint>): Promise<void> {
  let rev: string | undefined
  let now: Partial<Checkpoint> = { pushedSeq: 0, appliedSeq: 0 }
  try {
    const doc = await replica.get(ID)
    rev = doc._rev
    now = doc as unknown as Checkpoint
  } catch {
    // first checkpoint
  }
  await replica.put({
    _id: ID,
    _rev: rev,
    pushedSeq: now.pushedSeq,
    appliedSeq: now.appliedSeq,
    device: now.device,
    waitingAttachments: now.waitingAttachments,
    ...change
  } as never)
}
