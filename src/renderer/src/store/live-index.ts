// The window's search index. It comes from the saved one (brought up to date
// in a worker, see library/index-job.ts), never from tokenising the library
// on the window's thread. Until it arrives — the first open of a library, or
// after a crash left the saved one damaged and the worker rebuilds it —
// searches are answered by reading every item (slower, but the same
// answers). Changes made meanwhile are applied once it arrives; after
// changes the saved index is brought up to date again, a few seconds after
// the last one.
import type { Item } from '@shared/model'
import { createSearchIndex, parseQuery, type IndexSnapshot, type Query, type SearchIndex, type SearchOptions } from '@shared/search/index'
import { matchesQuery } from '@shared/search/match'
import type { NotesText } from '@shared/search/fields'
import type { IndexJobResult } from '../library/index-job'
import type { NeurorefDb } from '../library/schema'
import type { IndexJobs } from './index-jobs'

/** Save this long after the last change (ms): a burst of edits makes one save. */
const SAVE_AFTER_MS = 5000

export interface LiveIndexSource {
  db: NeurorefDb
  items: ReadonlyMap<string, Item>
  notes: ReadonlyMap<string, string>
  jobs: IndexJobs
  /** called when the index arrives or its progress moves */
  changed: () => void
  saveAfterMs?: number
}

export class LiveIndex implements SearchIndex {
  private index: SearchIndex | null = null
  /** papers changed while the index was away: applied when it arrives */
  private pending = new Set<string>()
  private job: Promise<unknown> | null = null
  private saveTimer: ReturnType<typeof setTimeout> | undefined
  private saveAgain = false
  private closed = false
  /** items indexed so far while the worker rebuilds the index; null when not rebuilding */
  progress: { done: number; total: number } | null = null
  /** how the index was last had (for the bench and the status line) */
  last: Omit<IndexJobResult, 'snapshot'> | null = null
  lastError: string | null = null

  constructor(private readonly source: LiveIndexSource) {}

  get ready(): boolean {
    return this.index !== null
  }

  /** Asks the worker for the index; resolves when it is in use (or the job failed: searches keep scanning). */
  open(): Promise<void> {
    return this.run(result => this.arrive(result.snapshot))
  }

  private arrive(snapshot: IndexSnapshot): void {
    const { items, notes } = this.source
    const index = createSearchIndex({ from: snapshot, itemOf: id => items.get(id) })
    // Changed while the worker worked: the items in memory are the newest.
    for (const id of this.pending) {
      const item = items.get(id)
      if (item) index.update(item, notes.get(id))
      else index.remove(id)
    }
    this.pending.clear()
    this.index = index
  }

  private run(use: (result: IndexJobResult) => void): Promise<void> {
    const job = this.source
      .jobs(this.source.db, (done, total) => {
        this.progress = { done, total }
        this.source.changed()
      })
      .then(result => {
        if (this.closed) return
        const { snapshot: _, ...rest } = result
        this.last = rest
        use(result)
      })
      .catch(error => {
        // the library was closed (a test's end, a restore starting over): nothing to say
        if (this.closed || (error instanceof Error && error.name === 'DatabaseClosedError')) return
        this.lastError = error instanceof Error ? error.message : String(error)
        console.warn('[neuroref] the search index could not be brought up to date:', this.lastError)
      })
      .finally(() => {
        this.job = null
        this.progress = null
        if (!this.closed) this.source.changed()
        if (this.saveAgain) this.scheduleSave()
      })
    this.job = job
    return job
  }

  /** Resolves when no job is running. */
  async settled(): Promise<void> {
    while (this.job) await this.job
  }

  private touched(id: string): void {
    if (!this.index) this.pending.add(id)
    this.scheduleSave()
  }

  private scheduleSave(): void {
    this.saveAgain = false
    if (this.closed) return
    if (this.job) {
      this.saveAgain = true
      return
    }
    clearTimeout(this.saveTimer)
    const wait = this.source.saveAfterMs ?? SAVE_AFTER_MS
    if (!Number.isFinite(wait)) return
    this.saveTimer = setTimeout(() => this.save(), wait)
  }

  /** Brings the saved index up to date now (the one in use already is). */
  save(): Promise<void> {
    clearTimeout(this.saveTimer)
    if (this.job) {
      this.saveAgain = true
      return this.settled()
    }
    // The index in memory stays: the saved one only has to catch up with the change log.
    return this.run(result => (this.index ? undefined : this.arrive(result.snapshot)))
  }

  /** Stops saving (the store is starting over or the window closes). */
  close(): void {
    this.closed = true
    clearTimeout(this.saveTimer)
  }

  add(item: Item, notes?: NotesText): void {
    this.index?.add(item, notes)
    this.touched(item.id)
  }

  update(item: Item, notes?: NotesText): void {
    this.index?.update(item, notes)
    this.touched(item.id)
  }

  remove(id: string): void {
    this.index?.remove(id)
    this.touched(id)
  }

  search(query: Query | string, options: SearchOptions = {}): string[] {
    if (this.index) return this.index.search(query, options)
    const parsed = typeof query === 'string' ? parseQuery(query) : query
    const { items, notes } = this.source
    const found: string[] = []
    const scan = (item: Item) => matchesQuery(parsed, item, notes.get(item.id)) && found.push(item.id)
    if (options.within) for (const id of options.within) items.has(id) && scan(items.get(id)!)
    else for (const item of items.values()) scan(item)
    return found
  }

  get size(): number {
    return this.index?.size ?? this.source.items.size
  }

  get wordCount(): number {
    return this.index?.wordCount ?? 0
  }

  snapshot(): IndexSnapshot {
    if (!this.index) throw new Error('The search index is still being built.')
    return this.index.snapshot()
  }
}
