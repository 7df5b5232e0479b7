// Searches answered by reading the papers one by one, for the seconds before
// the search index is in use (opening again, or the worker rebuilding it).
// Reading 100,000 papers against a query took most of a second in one task,
// so they are read a slice at a time in the window's idle time, the query
// asked last first, and the list says it is searching until the answer is
// whole. A paper that changes is read again at once for every query, so an
// answer given stays right until the index takes over.
import type { Query } from '@shared/search/index'
import { matchesQuery } from '@shared/search/match'
import type { NotesText, SearchableItem } from '@shared/search/fields'
import { idleSlice } from './turns'

/** the queries whose readings are kept (the ones being typed and shown: the list's, the facets' years) */
const KEPT_QUERIES = 4
/** work done in one idle slice (ms): the researcher may type meanwhile */
const SLICE_MS = 10

export interface ReadablePapers {
  /** every paper's id, when the library is whole in memory; undefined while it is still coming in */
  ids: () => string[] | undefined
  /** the paper with what a search reads (its abstract too), and its notes */
  read: (id: string) => { item: SearchableItem; notes: NotesText } | undefined
  /** a query's answer is whole: the views ask again */
  answered: () => void
}

interface Reading {
  query: Query
  ids: string[]
  upTo: number
  found: Set<string>
}

export class SearchByReading {
  /** the latest queries, the one asked last at the end */
  private readings = new Map<string, Reading>()
  private reading = false
  private stopped = false

  constructor(
    private readonly papers: ReadablePapers,
    private readonly slice: (most: number) => Promise<number> = idleSlice
  ) {}

  /** The ids of the papers the query matches, or undefined while they are being read (`answered` is called when they are). */
  answer(key: string, query: Query): string[] | undefined {
    let reading = this.readings.get(key)
    if (reading) this.readings.delete(key)
    else {
      const ids = this.papers.ids()
      if (!ids) return undefined
      reading = { query, ids, upTo: 0, found: new Set() }
    }
    this.readings.set(key, reading)
    if (this.readings.size > KEPT_QUERIES) this.readings.delete(this.readings.keys().next().value!)
    if (reading.upTo === reading.ids.length) return [...reading.found]
    void this.readAll()
    return undefined
  }

  /** A paper was added, changed or removed: read again for every query, so no answer given holds it wrongly. */
  changed(id: string): void {
    if (this.readings.size === 0) return
    const paper = this.papers.read(id)
    for (const reading of this.readings.values()) this.readOne(reading, id, paper)
  }

  /** The index is in use: nothing more is read. */
  stop(): void {
    this.stopped = true
    this.readings.clear()
  }

  private readOne(reading: Reading, id: string, paper = this.papers.read(id)): void {
    if (paper && matchesQuery(reading.query, paper.item, paper.notes)) reading.found.add(id)
    else reading.found.delete(id)
  }

  /** Reads, a slice at a time, for the query asked last that is not read through. */
  private async readAll(): Promise<void> {
    if (this.reading) return
    this.reading = true
    try {
      for (;;) {
        const most = await this.slice(SLICE_MS)
        const reading = [...this.readings.values()].reverse().find(r => r.upTo < r.ids.length)
        if (this.stopped || !reading) return
        const began = performance.now()
        while (reading.upTo < reading.ids.length && performance.now() - began < most) {
          // a few papers between two looks at the clock
          for (const end = Math.min(reading.upTo + 16, reading.ids.length); reading.upTo < end; reading.upTo++) this.readOne(reading, reading.ids[reading.upTo])
        }
        if (reading.upTo === reading.ids.length) this.papers.answered()
      }
    } finally {
      this.reading = false
    }
  }
}
