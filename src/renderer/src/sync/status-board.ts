// What the sidebar is told about sync: the state, and the documents counted
// in it (waiting for the server, from a newer Neuroref, refused by the
// server, too large for it), with the PDFs' part (pdf-transfer.ts). status.ts
// says it in words. A new state is told at once; changed counts at most a few
// times a second: a first sync of 10,000 papers changed them with every pulled
// batch and round, and each telling is a render of the window.
import type { SyncProblem } from './session'
import type { SyncStatus } from './status'
import { PROBLEMS } from './problems'

/** the least time between two tellings that only change counts (ms) */
const COUNTS_EVERY_MS = 250

export class StatusBoard {
  status: SyncStatus = { state: 'off', waiting: 0, fromNewerApp: 0 }
  /** documents written to the replica that the server does not hold yet */
  readonly unsent = new Set<string>()
  /** documents written by a newer Neuroref, kept untouched */
  readonly newer = new Set<string>()
  /** changes the server refused (a reader in a lab library), with its reason; they stay here, unsent */
  readonly refused = new Map<string, string>()
  /** documents too large for the server: they stay here */
  readonly tooLarge = new Set<string>()
  private readonly listeners = new Set<(status: SyncStatus) => void>()
  private toldAt = -Infinity
  private later: ReturnType<typeof setTimeout> | undefined

  /** `pdfs`: the PDFs' part of the status; `synced`: told each time both sides agree */
  constructor(
    private readonly pdfs: () => Partial<SyncStatus>,
    private readonly synced: () => void
  ) {}

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  set(change: Partial<SyncStatus>): void {
    if (change.state === 'synced') this.synced()
    const before = this.status
    const refusal = [...this.refused.values()].pop()
    this.status = {
      ...this.status,
      ...change,
      waiting: this.unsent.size,
      fromNewerApp: this.newer.size,
      tooLarge: this.tooLarge.size,
      ...this.pdfs(),
      refused: this.refused.size,
      ...(refusal ? { refusal } : {})
    }
    if (change.state && change.state !== 'problem') delete this.status.problem
    if (change.state && change.state !== 'problem') delete this.status.message
    const now = Date.now()
    const words = (s: SyncStatus): string => `${s.state} ${s.problem} ${s.message} ${s.syncedAt}`
    if (words(before) !== words(this.status) || now - this.toldAt >= COUNTS_EVERY_MS) this.tell()
    else this.later ??= setTimeout(() => this.tell(), this.toldAt + COUNTS_EVERY_MS - now)
  }

  private tell(): void {
    clearTimeout(this.later)
    this.later = undefined
    this.toldAt = Date.now()
    for (const listener of [...this.listeners]) listener(this.status)
  }

  fail(problem: SyncProblem, message = PROBLEMS[problem]): void {
    this.set({ state: problem === 'unreachable' && !networkUp() ? 'offline' : 'problem', problem, message })
  }

  /** Syncing, or offline when the browser says the network is gone. */
  active(): void {
    this.set({ state: networkUp() ? 'syncing' : 'offline' })
  }

  /** Documents just written to the replica: waiting for the server, and no longer refused or too large. */
  written(ids: string[]): void {
    for (const id of ids) {
      this.unsent.add(id)
      this.refused.delete(id)
      this.tooLarge.delete(id)
    }
  }
}

const networkUp = (): boolean => typeof navigator === 'undefined' || navigator.onLine !== false
