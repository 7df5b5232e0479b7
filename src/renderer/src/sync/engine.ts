// The sync engine: logs in, finds or creates the server database, has the
// sync worker (replica-client.ts) open the replica and run PouchDB's
// replication with the server, and keeps the library and the replica in step
// (incoming first, then outgoing) after every library write and every
// replicated change. Its status is said in words by status.ts.
import type { NeurorefDb } from '../library/schema'
import { readCheckpoint } from './checkpoint'
import { filesDatabaseOf, type LocalFiles } from './files'
import { applyIncomingChanges } from './incoming'
import { pushLocalChanges } from './outgoing'
import { PdfTransfer } from './pdf-transfer'
import type { ReplicaStore } from './replica'
import { SyncWorker, WorkerStopped } from './replica-client'
import { WorkerRestarts } from './worker-restarts'
import { checkServerAddress } from '@shared/sync-server'
import type { PdfSyncOptions, SyncAccount } from '@shared/sync-server'
import { CouchSession, SyncFailure, type Fetch, type SyncProblem } from './session'
import type { SyncStatus } from './status'
import { PROBLEMS, problemOf } from './problems'
import { ensureDatabase } from './server-database'

export interface SyncEngineOptions {
  db: NeurorefDb
  /** base fetch (tests pass one that can fail on purpose) */
  fetch?: Fetch
  /** the replica's name; defaults to one per library and server database (replica.ts) */
  replicaName?: string
  /** how long to wait before retrying a failed login (ms) */
  retryAfter?: number
  /** longest wait between replication retries (ms) */
  maxBackOff?: number
  /** unit tests keep the replica in memory (PouchDB's idb adapter needs a real IndexedDB) */
  replicaAdapter?: 'idb' | 'memory'
  /** a lab library: each paper names who added it and who last edited it (the session's user) */
  signEdits?: boolean
  /** main's attachment store: PDFs are sent from it and fetched into it (files.ts); without it PDFs stay here */
  files?: LocalFiles
  /** how long to wait before looking again for PDFs not on the server yet or not fetched ("always download"), and before asking again whether a PDF no paper names may be deleted (ms) */
  recheckFilesAfter?: number
}

export class SyncEngine {
  status: SyncStatus = { state: 'off', waiting: 0, fromNewerApp: 0 }
  replica: ReplicaStore | undefined
  /** this computer, as its documents and conflicts name it (checkpoint.ts) */
  device: string | undefined
  private account: SyncAccount | undefined
  private listeners = new Set<(status: SyncStatus) => void>()
  private stopped = true
  private cleanups: (() => void)[] = []
  private round: Promise<void> = Promise.resolve()
  private queued = false
  private unsent = new Set<string>()
  private newer = new Set<string>()
  /** changes the server refused (a reader in a lab library), with its reason; they stay here, unsent */
  private refused = new Map<string, string>()
  /** documents too large for the server: they stay here */
  private tooLarge = new Set<string>()
  private retry: ReturnType<typeof setTimeout> | undefined
  /** the worker holding the replica and running its replication, while this engine runs */
  private worker: SyncWorker | undefined
  private replication: SyncWorker | undefined
  /** a round is running: replication falling idle meanwhile is not "synced" yet (the round may still write) */
  private inRound = false
  private idleInRound = false
  /** the replica's update seq before this computer's first write to it not yet handed to a push (kept when a round fails midway) */
  private pushFrom: number | string | undefined
  /** PDF bytes to and from the files database (pdf-transfer.ts) */
  private readonly pdfs: PdfTransfer
  /** a failed worker is started again, a few times in a row at most (worker-restarts.ts) */
  private readonly restarts = new WorkerRestarts()

  constructor(private readonly options: SyncEngineOptions) {
    this.pdfs = new PdfTransfer({
      db: options.db,
      files: options.files,
      recheckFilesAfter: options.recheckFilesAfter,
      replica: () => this.replica,
      stopped: () => this.stopped,
      changed: () => this.set({}),
      settleSoon: () => this.settleSoon()
    })
  }

