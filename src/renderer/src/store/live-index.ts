// The window's search index. It comes from the saved one (brought up to date
// in a worker, see library/index-job.ts), never from tokenising the library
// on the window's thread. Until it arrives — the first open of a library, or
// after a crash left the saved one damaged and the worker rebuilds it —
// searches are answered by reading every item (slower, but the same
// answers). Changes made meanwhile are applied once it arrives; after
// changes the saved index is brought up to date again, a few seconds after
// the last one. A large batch (an import of thousands) is not tokenised here
// either: its papers are searched by reading them until the worker has
// indexed them from the change log, and its index is then put in use.
// The window's copies of papers are light: searches that read papers take
// their abstracts from a map kept only for those papers meanwhile. The list's
// searches read them a slice at a time (search-by-reading.ts) and say they
// are searching until the answer is whole.
import type { Item, LightItem } from '@shared/model'
import {
  parseQuery,
  searchIndexInSteps,
  type IndexSnapshot,
  type ItemNumbers,
  type NumberedIndex,
  type Query,
  type SearchIndex,
  type SearchOptions
} from '@shared/search/index'
import { fieldValue, type NotesText, type SearchableItem } from '@shared/search/fields'
import type { BuiltIndex, IndexJobResult } from '../library/index-job'
import { fullItems } from '../library/queries'
import type { NeurorefDb } from '../library/schema'
import type { RowsChannel } from '../library/rows-for-index'
import type { IndexJobs } from './index-jobs'
import { inQuietTurns, inTurnsFromNextTask } from './turns'
import { SearchByReading } from './search-by-reading'
import { PaperText, readsAs } from '@shared/search/paper-reading'
import { KeptAbstracts, type ArrivedAbstract } from '../library/abstract-bytes'
import { DeferredPapers } from './deferred-papers'
import { PartedSet } from '@shared/parted-map'
import { marked } from './opening-marks'

/** Save this long after the last change (ms): a burst of edits makes one save. */
const SAVE_AFTER_MS = 5000

export interface LiveIndexSource {
  db: NeurorefDb
  /** the store's light copies (no abstracts: the index keeps those as word numbers) */
  items: ReadonlyMap<string, LightItem>
  notes: ReadonlyMap<string, string>
  jobs: IndexJobs
  /** called when the index arrives or its progress moves, or a search reading papers has its answer */
  changed: () => void
  /** whether every paper is in `items` (a search reading papers waits for that); always, unless said */
  complete?: () => boolean
  /** called when a job starts rebuilding the index, or fails before one is in use (searches will read papers for a while) */
  rebuilding?: () => void
  saveAfterMs?: number
}

function abstractOf(item: SearchableItem): ArrivedAbstract {
  return fieldValue(item, undefined, 'abstract')[0]
}

export class LiveIndex implements SearchIndex {
  private index: NumberedIndex | null = null
  /** the index whose numbers by id are made beforehand */
  private numbersPrepared: NumberedIndex | null = null
  /** papers changed since the running job started (or while the index was away): applied from memory when its index arrives */
  private pending = new Set<string>()
  /** papers of large batches the index in use does not hold yet (the worker indexes them); searches read them meanwhile */
  private readonly deferred: DeferredPapers
  /** of `deferred`, those deferred after the running job started (its index will not hold them) */
  private deferredSinceJob = new PartedSet()
  /** whether the running job's index will hold papers of `deferred` (those deferred when it started; not a copy of their 100,000 ids) */
  private jobHoldsDeferred = false
  /** the abstracts of the papers searches read instead of the index: all until it arrives, then the deferred ones */
  private abstracts = new KeptAbstracts()
  private job: Promise<unknown> | null = null
  private saveTimer: ReturnType<typeof setTimeout> | undefined
  private saveAgain = false
  private closed = false
  /** items indexed so far while the worker rebuilds the index; null when not rebuilding */
  progress: { done: number; total: number } | null = null
  /** how the index was last had (for the bench and the status line) */
  last: Omit<IndexJobResult, 'snapshot'> | null = null
  lastError: string | null = null
  /** the list's searches until the index is in use */
  private readonly reader: SearchByReading

  constructor(private readonly source: LiveIndexSource) {
    const { items } = source
    this.reader = new SearchByReading({
      ids: () => items.keys(),
      complete: () => source.complete?.() !== false,
      read: id => {
        const item = items.get(id)
        return item && this.paperText(item)
      },
      answered: () => source.changed()
    })
    this.deferred = new DeferredPapers({ item: id => items.get(id), text: item => this.paperText(item) })
  }

  get ready(): boolean {
    return this.index !== null
  }

