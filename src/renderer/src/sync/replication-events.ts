// What the engine does with replication's events (told by the sync worker,
// replica-client.ts): a pull brings a round, a push's documents are no longer
// waiting, a refusal is said in words — the server's own, or whether the
// password changed or this user was taken out of the lab's database.
import type { SyncWorker } from './replica-client'
import { PROBLEMS, problemOf } from './problems'
import type { StatusBoard } from './status-board'

export interface ReplicationListeners {
  board: StatusBoard
  /** the pull brought documents */
  pulled: () => void
  /** replication has nothing to do */
  idle: () => void
  /** still the engine's current start (not stopped, the same account) */
  current: () => boolean
  /** asks the server again whether the library database is there and this user may use it (server-database.ts) */
  checkDatabase: () => Promise<void>
}

export function followReplication(replication: SyncWorker, { board, pulled, idle, current, checkDatabase }: ReplicationListeners): void {
  replication.on('change', (info: { direction: string; change: { docs: { _id: string }[] } }) => {
    if (info.direction === 'push') for (const doc of info.change.docs) board.unsent.delete(doc._id)
    else pulled()
    board.active()
  })
  // refused while connected: a changed password, or no longer a member (a lab's admin removed this user): the database says which
  const refused = (error: unknown): void => {
    const status = (error as { status?: number })?.status
    if (status !== 401 && status !== 403) return board.fail(problemOf(error))
    void checkDatabase().then(
      () => current() && board.fail(problemOf(error)),
      failure => current() && board.fail(problemOf(failure), problemOf(failure) === 'not-member' ? (failure as Error).message : undefined)
    )
  }
  replication.on('paused', (error?: unknown) => (error ? refused(error) : idle()))
  replication.on('active', () => board.active())
  replication.on('denied', (error: unknown) => {
    // replication.ts hands the document's error on as { direction, doc }, as PouchDB's sync() does
    const { id, reason, message } = ((error as { doc?: object }).doc ?? error) as { id?: string; reason?: string; message?: string }
    if (!id) return board.fail(problemOf({ status: 403, ...(error as object) }))
    // the server's own sentence (validate_doc_update's forbidden), kept while the change stays here unsent
    board.unsent.delete(id)
    board.refused.set(id, reason ?? message ?? PROBLEMS.forbidden)
    board.set({})
  })
  replication.on('error', refused)
}