  /** how PDFs travel to this computer (Settings → Sync; main keeps them with the account) */
  get pdfOptions(): PdfSyncOptions {
    return this.pdfs.options
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Told the hash of each PDF fetched from the server into main's store (its text can be read now). */
  onFileFetched(listener: (hash: string) => void): () => void {
    return this.pdfs.onFileFetched(listener)
  }

  private set(change: Partial<SyncStatus>): void {
    if (change.state === 'synced') this.restarts.worked()
    const refusal = [...this.refused.values()].pop()
    this.status = {
      ...this.status,
      ...change,
      waiting: this.unsent.size,
      fromNewerApp: this.newer.size,
      tooLarge: this.tooLarge.size,
      ...this.pdfs.status(),
      refused: this.refused.size,
      ...(refusal ? { refusal } : {})
    }
    if (change.state && change.state !== 'problem') delete this.status.problem
    if (change.state && change.state !== 'problem') delete this.status.message
    for (const listener of [...this.listeners]) listener(this.status)
  }

  private fail(problem: SyncProblem, message = PROBLEMS[problem]): void {
    this.set({ state: problem === 'unreachable' && !networkUp() ? 'offline' : 'problem', problem, message })
  }

  /** Starts syncing the library with the account's database; resolves once the first connection is settled (or failed). */
  async start(account: SyncAccount): Promise<SyncStatus> {
    await this.stop()
    this.stopped = false
    const wrongAddress = checkServerAddress(account.server)
    if (wrongAddress) {
      this.set({ state: 'problem', problem: 'not-couchdb', message: wrongAddress })
      return this.status
    }
    this.account = account
    this.set({ state: 'starting' })
    const session = new CouchSession(account, this.options.fetch)
    const dbUrl = `${session.server}/${encodeURIComponent(account.database)}`
    try {
      await session.login()
      await ensureDatabase(session, dbUrl, account.user)
    } catch (error) {
      const problem = problemOf(error)
      this.fail(problem, (problem === 'no-database' || problem === 'not-member') && error instanceof SyncFailure ? error.message : undefined)
      if (problem === 'unreachable' || problem === 'server-error') this.retry = setTimeout(() => void this.start(account), this.options.retryAfter ?? 15_000)
      return this.status
    }
    // not awaited: the papers do not wait for the files database
    void this.openFiles(session, dbUrl, account)
    const worker = SyncWorker.start(this.options.replicaAdapter ?? 'idb', this.options.fetch)
    this.worker = worker
    worker.onStopped(sentence => this.workerStopped(worker, account, sentence))
    let replica: ReplicaStore
    try {
      replica = await worker.open({
        library: this.options.db.name,
        database: account.database,
        address: dbUrl,
        name: this.options.replicaName,
        adapter: this.options.replicaAdapter ?? 'idb'
      })
      this.replica = replica
      // a seq of another replica means nothing here: the first push starts at this one's checkpoint
      this.pushFrom = undefined
      this.device = (await readCheckpoint(replica)).device
      // replication starts before the first round, so that a first sync's push follows the outgoing side's batches
      await worker.replicate(dbUrl, account, this.options.maxBackOff ?? 30_000)
    } catch (error) {
      if (!(error instanceof WorkerStopped)) this.fail(problemOf(error))
      return this.status
    }
    if (this.stopped || this.account !== account) return this.status
    const replication = worker
    this.replication = replication
    replication.on('change', (info: { direction: string; change: { docs: { _id: string }[] } }) => {
      if (info.direction === 'push') for (const doc of info.change.docs) this.unsent.delete(doc._id)
      else this.settleSoon()
      this.set({ state: networkUp() ? 'syncing' : 'offline' })
    })
    // refused while connected: a changed password, or no longer a member (a lab's admin removed this user): the database says which
    const refused = (error: unknown): void => {
      const status = (error as { status?: number })?.status
      if (status !== 401 && status !== 403) return this.fail(problemOf(error))
      void ensureDatabase(session, dbUrl, account.user).then(
        () => this.account === account && !this.stopped && this.fail(problemOf(error)),
        failure =>
          this.account === account &&
          !this.stopped &&
          this.fail(problemOf(failure), problemOf(failure) === 'not-member' ? (failure as Error).message : undefined)
      )
    }
    replication.on('paused', (error?: unknown) => (error ? refused(error) : this.idle()))
    replication.on('active', () => this.set({ state: networkUp() ? 'syncing' : 'offline' }))
    replication.on('denied', (error: unknown) => {
      // replication.ts hands the document's error on as { direction, doc }, as PouchDB's sync() does
      const { id, reason, message } = ((error as { doc?: object }).doc ?? error) as { id?: string; reason?: string; message?: string }
      if (!id) return this.fail(problemOf({ status: 403, ...(error as object) }))
      // the server's own sentence (validate_doc_update's forbidden), kept while the change stays here unsent
      this.unsent.delete(id)
      this.refused.set(id, reason ?? message ?? PROBLEMS.forbidden)
      this.set({})
    })
    replication.on('error', refused)
    this.cleanups.push(() => {
      replication.stopReplication()
      this.replication = undefined
    })
    this.cleanups.push(this.options.db.events.subscribe(() => this.settleSoon()))
    await this.settle()
    return this.status
  }

  /**
   * Replication has nothing to do (and also before it has started): the
   * documents still counted as waiting are compared with the server, and those
   * it holds at the same revision are no longer waiting. While a round runs it
   * may still write: then the round says it when it ends.
   */
  private idle(): void {
    if (this.inRound) {
      this.idleInRound = true
      return
    }
    const worker = this.replication
    if (!worker) return
    void worker.sameOnServer([...this.unsent]).then(
      same => {
        for (const id of same) this.unsent.delete(id)
        if (this.stopped) return
        if (this.inRound) return void (this.idleInRound = true)
        if (this.unsent.size) this.set({ state: 'syncing' })
        else this.set({ state: 'synced', syncedAt: Date.now() })
      },
      failure => failure instanceof WorkerStopped || this.fail(problemOf(failure))
    )
  }

  /** The worker failed (or the browser ended it, or it stopped answering): said as a sentence, and sync starts again a little later with a new one. */
  private workerStopped(worker: SyncWorker, account: SyncAccount, sentence: string): void {
    if (worker !== this.worker || this.stopped) return
    const wait = this.options.retryAfter ?? 15_000
    const { again, message } = this.restarts.failed(sentence, wait)
    this.set({ state: 'problem', message })
    for (const cleanup of this.cleanups.splice(0)) cleanup()
    clearTimeout(this.retry)
    if (again) this.retry = setTimeout(() => void this.start(account), wait)
  }

  private async openFiles(session: CouchSession, libraryUrl: string, account: SyncAccount): Promise<void> {
    const url = filesDatabaseOf(libraryUrl)
    this.pdfs.disconnect()
    this.pdfs.problem = undefined
    if (!this.pdfs.enabled) return
    const current = () => this.account === account && !this.stopped
    try {
      await ensureDatabase(session, url, account.user)
      if (current()) this.pdfs.connect({ url, libraryUrl, fetch: session.fetch })
    } catch (error) {
      if (current()) this.pdfs.problem = `PDFs are not synced: ${error instanceof SyncFailure ? error.message : PROBLEMS[problemOf(error)]}`
    }
    if (current()) this.settleSoon()
  }

  /** How PDFs travel from now on: a new choice in Settings → Sync takes effect at once, without a new login. */
  setPdfOptions(options: PdfSyncOptions): void {
    this.pdfs.setOptions(options)
  }

  /** Whether a PDF missing here can be fetched from the sync server now. */
  canFetchFiles(): boolean {
    return this.pdfs.canFetchFiles()
  }

  /** Fetches one PDF from the files database into main's attachment store; throws with a sentence. */
  fetchFile(hash: string): Promise<void> {
    return this.pdfs.fetchFile(hash)
  }

  /** A PDF's bytes here before something reads them: fetched from the server when only its record came; throws with a sentence. */
  fetchIfElsewhere(file: { hash: string; size: number }): Promise<void> {
    return this.pdfs.fetchIfElsewhere(file)
  }

  /** The network went away: said at once (replication retries by itself, and `online()` catches up). */
  offline(): void {
    if (!this.stopped) this.set({ state: 'offline' })
  }

  /** The network is back: connect again now rather than at the next retry. */
  async online(): Promise<void> {
    if (this.account && !this.stopped) await this.start(this.account)
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.retry)
    this.pdfs.stop()
    for (const cleanup of this.cleanups.splice(0)) cleanup()
    // a download under way is not waited for (a stalled connection would hold up the next start); it stops after its file
    await this.round.catch(() => undefined)
    await this.replica?.close().catch(() => undefined)
    this.worker?.end()
    this.worker = undefined
    this.replica = undefined
    this.pdfs.disconnect()
    this.set({ state: 'off' })
  }

