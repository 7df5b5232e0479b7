// The push's checkpoint, the same from one build to the next. PouchDB names a
// replication's checkpoint after its two databases and its filter's text, and
// the push's filter is a function whose text the minifier chooses (`e=>this.toSend(e)`
// in one build, `t=>…` in the next): each release would have started the push
// again from the replica's first change, reading every document and asking the
// server about each. The filter now carries a fixed text, and the checkpoint an
// earlier build wrote is taken over once.
import generateReplicationId from 'pouchdb-generate-replication-id'
import type { Replica } from './replica'

/** The push filter's text as PouchDB reads it. */
const PUSH_FILTER = 'neuroref push: every revision but those the pull wrote'

/** The filter, with the fixed text. */
export function pushFilter<T extends (doc: never) => boolean>(filter: T): T {
  return Object.assign(filter, { toString: () => PUSH_FILTER })
}

/** The texts builds before the fixed one gave the filter: as written, and minified with any one-letter parameter. */
const EARLIER = ['(doc) => this.toSend(doc)', ...[...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$'].map(p => `${p}=>this.toSend(${p})`)]

type Seq = number | string

const lastSeq = (database: Replica, id: string): Promise<Seq | undefined> =>
  database.get(id).then(
    doc => (doc as unknown as { last_seq?: Seq }).last_seq,
    () => undefined
  )

/**
 * Where an earlier build's push stopped, when no push has a checkpoint under
 * the fixed text yet and the replica and the server kept the same one (as
 * PouchDB itself would start there); undefined otherwise.
 */
export async function earlierPushCheckpoint(replica: Replica, remote: Replica): Promise<Seq | undefined> {
  // each side's id read once (the server's is a request), not once per text
  const [source, target] = await Promise.all([replica.id(), remote.id()]).then(ids => ids.map(id => ({ id: async () => id })))
  const idOf = (text: string): Promise<string> => generateReplicationId(source, target, { filter: { toString: () => text } })
  if ((await lastSeq(replica, await idOf(PUSH_FILTER))) !== undefined) return undefined
  for (const text of EARLIER) {
    const id = await idOf(text)
    const here = await lastSeq(replica, id)
    if (here === undefined) continue
    return (await lastSeq(remote, id)) === here ? here : undefined
  }
  return undefined
}