  /**
   * Asks the worker for the index; resolves when it is in use (or the job failed: searches keep scanning), not before
   * `ready`. `rows`: the channel on which the rows worker sends the rows it reads at a first open (rows-for-index.ts).
   */
  open(ready: Promise<unknown> = Promise.resolve(), rows?: RowsChannel): Promise<void> {
    return this.run(async result => {
      await ready
      if (!this.closed) return this.arrive(result.snapshot)
    }, rows)
  }

  private async arrive(snapshot: IndexSnapshot): Promise<void> {
    const { db, items, notes } = this.source
    // in slices: restoring 100,000 papers' index at once held the window for hundreds of milliseconds; the first not in
    // the task that read the worker's message (its copied ids and words were already the longest task of a traced collect)
    const index = await inTurnsFromNextTask(searchIndexInSteps({ from: snapshot }))
    marked('index restored')
    if (this.closed) return
    // Changed while the worker worked: indexed from their stored rows (the
    // window's copies are light); a change made during the read is read again.
    while (this.pending.size > 0) {
      const ids = [...this.pending]
      this.pending.clear()
      const rows = new Map((await fullItems(db, ids)).map(item => [item.id, item]))
      if (this.closed) return
      for (const id of ids) {
        const item = rows.get(id)
        if (item && items.has(id)) index.update(item, notes.get(id))
        else index.remove(id)
      }
    }
    this.index = index
    this.reader.stop()
    // The job read the change log after these were written: its index holds them.
    if (this.jobHoldsDeferred) this.deferred.keepOnly(this.deferredSinceJob)
    this.jobHoldsDeferred = false
    // at the first open that is every paper's abstract: dropped at once rather than 100,000 deletions in one task
    if (this.deferred.size === 0) this.abstracts = new KeptAbstracts()
    else for (const id of this.abstracts.ids()) if (!this.deferred.has(id)) this.abstracts.delete(id)
    marked('index in use')
    // the count line says searches now use the index
    this.source.changed()
  }

  /**
   * The index's numbers by id, made in idle time once the library is open and searches pause, for the first change or search within some
   * papers: a restored index does not make them (100,000 ids put in a Map were most of its restore).
   */
  prepareNumbers(): void {
    const index = this.index
    if (!index || this.numbersPrepared === index) return
    this.numbersPrepared = index
    void inQuietTurns(index.numbersByIdInSteps())
  }

  /**
   * Opening again from the saved light form, the saved index is on its way (the form is used only beside a committed
   * index): searches asked meanwhile wait for it rather than read the papers as they arrive — which, without their
   * abstracts (the form has none), could not answer a word of an abstract. They read them if the worker rebuilds the
   * index or fails, the abstracts read from every row then (`rebuilding`).
   */
  awaitSaved(): void {
    if (!this.index) this.reader.hold()
  }

  /** A paper as written (or a light copy with its abstract), the store keeping its light copy: its abstract is kept while searches read papers. */
  remember(item: SearchableItem): void {
    if (this.index && !this.deferred.has(item.id)) return
    this.rememberAbstract(item.id, abstractOf(item))
  }

  /** The same, for a paper read at open as a light copy and its abstract (its text, or where it is in the bytes that came). */
  rememberAbstract(id: string, abstract: ArrivedAbstract): void {
    if (this.index && !this.deferred.has(id)) return
    this.keepAbstract(id, abstract)
  }

  private keepAbstract(id: string, abstract: ArrivedAbstract): void {
    this.abstracts.set(id, abstract)
    if (!this.index) this.reader.changed(id)
  }

  /** A paper read at open, with its abstract when it was read from its row: searches asked meanwhile read it now. */
  arrived(id: string, abstract: ArrivedAbstract): void {
    if (this.index) return
    if (abstract !== undefined) this.abstracts.set(id, abstract)
    this.reader.changed(id)
  }

  /** A paper to read against queries, with its notes and its abstract kept apart (read only if a clause reads abstracts). */
  private paperText(item: SearchableItem): PaperText {
    return new PaperText(item, this.source.notes.get(item.id), () => this.abstracts.get(item.id))
  }