  /**
   * A round soon: the short wait gathers what comes together (a write's events,
   * a pull batch) into one round, and rounds run one after another, so what
   * comes while one runs waits for the next, together. It was 50 ms, twice on
   * the way from one computer to the other: half of the time one change took.
   */
  private settleSoon(): void {
    if (this.queued || this.stopped) return
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
    this.round = this.round.then(async () => {
      const replica = this.replica
      if (!replica || this.stopped) return
      this.inRound = true
      try {
        for (let turn = 0; turn < 5; turn++) {
          const pulled = await this.writing(
            replica,
            () => applyIncomingChanges(this.options.db, replica),
            outcome => outcome.merged > 0
          )
          for (const id of pulled.fromNewerApp) this.newer.add(id)
          const user = this.options.signEdits ? this.account?.user : undefined
          const pushed = await this.writing(
            replica,
            () => pushLocalChanges(this.options.db, replica, user, written => this.sendSoon(replica, written)),
            outcome => outcome.written.length > 0
          )
          for (const id of pushed.tooLarge) this.tooLarge.add(id)
          this.set({})
          // a turn that wrote goes round once more: its own writes are met in the replica's feed now, not under a later edit,
          // and signed papers (a lab library) bring their names into the library
          if (pushed.done && pushed.written.length === 0) break
        }
        // what this round wrote to the replica (outgoing changes, merges) goes to the server; what the pull wrote is there already
        if (this.pushFrom !== undefined) this.replication?.push(this.pushFrom)
        this.pushFrom = undefined
        await this.pdfs.afterRound()
        this.set({})
      } catch (error) {
        // a stopped worker is said once, by workerStopped
        if (error instanceof WorkerStopped) return
        console.error('[neuroref] sync round failed', error)
        this.set({ state: 'problem', message: `Sync could not apply a change: ${String((error as Error)?.message ?? error)}` })
      } finally {
        this.inRound = false
        if (this.idleInRound) {
          this.idleInRound = false
          this.idle()
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
    for (const id of written) {
      this.unsent.add(id)
      this.refused.delete(id)
      this.tooLarge.delete(id)
    }
    if (!this.replication || this.pushFrom === undefined) return
    this.replication.push(this.pushFrom)
    this.pushFrom = (await replica.info()).update_seq
  }
}

const networkUp = (): boolean => typeof navigator === 'undefined' || navigator.onLine !== false
