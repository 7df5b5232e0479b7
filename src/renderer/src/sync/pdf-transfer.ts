// PDF bytes between main's attachment store and the library's files database
// (files.ts): after each round the engine has the PDFs the server lacks sent,
// the ones no paper names any more deleted there (docs/SYNC.md, "Deleting a PDF
// from the server"), and with "always download" the ones this computer lacks
// fetched, beside the rounds (papers never wait for PDFs). One instance per engine; the engine
// connects it when the files database opens and reads its status.
import type { NeurorefDb } from '../library/schema'
import { deleteFiles, downloadFile, filesOnServer, filesReferenced, uploadFile, type LocalFiles } from './files'
import type { ReplicaStore } from './replica'
import { PDF_SYNC_DEFAULTS, type PdfSyncOptions } from '@shared/sync-server'
import { SyncFailure, type Fetch } from './session'
import type { SyncStatus } from './status'

export interface PdfTransferOptions {
  db: NeurorefDb
  /** main's attachment store; without it PDFs stay here */
  files?: LocalFiles
  /** how long to wait before looking again for PDFs not on the server yet or not fetched ("always download"), and before asking again whether a PDF no paper names may be deleted (ms) */
  recheckFilesAfter?: number
  /** the engine's replica, while it syncs: it tells this computer's own deletions not yet on the server */
  replica: () => ReplicaStore | undefined
  /** whether the engine has stopped: nothing more is sent or fetched */
  stopped: () => boolean
  /** something the status shows changed */
  changed: () => void
  /** a new choice wants a round */
  settleSoon: () => void
}

interface FilesServer {
  url: string
  /** the library database the files database stands beside */
  libraryUrl: string
  fetch: Fetch
}

export class PdfTransfer {
  /** how PDFs travel to this computer (Settings → Sync; main keeps them with the account) */
  options: PdfSyncOptions = PDF_SYNC_DEFAULTS
  /** why PDFs do not travel now, a sentence */
  problem: string | undefined
  /** the files database, the library database beside it and the session's fetch, while PDFs can travel */
  private server: FilesServer | undefined
  /** the hashes this library's papers held at the last round on this server (none before the first) */
  private referenced: Set<string> | undefined
  /** hashes no paper here names since a round of this session: deleted from the server once no document there names them */
  private unreferenced = new Set<string>()
  private deleteRecheck: ReturnType<typeof setTimeout> | undefined
  /** looks again while this computer's own deletions are on their way (a reader's never arrive: it stops after 10) */
  private deleteTries = 0
  /** hashes the files database holds */
  private sentFiles = new Set<string>()
  /** PDFs over the size limit: never sent */
  private largeFiles = new Set<string>()
  /** hashes main's attachment store is known to hold */
  private filesHere = new Set<string>()
  /** "always download": the PDFs the last pass could not fetch, with why; retried next round */
  private notFetched = new Map<string, string>()
  private fetchProblem: string | undefined
  private downloading: Promise<void> | undefined
  private downloadAgain = false
  private recheck: ReturnType<typeof setTimeout> | undefined
  private fetchedListeners = new Set<(hash: string) => void>()

  constructor(private readonly host: PdfTransferOptions) {}

  /** Whether there is a store to send from and fetch into. */
  get enabled(): boolean {
    return Boolean(this.host.files)
  }

  /** The files database is open: PDFs travel from now on. */
  connect(server: FilesServer): void {
    // another server or database: what this computer named there says nothing here
    if (server.url !== this.lastUrl) {
      this.referenced = undefined
      this.unreferenced.clear()
    }
    this.server = server
    this.lastUrl = server.url
  }

  private lastUrl: string | undefined

  /** No files database (a new start, or stopped). */
  disconnect(): void {
    this.server = undefined
  }

  /** Stopping: no more looking again later. A download under way is not waited for (a stalled connection would hold up the next start); it stops after its file. */
  stop(): void {
    clearTimeout(this.recheck)
    clearTimeout(this.deleteRecheck)
  }

  /** Told the hash of each PDF fetched from the server into main's store (its text can be read now). */
  onFileFetched(listener: (hash: string) => void): () => void {
    this.fetchedListeners.add(listener)
    return () => this.fetchedListeners.delete(listener)
  }

  /** The PDF part of the sync status. */
  status(): Pick<SyncStatus, 'pdfsTooLarge' | 'pdfLimitMB' | 'pdfsNotFetched' | 'pdfFetchProblem' | 'filesProblem'> {
    return {
      pdfsTooLarge: this.largeFiles.size,
      pdfLimitMB: this.options.limitMB,
      pdfsNotFetched: this.notFetched.size,
      pdfFetchProblem: [...this.notFetched.values()][0] ?? this.fetchProblem,
      ...(this.problem ? { filesProblem: this.problem } : {})
    }
  }

