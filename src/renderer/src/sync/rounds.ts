// Rounds: after every library write and every replicated batch, what arrived
// is applied to the library (incoming.ts), then what changed here is written
// to the replica (outgoing.ts), until both agree; what this computer wrote
// goes to a push. Rounds run one after another.
import type { NeurorefDb } from '../library/schema'
import { applyIncomingChanges } from './incoming'
import { pushLocalChanges } from './outgoing'
import type { ReplicaStore } from './replica'
import { WorkerStopped, type SyncWorker } from './replica-client'
import type { StatusBoard } from './status-board'

export interface RoundsOptions {
  db: NeurorefDb
  board: StatusBoard
  /** the replica and its replication, while sync runs */
  replica: () => ReplicaStore | undefined
  replication: () => SyncWorker | undefined
  stopped: () => boolean
  /** in a lab library, the session's user: each paper written names who added and who last edited it */
  signer: () => string | undefined
  /** after the documents of each round: PDFs (pdf-transfer.ts) */
  afterRound: () => Promise<void>
  /** replication fell idle while a round ran: said once it ends */
  idle: () => void
}

export class Rounds {
  private round: Promise<void> = Promise.resolve()
  private queued = false
  /** a round is running: replication falling idle meanwhile is not "synced" yet (the round may still write) */
  private running = false
  private idleWhileRunning = false
  /** the replica's update seq before this computer's first write to it not yet handed to a push (kept when a round fails midway) */
  private pushFrom: number | string | undefined

  constructor(private readonly options: RoundsOptions) {}

  /** A new replica: a seq of another replica means nothing here, so the first push starts at this one's checkpoint. */
  newReplica(): void {
    this.pushFrom = undefined
  }

  /** True while a round runs (replication falling idle is then said when it ends). */
  deferIdle(): boolean {
    if (this.running) this.idleWhileRunning = true
    return this.running
  }

  /** The round under way, if any, finished (failed or not). */
  async finished(): Promise<void> {
    await this.round.catch(() => undefined)
  }

  /**
   * A round soon: the short wait gathers what comes together (a write's events,
   * a pull batch) into one round, and rounds run one after another, so what
   * comes while one runs waits for the next, together. It was 50 ms, twice on
   * the way from one computer to the other: half of the time one change took.
   */
  soon(): void {
    if (this.queued || this.options.stopped()) return
    this.queued = true
    setTimeout(() => {
      this.queued = false
      void this.settle()
    }, 10)
  }

  /**
   * Runs a step of a round that may write to the replica, noting the replica's
   * update seq before this computer's first write not yet pushed: the push
   * starts there. A round whose only new revisions came from the pull pushes
   * nothing (after a first sync of 10,000 papers, reading them all again took
   * a push 5 s). A step that fails keeps the note, for the next round's push.
   */
  private async writing<T>(replica: ReplicaStore, step: () => Promise<T>, wrote: (outcome: T) => boolean): Promise<T> {
    const first = this.pushFrom === undefined
    if (first) this.pushFrom = (await replica.info()).update_seq
    const outcome = await step()
    if (first && !wrote(outcome)) this.pushFrom = undefined
    return outcome
  }

  /** One round: what arrived is applied, then what changed here is written to the replica, until both agree. */
  settle(): Promise<void> {
    const { db, board } = this.options
    this.round = this.round.then(async () => {
      const replica = this.options.replica()
      if (!replica || this.options.stopped()) return
      this.running = true
      try {
        for (let turn = 0; turn < 5; turn++) {
          const pulled = await this.writing(
            replica,
            () => applyIncomingChanges(db, replica),
            outcome => outcome.merged > 0
          )
          for (const id of pulled.fromNewerApp) board.newer.add(id)
          const pushed = await this.writing(
            replica,
            () => pushLocalChanges(db, replica, this.options.signer(), written => this.sendSoon(replica, written)),
            outcome => outcome.written.length > 0
          )
          for (const id of pushed.tooLarge) board.tooLarge.add(id)
          board.set({})
          // a turn that wrote goes round once more: its own writes are met in the replica's feed now, not under a later edit,
          // and signed papers (a lab library) bring their names into the library
          if (pushed.done && pushed.written.length === 0) break
        }
        // what this round wrote to the replica (outgoing changes, merges) goes to the server; what the pull wrote is there already
        if (this.pushFrom !== undefined) this.options.replication()?.push(this.pushFrom)
        this.pushFrom = undefined
        await this.options.afterRound()
        board.set({})
      } catch (error) {
        // a stopped worker is said once, by the engine
        if (error instanceof WorkerStopped) return
        console.error('[neuroref] sync round failed', error)
        board.set({ state: 'problem', message: `Sync could not apply a change: ${String((error as Error)?.message ?? error)}` })
      } finally {
        this.running = false
        if (this.idleWhileRunning) {
          this.idleWhileRunning = false
          this.options.idle()
        }
      }
    })
    return this.round
  }

  /**
   * A batch the outgoing side just wrote to the replica: counted as waiting,
   * and handed to a push at once, so a first sync of 10,000 papers goes up
   * while the rest are still being written (the push used to start after all
   * of them). The next batch's push starts after this one's writes.
   */
  private async sendSoon(replica: ReplicaStore, written: string[]): Promise<void> {
    this.options.board.written(written)
    const replication = this.options.replication()
    if (!replication || this.pushFrom === undefined) return
    replication.push(this.pushFrom)
    this.pushFrom = (await replica.info()).update_seq
  }
}