  /** `use` is not called (nor the index handed over) when `wanted` is false: the window keeps the index it has. */
  private run(use: (index: BuiltIndex) => Promise<void> | void, rows?: RowsChannel, wanted = true): Promise<void> {
    // What the job's index will hold: everything written before it starts reading.
    this.pending.clear()
    this.jobHoldsDeferred = this.deferred.size > 0
    this.deferredSinceJob = new PartedSet()
    let failed = false
    // put in use as soon as the job has it, while the worker saves it; once
    let using: Promise<void> | undefined
    const useOnce = (index: BuiltIndex) => (using ??= Promise.resolve().then(() => (this.closed ? undefined : use(index))))
    const job = this.source
      .jobs(
        this.source.db,
        (done, total) => {
          if (!this.progress) {
            this.source.rebuilding?.()
            // rebuilding takes long: searches read the papers meanwhile
            this.reader.release()
          }
          this.progress = { done, total }
          this.source.changed()
        },
        wanted ? index => void useOnce(index).catch(() => undefined) : undefined,
        rows
      )
      .then(({ snapshot, ...rest }) => {
        if (this.closed) return
        this.last = rest
        if (wanted && snapshot) return useOnce({ ...rest, snapshot })
      })
      .catch(async error => {
        failed = true
        // the index may be in use already (its save failed): the job ends when it is
        await using?.catch(() => undefined)
        // the library was closed (a test's end, a restore starting over): nothing to say
        if (this.closed || (error instanceof Error && error.name === 'DatabaseClosedError')) return
        // searches read the papers until a later job's index is here: with their abstracts
        if (!this.index) {
          this.source.rebuilding?.()
          this.reader.release()
        }
        this.lastError = error instanceof Error ? error.message : String(error)
        console.warn('[neuroref] the search index could not be brought up to date:', this.lastError)
      })
      .finally(() => {
        this.job = null
        this.progress = null
        this.jobHoldsDeferred = false
        if (!this.closed) this.source.changed()
        // papers still deferred are indexed at once, not after the pause for a burst of edits
        if (this.saveAgain) void (this.deferred.size && !failed ? this.save() : this.scheduleSave())
      })
    this.job = job
    return job
  }

  /** Resolves when no job is running. */
  async settled(): Promise<void> {
    while (this.job) await this.job
  }

  private touched(id: string): void {
    if (!this.index || this.job) this.pending.add(id)
    if (this.deferred.delete(id)) this.deferredSinceJob.delete(id)
    if (this.index) this.abstracts.delete(id)
    else this.reader.changed(id)
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
    // The index in memory stays, unless the saved one now holds papers it does not (what the job will hold is known as it starts).
    return this.run(result => this.arrive(result.snapshot), undefined, !this.index || this.deferred.size > 0)
  }

  /**
   * Papers of a large batch, already in memory and in the change log: the
   * worker indexes them (call indexDeferred after the batch), and until its
   * index is here searches read them, each once per recent query.
   */
  defer(item: SearchableItem, abstract?: ArrivedAbstract): void {
    this.keepAbstract(item.id, abstract === undefined ? abstractOf(item) : abstract)
    if (this.job) this.deferredSinceJob.add(item.id)
    // the queries on screen answer for it now, in the slice that brought it, not in the next render
    this.deferred.add(item)
  }

  /** Has the worker index the deferred papers now (after the running job, if any). */
  indexDeferred(): void {
    if (this.deferred.size) void this.save()
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
    this.abstracts.delete(id)
    this.index?.remove(id)
    this.touched(id)
  }

  search(query: Query | string, options: SearchOptions = {}): string[] {
    if (this.index && this.deferred.size) {
      const { within } = options
      const indexed = this.index.search(query, options).filter(id => !this.deferred.has(id))
      return indexed.concat(this.deferred.matches(query, within))
    }
    if (this.index) {
      this.deferred.matches(query)
      return this.index.search(query, options)
    }
    const parsed = typeof query === 'string' ? parseQuery(query) : query
    const { items } = this.source
    const found: string[] = []
    const scan = (item: LightItem) => readsAs(parsed, this.paperText(item)) && found.push(item.id)
    if (options.within) for (const id of options.within) items.has(id) && scan(items.get(id)!)
    else for (const item of items.values()) scan(item)
    return found
  }

  /**
   * The same answer as `search`, or undefined while the papers are being read for it (no index in use yet): they are
   * read a slice at a time, and `changed` is called when the answer is whole. A few papers (`within`) are read at once.
   */
  answer(query: string, options: SearchOptions = {}): string[] | undefined {
    if (options.within) return this.search(query, options)
    // the index's answer over the papers in so far would not be whole
    if (this.index) return this.source.complete?.() === false ? undefined : this.search(query, options)
    // remembered now: once the index is in use the list may only be patched, never asking again, and a large import's
    // papers would then be read for it all at once at their first showing (a task of 1 s at 100,000) instead of as they come
    return this.reader.answer(query, this.deferred.remember(query))
  }

  /** The index's answer as marks by item number, when it alone answers (nothing deferred); undefined while searches read papers. */
  marked(query: string): { marks: Uint8Array; numbers: ItemNumbers } | undefined {
    if (!this.index || this.deferred.size) return undefined
    this.deferred.matches(query)
    return { marks: this.index.marks(query), numbers: this.index.numbers }
  }

  /** The index's item numbers, once it is in use (lists keyed by them are made beforehand: view-base.ts). */
  get numbers(): ItemNumbers | undefined {
    return this.index?.numbers
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