  /** How PDFs travel from now on: a new choice in Settings → Sync takes effect at once, without a new login. */
  setOptions(options: PdfSyncOptions): void {
    this.options = options
    this.notFetched.clear()
    this.fetchProblem = undefined
    this.host.changed()
    this.host.settleSoon()
  }

  private limitBytes(): number {
    return this.options.limitMB * 1024 * 1024
  }

  /** After a round: sends what the server lacks (a failure is said in the status), then downloads what is missing here. */
  async afterRound(): Promise<void> {
    await this.sendFiles().then(
      () => this.server && (this.problem = undefined),
      error => (this.problem = `PDFs could not be sent: ${String((error as Error)?.message ?? error)}`)
    )
    await this.deleteUnreferenced()
    this.downloadMissing()
  }

  /** Sends the PDFs the server lacks, once per content hash; a PDF over the limit stays here. */
  private async sendFiles(): Promise<void> {
    const { files } = this.host
    const server = this.server
    if (!files || !server) return
    const sizes = new Map((await this.host.db.attachments.toArray()).map(a => [a.hash, a.size]))
    this.noteReferences(new Set(sizes.keys()))
    this.largeFiles = new Set([...sizes].filter(([, size]) => size > this.limitBytes()).map(([hash]) => hash))
    const unsent = [...sizes.keys()].filter(hash => !this.sentFiles.has(hash) && !this.largeFiles.has(hash))
    if (unsent.length === 0) return
    for (const hash of await filesOnServer(server.fetch, server.url, unsent)) this.sentFiles.add(hash)
    for (const hash of unsent) {
      if (this.sentFiles.has(hash) || this.host.stopped()) continue
      let bytes: Uint8Array
      try {
        bytes = await files.read(hash)
      } catch {
        continue // not on this computer (never opened here): the computer that has it sends it
      }
      await uploadFile(server.fetch, server.url, hash, bytes)
      this.sentFiles.add(hash)
    }
  }

  /** Which hashes this library stopped naming since the last round (candidates for deletion), and which it names anew. */
  private noteReferences(now: Set<string>): void {
    const before = this.referenced
    this.referenced = now
    if (!before) return
    for (const hash of before) if (!now.has(hash)) this.unreferenced.add(hash)
    for (const hash of now) {
      this.unreferenced.delete(hash)
      // named anew here: another computer may have deleted it from the server meanwhile, so ask again before counting it sent
      if (!before.has(hash)) this.sentFiles.delete(hash)
    }
  }

  /**
   * Deletes from the files database the PDFs no paper here names any more,
   * once the library database on the server names them in no document either
   * (another computer's paper, a lab member's). A document the server still
   * has that this replica holds deleted is this computer's own deletion on its
   * way there: asked again a little later. A server that cannot say (no
   * `_find`) or refuses (a reader) keeps its files: nothing is lost.
   */
  private async deleteUnreferenced(): Promise<void> {
    const server = this.server
    const replica = this.host.replica()
    if (!server || !replica || this.unreferenced.size === 0 || this.host.stopped()) return
    const hashes = [...this.unreferenced]
    try {
      const named = await filesReferenced(server.fetch, server.libraryUrl, hashes)
      const ids = [...named.values()].flat()
      const here = ids.length ? (await replica.allDocs({ keys: ids })).rows : []
      const leaving = new Set(here.filter(row => !('error' in row && row.error) && row.value?.deleted).map(row => row.id))
      let waiting = false
      for (const [hash, docs] of named) {
        if (docs.some(id => leaving.has(id))) waiting = true
        else this.unreferenced.delete(hash) // another paper on the server names it: it stays
      }
      const gone = hashes.filter(hash => !named.has(hash))
      if (gone.length) await deleteFiles(server.fetch, server.url, gone)
      for (const hash of gone) {
        this.unreferenced.delete(hash)
        this.sentFiles.delete(hash)
      }
      clearTimeout(this.deleteRecheck)
      this.deleteTries = waiting ? this.deleteTries + 1 : 0
      if (waiting && this.deleteTries <= 10) this.deleteRecheck = setTimeout(() => void this.deleteUnreferenced(), this.host.recheckFilesAfter ?? 30_000)
    } catch (error) {
      console.warn('[neuroref] PDFs no paper names were not deleted from the sync server', error)
      this.unreferenced.clear()
    }
  }

