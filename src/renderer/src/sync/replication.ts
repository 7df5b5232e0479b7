// Replication between the replica and the server, told like PouchDB's
// `sync` tells it ('change' with a direction, 'active', 'paused', 'denied',
// 'error'), but pushed in one-shot runs. A live push takes the replica's
// changes as they trickle out of its feed, a few documents per round trip:
// 1,000 changed papers went up in some 80 batches. The outgoing side writes
// the replica in batches of 500 and then asks for a push (`push()`), which
// sends them in batches of up to 500. Pulling stays live (a long poll).
// A push skips the revisions the pull brought in: the server has them. It
// used to ask the server about each (revs_diff), in batches as small as the
// replica's feed came out: after a first sync of 10,000 papers, some 500
// requests while the next change waited behind them.
import { earlierPushCheckpoint, pushFilter } from './push-checkpoint'
import type { Replica } from './replica'

interface Options {
  /** documents per pull batch */
  batchSize: number
  /**
   * documents per push batch: a push reads the replica's feed while it sends,
   * and each batch after the first holds only what that read had reached (a
   * 1,000-change push went as 500 and then eight batches of 16–136, each with
   * its revs_diff, bulk_docs and two checkpoints), so it is larger than the
   * outgoing side's writes of 500
   */
  pushBatchSize: number
  /** the next wait after a failed push or pull (ms), given the last one */
  backOff: (delay: number) => number
}

interface Run {
  on(event: string, listener: (...args: never[]) => void): Run
  cancel(): void
}

type Listener = (...args: never[]) => void

type Seq = number | string

/** The earlier of two starting points; the checkpoint when either is it, or when seqs do not compare as numbers. */
function earliest(a: Seq | 'checkpoint' | undefined, b: Seq | 'checkpoint' | undefined): Seq | 'checkpoint' | undefined {
  if (a === undefined || b === undefined) return a ?? b
  if (typeof a !== 'number' || typeof b !== 'number') return 'checkpoint'
  return Math.min(a, b)
}

export class Replication {
  private readonly listeners = new Map<string, Listener[]>()
  private readonly pull: Run
  private pushing: Run | undefined
  private again = false
  private pullIdle = false
  private cancelled = false
  private delay = 0
  private retry: ReturnType<typeof setTimeout> | undefined
  /** where the next push starts: a replica seq, or its checkpoint; undefined while nothing waits */
  private sendFrom: Seq | 'checkpoint' | undefined
  /** the revision the pull wrote last, by document id, until a push meets it (kept in memory: after a restart the server is asked) */
  private readonly pulled = new Map<string, string>()

  /** Starts replicating; the first push takes over where an earlier build's push stopped (push-checkpoint.ts). */
  static async start(replica: Replica, remote: Replica, options: Options): Promise<Replication> {
    const earlier = await earlierPushCheckpoint(replica, remote).catch(() => undefined)
    return new Replication(replica, remote, options, earlier)
  }

  private constructor(
    private readonly replica: Replica,
    private readonly remote: Replica,
    private readonly options: Options,
    firstPushFrom: Seq | undefined
  ) {
    this.pull = replica.replicate.from(remote, { live: true, retry: true, batch_size: options.batchSize, back_off_function: options.backOff }) as unknown as Run
    this.pull.on('change', (change: { docs: { _id: string; _rev?: string }[] }) => {
      for (const doc of change.docs) if (doc._rev) this.pulled.set(doc._id, doc._rev)
      this.emit('change', { direction: 'pull', change })
    })
    this.pull.on('active', () => {
      this.pullIdle = false
      this.emit('active')
    })
    this.pull.on('paused', (error?: unknown) => {
      this.pullIdle = !error
      if (error) this.emit('paused', error)
      else if (!this.pushing) this.emit('paused')
    })
    this.pull.on('denied', (doc: unknown) => this.emit('denied', { direction: 'pull', doc }))
    this.pull.on('error', (error: unknown) => this.emit('error', error))
    this.push(firstPushFrom)
  }

  on(event: 'change' | 'active' | 'paused' | 'denied' | 'error', listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
  }

  private emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args)
  }

  /**
   * Sends what the replica holds and the server does not; asked again while a
   * push runs, it runs once more after it. `from`: the replica's update seq
   * before the writes to send, when every change up to it is on the server
   * (pulled from it, or handed to an earlier push); the push then reads the
   * replica's feed from there rather than from its checkpoint, which after a
   * first sync of 10,000 papers lay behind all of them (5 s of reading).
   */
  push(from?: Seq): void {
    if (this.cancelled) return
    this.sendFrom = earliest(this.sendFrom, from ?? 'checkpoint')
    if (this.pushing) this.again = true
    else this.run()
  }

  private run(): void {
    clearTimeout(this.retry)
    this.again = false
    const since = this.sendFrom ?? 'checkpoint'
    this.sendFrom = undefined
    this.emit('active')
    const run = this.replica.replicate.to(this.remote, {
      batch_size: this.options.pushBatchSize,
      // the filter's text names the push's checkpoint: pushFilter keeps it the same whatever the build
      filter: pushFilter((doc: { _id: string; _rev?: string }) => this.toSend(doc)),
      ...(since === 'checkpoint' ? {} : { since })
    })
    this.pushing = run as unknown as Run
    this.pushing.on('change', (change: unknown) => this.emit('change', { direction: 'push', change }))
    this.pushing.on('denied', (doc: unknown) => this.emit('denied', { direction: 'push', doc }))
    run.then(
      () => this.pushed(),
      (error: unknown) => this.pushed(error, since)
    )
  }

  /** False (once) for the revision the pull wrote: the server has it. */
  private toSend(doc: { _id: string; _rev?: string }): boolean {
    if (this.pulled.get(doc._id) !== doc._rev) return true
    this.pulled.delete(doc._id)
    return false
  }

  private pushed(error?: unknown, since?: Seq | 'checkpoint'): void {
    this.pushing = undefined
    if (this.cancelled) return
    if (error) {
      // as a live replication with retry does: said as a pause with its error, tried again later, from where this one started
      this.sendFrom = earliest(this.sendFrom, since)
      this.delay = this.options.backOff(this.delay)
      this.retry = setTimeout(() => this.run(), this.delay)
      this.emit('paused', error)
    } else if (this.again) this.run()
    else {
      this.delay = 0
      if (this.pullIdle) this.emit('paused')
    }
  }

  cancel(): void {
    this.cancelled = true
    clearTimeout(this.retry)
    this.pull.cancel()
    this.pushing?.cancel()
  }
}
