// Searches answered by reading the papers one by one, for the seconds before
// the search index is in use (opening again, or the worker rebuilding it).
// Reading 100,000 papers against a query took most of a second in one task,
// so they are read a slice at a time in the window's idle time, the query
// asked last first, and the list says it is searching until the answer is
// whole. A query asked while the papers still arrive at open is read as they
// come, so its answer is whole when the last one is in; queries that have
// read as far are read together, each paper's text worked out once for all of
// them (paper-reading.ts: a qualifier never reads the abstract). A paper that
// changes is read again at once for every query, so an answer given stays
// right until the index takes over. Opening again, the saved index is on its
// way: the papers are not read as they arrive (at 100,000 papers that was a
// fifth of the window's work while they came, for an answer the index gives
// a moment later, and without abstracts), unless the worker says it rebuilds
// the index.
import type { Query } from '@shared/search/index'
import { readsAs, type PaperText } from '@shared/search/paper-reading'
import { idleSlice } from './turns'

/** the queries whose readings are kept (the ones being typed and shown: the list's, the facets' years) */
const KEPT_QUERIES = 4
/** work done in one idle slice (ms): the researcher may type meanwhile */
const SLICE_MS = 10

export interface ReadablePapers {
  /** every paper's id now (more may still arrive at open) */
  ids: () => Iterable<string>
  /** whether every paper is in (at open they arrive for seconds) */
  complete: () => boolean
  /** the paper with what a search reads (its abstract too), and its notes */
  read: (id: string) => PaperText | undefined
  /** a query's answer is whole: the views ask again */
  answered: () => void
}

interface Reading {
  query: Query
  /** the papers of `order` read so far */
  upTo: number
  found: Set<string>
}

export class SearchByReading {
  /** the latest queries, the one asked last at the end */
  private readings = new Map<string, Reading>()
  /** every paper to read, in the order they came: the ones in when the first query was asked, then those that came after */
  private order: string[] = []
  private inOrder: Map<string, number> | null = null
  private reading = false
  private stopped = false
  /** the saved index is on its way: papers are not read until `release` (for good: a hold after it is ignored) */
  private held = false
  private released = false

  constructor(
    private readonly papers: ReadablePapers,
    private readonly slice: (most: number) => Promise<number> = idleSlice
  ) {}

  /** The ids of the papers the query matches, or undefined while they are being read (`answered` is called when they are). */
  answer(key: string, query: Query): string[] | undefined {
    if (this.stopped) return undefined
    if (!this.inOrder) {
      this.order = [...this.papers.ids()]
      this.inOrder = new Map()
      this.order.forEach((id, at) => this.inOrder!.set(id, at))
    }
    let reading = this.readings.get(key)
    if (reading) this.readings.delete(key)
    else reading = { query, upTo: 0, found: new Set() }
    this.readings.set(key, reading)
    if (this.readings.size > KEPT_QUERIES) this.readings.delete(this.readings.keys().next().value!)
    if (this.whole(reading)) return [...reading.found]
    void this.readAll()
    return undefined
  }

  /**
   * A paper came (at open), was added, changed or removed: read again for every query, so no answer given holds it
   * wrongly; a paper new to the reading is read now for the queries that have read every paper before it.
   */
  changed(id: string): void {
    if (this.readings.size === 0 || !this.inOrder) return
    const at = this.inOrder.get(id)
    const isNew = at === undefined
    // while held, a paper arriving is read by no reading yet: put in the order at `release` (100,000 of them at open)
    if (isNew && this.held) return
    if (isNew) {
      this.order.push(id)
      this.inOrder.set(id, this.order.length - 1)
    }
    // read now only for the readings past it (a reading not there yet reads it when it gets there): while the saved
    // index is on its way, that is none of the papers arriving
    let paper: PaperText | undefined | null = null
    for (const reading of this.readings.values()) {
      const caughtUp = isNew && !this.held && reading.upTo === this.order.length - 1
      if (!caughtUp && (isNew || at >= reading.upTo)) continue
      if (paper === null) paper = this.papers.read(id)
      this.readOne(reading, id, paper)
      if (caughtUp) reading.upTo++
    }
  }

  /** The saved index is on its way: papers arriving are not read for the queries asked meanwhile until `release`. */
  hold(): void {
    this.held = !this.released
  }

  /** The saved index is not coming (the worker rebuilds it, or failed): the papers are read. */
  release(): void {
    this.released = true
    if (!this.held) return
    this.held = false
    if (this.inOrder) for (const id of this.papers.ids()) if (!this.inOrder.has(id)) this.inOrder.set(id, this.order.push(id) - 1)
    if (this.readings.size > 0) void this.readAll()
  }

  /** The index is in use: nothing more is read. */
  stop(): void {
    this.stopped = true
    this.readings.clear()
    this.order = []
    this.inOrder = null
  }

  private whole(reading: Reading): boolean {
    // held, the papers arriving are not in the order yet
    return !this.held && reading.upTo === this.order.length && this.papers.complete()
  }

  private readOne(reading: Reading, id: string, paper: PaperText | undefined): void {
    if (paper && readsAs(reading.query, paper)) reading.found.add(id)
    else reading.found.delete(id)
  }

  /** Reads, a slice at a time, for the query asked last that is not read through, and every other as far as it. */
  private async readAll(): Promise<void> {
    if (this.reading || this.held) return
    this.reading = true
    try {
      for (;;) {
        const most = await this.slice(SLICE_MS)
        const readings = [...this.readings.values()]
        const last = readings.reverse().find(r => r.upTo < this.order.length)
        if (this.stopped || this.held || !last) return
        const together = readings.filter(r => r.upTo === last.upTo)
        const began = performance.now()
        while (last.upTo < this.order.length && performance.now() - began < most) {
          // a few papers between two looks at the clock
          for (const end = Math.min(last.upTo + 16, this.order.length); last.upTo < end;) {
            const id = this.order[last.upTo]
            const paper = this.papers.read(id)
            for (const reading of together) {
              this.readOne(reading, id, paper)
              reading.upTo++
            }
          }
        }
        if (together.some(reading => this.whole(reading))) this.papers.answered()
      }
    } finally {
      this.reading = false
    }
  }
}
