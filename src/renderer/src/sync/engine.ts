// The sync engine: logs in, finds or creates the server database, has the
// sync worker (replica-client.ts) open the replica and run PouchDB's
// replication with the server, starts a new worker when one fails, and hands
// PDFs to pdf-transfer.ts. Rounds after every library write and every
// replicated change are rounds.ts's; what the sidebar is told, status-board.ts's.
import type { NeurorefDb } from '../library/schema'
import { readCheckpoint } from './checkpoint'
import { filesDatabaseOf, type LocalFiles } from './files'
import { PdfTransfer } from './pdf-transfer'
import type { ReplicaStore } from './replica'
import { SyncWorker, WorkerStopped } from './replica-client'
import { WorkerRestarts } from './worker-restarts'
import { checkServerAddress } from '@shared/sync-server'
import type { PdfSyncOptions, SyncAccount } from '@shared/sync-server'
import { CouchSession, SyncFailure, type Fetch } from './session'
import type { SyncStatus } from './status'
import { PROBLEMS, problemOf } from './problems'
import { ensureDatabase } from './server-database'
import { followReplication } from './replication-events'
import { Rounds } from './rounds'
import { StatusBoard } from './status-board'

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
  replica: ReplicaStore | undefined
  /** this computer, as its documents and conflicts name it (checkpoint.ts) */
  device: string | undefined
  private account: SyncAccount | undefined
  private stopped = true
  private cleanups: (() => void)[] = []
  private retry: ReturnType<typeof setTimeout> | undefined
  /** the worker holding the replica and running its replication, while this engine runs */
  private worker: SyncWorker | undefined
  private replication: SyncWorker | undefined
  /** PDF bytes to and from the files database (pdf-transfer.ts) */
  private readonly pdfs: PdfTransfer
  /** a failed worker is started again, a few times in a row at most (worker-restarts.ts) */
  private readonly restarts = new WorkerRestarts()
  private readonly board: StatusBoard
  private readonly rounds: Rounds

  constructor(private readonly options: SyncEngineOptions) {
    this.pdfs = new PdfTransfer({
      db: options.db,
      files: options.files,
      recheckFilesAfter: options.recheckFilesAfter,
      replica: () => this.replica,
      stopped: () => this.stopped,
      changed: () => this.board.set({}),
      settleSoon: () => this.rounds.soon()
    })
    this.board = new StatusBoard(
      () => this.pdfs.status(),
      () => this.restarts.worked()
    )
    this.rounds = new Rounds({
      db: options.db,
      board: this.board,
      replica: () => this.replica,
      replication: () => this.replication,
      stopped: () => this.stopped,
      signer: () => (options.signEdits ? this.account?.user : undefined),
      afterRound: () => this.pdfs.afterRound(),
      idle: () => this.idle()
    })
  }

  get status(): SyncStatus {
    return this.board.status
  }

  /** how PDFs travel to this computer (Settings → Sync; main keeps them with the account) */
  get pdfOptions(): PdfSyncOptions {
    return this.pdfs.options
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    return this.board.subscribe(listener)
  }

  /** Told the hash of each PDF fetched from the server into main's store (its text can be read now). */
  onFileFetched(listener: (hash: string) => void): () => void {
    return this.pdfs.onFileFetched(listener)
  }

  /** Starts syncing the library with the account's database; resolves once the first connection is settled (or failed). */
  async start(account: SyncAccount): Promise<SyncStatus> {
    await this.stop()
    this.stopped = false
    const wrongAddress = checkServerAddress(account.server)
    if (wrongAddress) {
      this.board.set({ state: 'problem', problem: 'not-couchdb', message: wrongAddress })
      return this.status
    }
    this.account = account
    this.board.set({ state: 'starting' })
    const session = new CouchSession(account, this.options.fetch)
    const dbUrl = `${session.server}/${encodeURIComponent(account.database)}`
    try {
      await session.login()
      await ensureDatabase(session, dbUrl, account.user)
    } catch (error) {
      const problem = problemOf(error)
      this.board.fail(problem, (problem === 'no-database' || problem === 'not-member') && error instanceof SyncFailure ? error.message : undefined)
      if (problem === 'unreachable' || problem === 'server-error') this.retry = setTimeout(() => void this.start(account), this.options.retryAfter ?? 15_000)
      return this.status
    }
    // not awaited: the papers do not wait for the files database
    void this.openFiles(session, dbUrl, account)
    const worker = SyncWorker.start(this.options.replicaAdapter ?? 'idb', this.options.fetch)
    this.worker = worker
    worker.onStopped(sentence => this.workerStopped(worker, account, sentence))
    try {
      const replica = await worker.open({
        library: this.options.db.name,
        database: account.database,
        address: dbUrl,
        name: this.options.replicaName,
        adapter: this.options.replicaAdapter ?? 'idb'
      })
      this.replica = replica
      this.rounds.newReplica()
      this.device = (await readCheckpoint(replica)).device
      // replication starts before the first round, so that a first sync's push follows the outgoing side's batches
      await worker.replicate(dbUrl, account, this.options.maxBackOff ?? 30_000)
    } catch (error) {
      if (!(error instanceof WorkerStopped)) this.board.fail(problemOf(error))
      return this.status
    }
    if (this.stopped || this.account !== account) return this.status
    const replication = worker
    this.replication = replication
    followReplication(replication, {
      board: this.board,
      pulled: () => this.rounds.soon(),
      idle: () => this.idle(),
      current: () => this.account === account && !this.stopped,
      checkDatabase: () => ensureDatabase(session, dbUrl, account.user)
    })
    this.cleanups.push(() => {
      replication.stopReplication()
      this.replication = undefined
    })
    this.cleanups.push(this.options.db.events.subscribe(() => this.rounds.soon()))
    await this.rounds.settle()
    return this.status
  }

  /**
   * Replication has nothing to do (and also before it has started): the
   * documents still counted as waiting are compared with the server, and those
   * it holds at the same revision are no longer waiting. While a round runs it
   * may still write: then the round says it when it ends.
   */
  private idle(): void {
    if (this.rounds.deferIdle()) return
    const worker = this.replication
    if (!worker) return
    const { board } = this
    void worker.sameOnServer([...board.unsent]).then(
      same => {
        for (const id of same) board.unsent.delete(id)
        if (this.stopped || this.rounds.deferIdle()) return
        if (board.unsent.size) board.set({ state: 'syncing' })
        else board.set({ state: 'synced', syncedAt: Date.now() })
      },
      failure => failure instanceof WorkerStopped || board.fail(problemOf(failure))
    )
  }

  /** The worker failed (or the browser ended it, or it stopped answering): said as a sentence, and sync starts again a little later with a new one. */
  private workerStopped(worker: SyncWorker, account: SyncAccount, sentence: string): void {
    if (worker !== this.worker || this.stopped) return
    const wait = this.options.retryAfter ?? 15_000
    const { again, message } = this.restarts.failed(sentence, wait)
    this.board.set({ state: 'problem', message })
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
    if (current()) this.rounds.soon()
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
    if (!this.stopped) this.board.set({ state: 'offline' })
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
    await this.rounds.finished()
    await this.replica?.close().catch(() => undefined)
    this.worker?.end()
    this.worker = undefined
    this.replica = undefined
    this.pdfs.disconnect()
    this.board.set({ state: 'off' })
  }

  /** One round now (after the short wait of others already asked for): what arrived is applied, then what changed here is written. */
  settle(): Promise<void> {
    return this.rounds.settle()
  }
}
