// The window's side of the sync worker (replica.worker.ts): the replica's
// reads and writes as messages, replication's events as they come, and the
// worker's failure said once, as a sentence. Unit tests (Node, no Worker)
// run the same host in this thread, every message cloned as a worker's is.
import type { SyncAccount } from '@shared/sync-server'
import type { HostReply, HostRequest, PlainError, ReplicationEvent, StoreMethod } from './replica-host'
import type { ReplicaStore } from './replica'
import { SyncFailure, type Fetch } from './session'
import { startHeartbeat, type HeartbeatTimes } from './heartbeat'

interface Channel {
  send(request: HostRequest): void
  end(): void
}

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void }

type Listener = (...args: never[]) => void

/** A request before it is numbered (each kind of request keeps its own fields). */
type Unnumbered = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never

/** Documents sent to or read from the worker in one message: 500 at once, copied on the window's thread, took it a long task. */
export const DOCUMENTS_PER_MESSAGE = 100

/** A call the stopped worker can no longer answer. */
export class WorkerStopped extends Error {}

/** An error from the worker, with PouchDB's fields (status, reason…) as the engine reads them. */
function errorOf(plain: PlainError): Error {
  const message = plain.message ?? plain.reason ?? 'The sync worker failed'
  if (plain.problem) return new SyncFailure(plain.problem, message)
  return Object.assign(new Error(message), plain)
}

export class SyncWorker {
  private readonly pending = new Map<number, Pending>()
  private readonly listeners = new Map<string, Listener[]>()
  private readonly stoppedListeners: ((sentence: string) => void)[] = []
  private next = 0
  private stoppedWith: string | undefined
  private readonly channel: Channel
  private readonly heartbeat: { stop(): void }

  /** `fetch`: in this thread (unit tests) only, how the replication reaches the server. */
  private constructor(inThisThread: boolean, fetch?: Fetch, heartbeat?: HeartbeatTimes) {
    this.channel = inThisThread
      ? thisThread(reply => this.receive(reply), fetch)
      : worker(
          reply => this.receive(reply),
          sentence => this.failed(sentence)
        )
    this.heartbeat = startHeartbeat(
      () => this.ask({ op: 'ping' }),
      () => this.failed('the sync worker stopped answering'),
      heartbeat
    )
  }

  /**
   * The sync worker in the app; in Node (unit tests, benchmarks) the same host on this thread, with the replica in memory.
   * `heartbeat`: how often it is asked whether it is still there (heartbeat.ts).
   */
  static start(adapter: 'idb' | 'memory', fetch?: Fetch, heartbeat?: HeartbeatTimes): SyncWorker {
    return new SyncWorker(adapter === 'memory' || typeof Worker === 'undefined', fetch, heartbeat)
  }

  private receive(reply: HostReply): void {
    if ('event' in reply) {
      // a pause or error carries PouchDB's error (or none): made an Error again, as the engine reads it
      const failure = reply.event === 'paused' || reply.event === 'error'
      const args = failure ? reply.args.map(a => (a === undefined ? undefined : errorOf(a as PlainError))) : reply.args
      for (const listener of this.listeners.get(reply.event) ?? []) (listener as (...a: unknown[]) => void)(...args)
      return
    }
    const waiting = this.pending.get(reply.id)
    this.pending.delete(reply.id)
    if (reply.ok) waiting?.resolve(reply.value)
    else waiting?.reject(errorOf(reply.error))
  }

  /** The worker failed or was ended from outside: every call waiting fails, and the engine is told once. */
  private failed(sentence: string): void {
    if (this.stoppedWith) return
    this.stoppedWith = sentence
    for (const listener of this.stoppedListeners) listener(sentence)
    this.close(sentence)
  }

  /** Every call waiting fails, and the worker is gone. */
  private close(sentence: string): void {
    this.heartbeat.stop()
    for (const { reject } of this.pending.values()) reject(new WorkerStopped(sentence))
    this.pending.clear()
    this.channel.end()
  }

  onStopped(listener: (sentence: string) => void): void {
    this.stoppedListeners.push(listener)
  }

  private ask<T>(request: Unnumbered): Promise<T> {
    if (this.stoppedWith) return Promise.reject(new WorkerStopped(this.stoppedWith))
    const id = ++this.next
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.channel.send({ ...request, id } as HostRequest)
    })
  }

  /** Opens the library's replica of the server database (replica.ts), or the one named `name`; its reads and writes go to the worker. */
  async open(place: { library: string; database: string; address: string; name?: string; adapter: 'idb' | 'memory' }): Promise<ReplicaStore> {
    await this.ask({ op: 'open', ...place })
    const call =
      (method: StoreMethod) =>
      (...args: unknown[]): Promise<unknown> =>
        this.ask({ op: 'call', method, args })
    return {
      info: call('info'),
      get: call('get'),
      put: call('put'),
      bulkDocs: call('bulkDocs'),
      allDocs: call('allDocs'),
      changes: call('changes'),
      close: call('close'),
      destroy: call('destroy'),
      arrivals: async (since, limit) => JSON.parse(await this.ask<string>({ op: 'arrivals', since, limit }))
    } as ReplicaStore
  }

  /** Starts the live pull and the first push (replication.ts), in the worker. */
  replicate(url: string, account: Pick<SyncAccount, 'server' | 'user' | 'password'>, maxBackOff: number): Promise<void> {
    return this.ask({ op: 'replicate', url, account: { server: account.server, user: account.user, password: account.password }, maxBackOff })
  }

  on(event: ReplicationEvent, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
  }

  /** Sends what the replica holds and the server does not, from `from` (replication.ts). */
  push(from?: number | string): void {
    this.ask({ op: 'push', from }).catch(() => undefined)
  }

  /** Of these documents, those the server holds at the revision the replica holds. */
  sameOnServer(ids: string[]): Promise<string[]> {
    return this.ask({ op: 'same-on-server', ids })
  }

  /** Stops replicating (the replica stays open until closed). */
  stopReplication(): void {
    this.ask({ op: 'stop' }).catch(() => undefined)
  }

  /** Ends the worker: nothing more is answered, and this is no failure. */
  end(): void {
    this.stoppedWith ??= 'The sync worker was ended.'
    this.close(this.stoppedWith)
  }
}

function worker(receive: (reply: HostReply) => void, failed: (sentence: string) => void): Channel {
  const started = new Worker(new URL('./replica.worker.ts', import.meta.url), { type: 'module', name: 'sync' })
  started.onmessage = (event: MessageEvent<HostReply>) => receive(event.data)
  started.onerror = event => {
    event.preventDefault()
    failed(`the sync worker failed (${event.message || 'no reason given'})`)
  }
  started.onmessageerror = () => failed('the sync worker sent a message that could not be read')
  return { send: request => started.postMessage(request), end: () => started.terminate() }
}

/** The host on this thread, each message cloned and handed over on a later turn, as between a worker and the window. */
function thisThread(receive: (reply: HostReply) => void, fetch?: Fetch): Channel {
  let ended = false
  const host = import('./replica-host').then(({ ReplicaHost }) => new ReplicaHost(reply => setTimeout(() => !ended && receive(structuredClone(reply))), fetch))
  return {
    send: request => {
      const copy = structuredClone(request)
      void host.then(h => h.handle(copy))
    },
    end: () => (ended = true)
  }
}
