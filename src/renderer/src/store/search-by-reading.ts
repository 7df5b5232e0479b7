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
// right until the index takes over.
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
  private inOrder: Set<string> | null = null
  private reading = false
  private stopped = false

  constructor(
    private readonly papers: ReadablePapers,
    private readonly slice: (most: number) => Promise<number> = idleSlice
  ) {}

  /** The ids of the papers the query matches, or undefined while they are being read (`answered` is called when they are). */
  answer(key: string, query: Query): string[] | undefined {
    if (this.stopped) return undefined
    if (!this.inOrder) {
      this.order = [...this.papers.ids()]
      this.inOrder = new Set(this.order)
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
    const paper = this.papers.read(id)
    const isNew = !this.inOrder.has(id)
    for (const reading of this.readings.values()) {
      const caughtUp = reading.upTo === this.order.length
      this.readOne(reading, id, paper)
      if (isNew && caughtUp) reading.upTo++
    }
    if (isNew) {
      this.order.push(id)
      this.inOrder.add(id)
    }
  }

  /** The index is in use: nothing more is read. */
  stop(): void {
    this.stopped = true
    this.readings.clear()
    this.order = []
    this.inOrder = null
  }

  private whole(reading: Reading): boolean {
    return reading.upTo === this.order.length && this.papers.complete()
  }

  private readOne(reading: Reading, id: string, paper: PaperText | undefined): void {
    if (paper && readsAs(reading.query, paper)) reading.found.add(id)
    else reading.found.delete(id)
  }

  /** Reads, a slice at a time, for the query asked last that is not read through, and every other as far as it. */
  private async readAll(): Promise<void> {
    if (this.reading) return
    this.reading = true
    try {
      for (;;) {
        const most = await this.slice(SLICE_MS)
        const readings = [...this.readings.values()]
        const last = readings.reverse().find(r => r.upTo < this.order.length)
        if (this.stopped || !last) return
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