  /** Whether a PDF missing here can be fetched from the sync server now. */
  canFetchFiles(): boolean {
    return Boolean(this.host.files && this.server && !this.host.stopped())
  }

  /**
   * Before anything reads a PDF's bytes (the viewer, Download PDF, Show file,
   * Open in system viewer): fetched from the server when only its record came
   * here. With sync off there is nothing to fetch from: main says it is missing.
   */
  async fetchIfElsewhere(file: { hash: string; size: number }): Promise<void> {
    const { files } = this.host
    if (!files || this.host.stopped()) return
    if ((await files.missing([file.hash])).length === 0) return
    await this.fetchFile(file.hash, file.size)
  }

  /** Fetches one PDF from the files database into main's attachment store; throws with a sentence (its size, when known, tells a PDF kept back by the limit). */
  async fetchFile(hash: string, size?: number): Promise<void> {
    const server = this.server
    if (!this.host.files || !server)
      throw new Error(this.problem ?? 'This PDF is on the sync server only, and sync is not connected yet: try again in a moment.')
    const bytes = await downloadFile(server.fetch, server.url, hash).catch(error => {
      throw this.fetchFailure(error, size)
    })
    await this.host.files.store(bytes, 'document.pdf')
    this.sentFiles.add(hash)
    this.filesHere.add(hash)
    for (const listener of [...this.fetchedListeners]) listener(hash)
  }

  /** Why a fetch failed, in the researcher's words. */
  private fetchFailure(error: unknown, size: number | undefined): unknown {
    if (error instanceof SyncFailure && error.problem === 'unreachable')
      return new Error('Server unreachable: this PDF is on the sync server only, and cannot be fetched now. Try again when the server can be reached.')
    // the computer it was attached on does not send a PDF over the limit (taken to be the same there as here)
    if ((error as { status?: number })?.status === 404 && size !== undefined && size > this.limitBytes())
      return new Error(
        `This PDF (${(size / (1024 * 1024)).toFixed(1)} MB) is over the ${this.options.limitMB} MB limit per PDF (Settings → Sync), so it is not sent to the sync server: it stays on the computer it was attached on.`
      )
    return error
  }

  /**
   * "Always download": after a round, the PDFs this library's papers hold and
   * main's store lacks are fetched, beside the rounds (papers never wait for
   * them), one pass at a time; what fails is said and tried again next round.
   */
  private downloadMissing(): void {
    if (this.options.download !== 'always' || !this.server || !this.host.files || this.host.stopped()) return
    if (this.downloading) {
      this.downloadAgain = true
      return
    }
    clearTimeout(this.recheck)
    this.downloading = this.fetchMissing()
      .then(
        left => ((this.fetchProblem = undefined), left),
        error => ((this.fetchProblem = String((error as Error)?.message ?? error)), 1)
      )
      .then(left => {
        this.downloading = undefined
        this.host.changed()
        if (this.host.stopped()) return
        if (this.downloadAgain) {
          this.downloadAgain = false
          this.downloadMissing()
        } else if (left > 0) {
          // the PDF's record can arrive before its bytes reach the server, and nothing else may start a round: look again later
          this.recheck = setTimeout(() => this.downloadMissing(), this.host.recheckFilesAfter ?? 30_000)
        }
      })
  }

  /** Fetches what is missing here; returns how many PDFs are still missing (not on the server yet, or failed). */
  private async fetchMissing(): Promise<number> {
    const { files } = this.host
    const server = this.server
    if (!files || !server) return 0
    // a PDF over the limit is fetched only when opened
    const held = new Set((await this.host.db.attachments.toArray()).filter(a => a.size <= this.limitBytes()).map(a => a.hash))
    const unknown = [...held].filter(hash => !this.filesHere.has(hash))
    const missing = unknown.length ? new Set(await files.missing(unknown)) : new Set<string>()
    for (const hash of unknown) if (!missing.has(hash)) this.filesHere.add(hash)
    // a PDF not on the server yet is not a failure: the computer that has it sends it
    const queue = missing.size ? [...(await filesOnServer(server.fetch, server.url, [...missing]))] : []
    const failed = new Map<string, string>()
    const worker = async (): Promise<void> => {
      for (let hash = queue.shift(); hash !== undefined && !this.host.stopped(); hash = queue.shift()) {
        await this.fetchFile(hash).catch(error => this.host.stopped() || failed.set(hash!, String((error as Error)?.message ?? error)))
      }
    }
    await Promise.all([worker(), worker(), worker()])
    this.notFetched = failed
    return missing.size - [...missing].filter(hash => this.filesHere.has(hash)).length
  }
}
