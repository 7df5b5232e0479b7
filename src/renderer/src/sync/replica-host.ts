// The side that holds the replica and runs its replication: the sync worker
// (replica.worker.ts) in the app, this thread in unit tests. PouchDB's own
// work — revision trees, MD5 of each revision, IndexedDB writes and reads,
// the server's JSON — happens here, off the window's thread; the window asks
// for reads and writes by message (replica-client.ts) and is told what
// replication does, with document ids only.
import type { SyncAccount } from '@shared/sync-server'
import { readArrivals } from './arrivals'
import { openLibraryReplica, openReplica, remoteDatabase, type Replica, type ReplicaStore } from './replica'
import { Replication } from './replication'
import { CouchSession, SyncFailure, type Fetch } from './session'

export type StoreMethod = Exclude<keyof ReplicaStore, 'arrivals'>

export type HostRequest =
  | { id: number; op: 'open'; library: string; database: string; address: string; name?: string; adapter: 'idb' | 'memory' }
  | { id: number; op: 'call'; method: StoreMethod; args: unknown[] }
  | { id: number; op: 'arrivals'; since: number | string; limit: number }
  | { id: number; op: 'replicate'; url: string; account: Pick<SyncAccount, 'server' | 'user' | 'password'>; maxBackOff: number }
  | { id: number; op: 'push'; from?: number | string }
  | { id: number; op: 'same-on-server'; ids: string[] }
  | { id: number; op: 'stop' }
  | { id: number; op: 'ping' }

/** A failure as it crosses to the window: PouchDB's fields and, for the session's own failures, the problem. */
export interface PlainError {
  status?: number
  name?: string
  message?: string
  reason?: string
  error?: string | boolean
  id?: string
  problem?: SyncFailure['problem']
}

export type ReplicationEvent = 'change' | 'active' | 'paused' | 'denied' | 'error'

export type HostReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: PlainError } | { event: ReplicationEvent; args: unknown[] }

function plainError(error: unknown): PlainError {
  if (typeof error !== 'object' || error === null) return { message: String(error) }
  const e = error as PlainError
  const plain: PlainError = {}
  for (const key of ['status', 'name', 'message', 'reason', 'error', 'id'] as const) {
    const value = e[key]
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') Object.assign(plain, { [key]: value })
  }
  if (error instanceof SyncFailure) plain.problem = error.problem
  return plain
}

/** What an event carries to the window: a pull or push names its documents by id (500 documents copied to the window for nothing took it a long task). */
function plainEvent(event: ReplicationEvent, args: unknown[]): unknown[] {
  if (event === 'change') {
    const { direction, change } = args[0] as { direction: string; change: { docs: { _id: string }[] } }
    return [{ direction, change: { docs: change.docs.map(doc => ({ _id: doc._id })) } }]
  }
  if (event === 'denied') {
    const { direction, doc } = args[0] as { direction?: string; doc?: unknown }
    return [{ direction, doc: plainError(doc) }]
  }
  return args.map(arg => (arg === undefined ? undefined : plainError(arg)))
}

export class ReplicaHost {
  private replica: Replica | undefined
  private remote: Replica | undefined
  private replication: Replication | undefined

  /** `fetch`: how the replication reaches the server (tests pass one that fails on purpose). */
  constructor(
    private readonly post: (reply: HostReply) => void,
    private readonly fetch?: Fetch
  ) {}

  async handle(request: HostRequest): Promise<void> {
    try {
      this.post({ id: request.id, ok: true, value: await this.answer(request) })
    } catch (error) {
      this.post({ id: request.id, ok: false, error: plainError(error) })
    }
  }

  private async answer(request: HostRequest): Promise<unknown> {
    switch (request.op) {
      case 'open':
        this.replica = request.name
          ? openReplica(request.name, request.adapter)
          : await openLibraryReplica(request.library, request.database, request.address, request.adapter)
        return this.replica.name
      case 'call': {
        const replica = this.opened()
        return await (replica[request.method] as (...args: unknown[]) => Promise<unknown>).apply(replica, request.args)
      }
      case 'arrivals':
        // as JSON text: the window parses it faster than it receives the same documents as cloned objects
        return JSON.stringify(await readArrivals(this.opened(), request.since, request.limit))
      case 'replicate': {
        const session = new CouchSession(request.account, this.fetch)
        this.remote = remoteDatabase(request.url, session.fetch)
        const backOff = (delay: number): number => (delay === 0 ? Math.min(1000, request.maxBackOff) : Math.min(delay * 2, request.maxBackOff))
        this.replication = await Replication.start(this.opened(), this.remote, { batchSize: 500, pushBatchSize: 1000, backOff })
        for (const event of ['change', 'active', 'paused', 'denied', 'error'] as const)
          this.replication.on(event, (...args: unknown[]) => this.post({ event, args: plainEvent(event, args) }))
        return undefined
      }
      case 'push':
        return this.replication?.push(request.from)
      case 'same-on-server':
        return this.sameOnServer(request.ids)
      case 'ping':
        return undefined
      case 'stop':
        this.replication?.cancel()
        this.replication = undefined
        return undefined
    }
  }

  private opened(): Replica {
    if (!this.replica) throw new Error('The sync replica is not open.')
    return this.replica
  }

  /** Of these documents, those the server holds at the revision the replica holds. */
  private async sameOnServer(ids: string[]): Promise<string[]> {
    const replica = this.opened()
    if (!this.remote) return []
    const same: string[] = []
    for (let at = 0; at < ids.length; at += 500) {
      const keys = ids.slice(at, at + 500)
      const [here, there] = await Promise.all([replica.allDocs({ keys }), this.remote.allDocs({ keys })])
      here.rows.forEach((row, i) => {
        const server = there.rows[i]
        if (!row.error && !server.error && server.value?.rev === row.value.rev) same.push(row.id)
      })
    }
    return same
  }
}
