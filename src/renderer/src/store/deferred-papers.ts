// The papers of large batches (an import of thousands) that the search index
// in use does not hold yet: the worker indexes them from the change log, and
// searches read them meanwhile. Each is read once per recent query, as it
// comes, and the answers are kept by its place in the order the papers came,
// so the list on screen costs nothing more to draw while an import runs (the
// answers as ids too, added to at each showing). A query asked when many
// papers are deferred catches up a few papers at each paper that comes.
// Kept apart from the index in use (live-index.ts), which only asks which
// papers are deferred and what a query matches among them.
import { firstAtLeast } from '@shared/first-at-least'
import { parseQuery, type Query } from '@shared/search/index'
import type { SearchableItem } from '@shared/search/fields'
import { readsAs, type PaperText } from '@shared/search/paper-reading'
import { PartedMap, PartedSet } from '@shared/parted-map'

/** queries whose answers over the deferred papers are kept (the ones being typed and shown) */
const SCANNED_QUERIES = 3
/** papers a remembered query reads at each paper added: the new one, and more when it fell behind */
const CATCH_UP = 32

/** A recent query's matches (their places in the deferred order, ascending) among the first `upTo` deferred papers. */
interface Scan {
  query: Query
  upTo: number
  found: number[]
  /** the ids at the first `of` places of `found` that are still deferred there, as of the `changes`-th change */
  listed?: { ids: string[]; of: number; changes: number }
}

/** Whether the ascending `places` hold `place`. */
function holds(places: readonly number[], place: number): boolean {
  return places[firstAtLeast(places.length, i => places[i] < place)] === place
}

export interface DeferredReading {
  /** the store's copy of a paper */
  item: (id: string) => SearchableItem | undefined
  /** a paper as a search reads it (its abstract kept apart) */
  text: (item: SearchableItem) => PaperText
}

export class DeferredPapers {
  // parted: with the abstracts' map (live-index.ts), these grew at the same paper, in one task (parted-map.ts)
  private deferred = new PartedSet()
  /**
   * the deferred papers in the order they came, and each recent query's matches among the first `upTo` of them (by
   * place). A paper deferred again (a second batch changed it) comes again at the end; its earlier place is stale.
   */
  private order: string[] = []
  /** each paper's latest place in `order` */
  private placeOf = new PartedMap<number>()
  private scanned = new Map<string, Scan>()
  /** how many times papers stopped being deferred or came again at a new place: each makes the listed matches stale */
  private changes = 0

  constructor(private readonly reading: DeferredReading) {}

  get size(): number {
    return this.deferred.size
  }

  has(id: string): boolean {
    return this.deferred.has(id)
  }

  /** The paper is no longer deferred (changed in the index in use, or removed); whether it was. */
  delete(id: string): boolean {
    if (!this.deferred.delete(id)) return false
    this.changes++
    return true
  }

  /** A paper of a large batch, as the event gave it: the queries on screen answer for it now, in the slice that brought it. */
  add(item: SearchableItem): void {
    this.deferred.add(item.id)
    if (this.placeOf.has(item.id)) this.changes++
    // read again at its new place if it was read before (a second batch changed it), the others not: every deferred
    // paper read again, and the deferred set copied, for each paper of a second batch made a whole-library collect
    // after a whole-library tag quadratic (tasks of 0.3-5 s at 100,000 papers while the tag's index was on its way)
    this.placeOf.set(item.id, this.order.length)
    this.order.push(item.id)
    // read as the event gave it, with its abstract kept (the store's copy has none); a query that fell behind reads a
    // few more papers at each paper added, catching up over the next slices (reading every paper it had not read in the
    // add that found it behind was a task of 75 ms of CPU at 100,000 .nbib entries, traced)
    for (const entry of this.scanned.values()) this.scanUpTo(entry, item, entry.upTo + CATCH_UP)
  }

  /**
   * Only `still` stay deferred (the new index holds the others). Their order is kept, and so are the remembered
   * queries' matches among them: reading them again made the next search after an index arrived mid-import read
   * every paper deferred since the job began at once (a task of 60-70 ms of CPU at 100,000 .nbib entries, traced).
   */
  keepOnly(still: ReadonlySet<string> | PartedSet): void {
    const places = still.size * 4 < this.order.length ? this.placesOf(still) : this.placesKept(still)
    const order = places.map(place => this.order[place])
    // each old place's new one, -1 where the paper is no longer deferred (or comes again later)
    const moved = new Int32Array(this.order.length).fill(-1)
    places.forEach((place, now) => (moved[place] = now))
    for (const entry of this.scanned.values()) {
      let upTo = 0
      for (let place = 0; place < entry.upTo; place++) if (moved[place] >= 0) upTo++
      entry.upTo = upTo
      entry.found = entry.found.map(place => moved[place]).filter(place => place >= 0)
    }
    this.deferred = new PartedSet(order)
    this.changes++
    this.order = order
    this.placeOf = new PartedMap<number>()
    order.forEach((id, place) => this.placeOf.set(id, place))
  }

  /**
   * The places of these papers, ascending: only they are looked up, not every paper deferred (after a whole-library
   * change none stays deferred, and looking up each of 100,000 papers was most of the task the index arrived in).
   */
  private placesOf(ids: Iterable<string>): number[] {
    const places: number[] = []
    for (const id of ids) {
      const place = this.placeOf.get(id)
      if (place !== undefined) places.push(place)
    }
    return places.sort((a, b) => a - b)
  }

  /** The places, ascending, of the papers that `still` holds, every deferred paper looked at (for many kept). */
  private placesKept(still: { has(id: string): boolean }): number[] {
    const places: number[] = []
    this.order.forEach((id, place) => {
      if (this.placeOf.get(id) === place && still.has(id)) places.push(place)
    })
    return places
  }

  /** Reads the papers the query has not read, up to the place `end` (all of them when not given). */
  private scanUpTo(entry: Scan, newest?: SearchableItem, end = Infinity): void {
    const { item: itemOf, text } = this.reading
    const last = Math.min(end, this.order.length)
    for (; entry.upTo < last; entry.upTo++) {
      const id = this.order[entry.upTo]
      // a paper deferred again later is read at its later place
      if (this.placeOf.get(id) !== entry.upTo) continue
      // read a field at a time: an abstract kept as bytes is decoded only when no other field answers
      const item = newest?.id === id ? newest : itemOf(id)
      if (item && readsAs(entry.query, text(item))) entry.found.push(entry.upTo)
    }
  }

  /**
   * The deferred papers a query matches (read once each). The few latest
   * queries are remembered even while nothing is deferred, so the papers of
   * an import are read for the query on screen as they come in.
   */
  matches(query: Query | string, within?: ReadonlySet<string>): readonly string[] {
    const entry = this.remembered(query)
    this.scanUpTo(entry)
    if (!this.deferred.size) return []
    // a few papers (those a showing of an import adds): each looked up among the matches, not every match gone through
    // (at each showing of a 100,000-entry import, up to 100,000 matches for a few thousand papers)
    if (within && within.size < entry.found.length) {
      const places: number[] = []
      for (const id of within) {
        const place = this.placeOf.get(id)
        if (place !== undefined && this.deferred.has(id) && holds(entry.found, place)) places.push(place)
      }
      return places.sort((a, b) => a - b).map(place => this.order[place])
    }
    const found = this.listed(entry)
    return within ? found.filter(id => within.has(id)) : found
  }

  /**
   * The query's matches still deferred, as ids: the list made at the last showing, with those found since added. Made
   * anew at each showing, it was a task of 43 ms at 100,000 .nbib entries (traced); made anew only after a paper stopped
   * being deferred or came again.
   */
  private listed(entry: Scan): readonly string[] {
    let listed = entry.listed
    if (listed?.changes !== this.changes) listed = entry.listed = { ids: [], of: 0, changes: this.changes }
    const { ids } = listed
    for (; listed.of < entry.found.length; listed.of++) {
      const place = entry.found[listed.of]
      const id = this.order[place]
      if (this.placeOf.get(id) === place && this.deferred.has(id)) ids.push(id)
    }
    return ids
  }

  /** The query, parsed, remembered among the latest (the latest now), its deferred papers not read yet if it is new. */
  remember(query: Query | string): Query {
    return this.remembered(query).query
  }

  private remembered(query: Query | string): Scan {
    const key = typeof query === 'string' ? query : JSON.stringify(query)
    let entry = this.scanned.get(key)
    if (entry) this.scanned.delete(key)
    else entry = { query: typeof query === 'string' ? parseQuery(query) : query, upTo: 0, found: [] }
    this.scanned.set(key, entry)
    if (this.scanned.size > SCANNED_QUERIES) this.scanned.delete(this.scanned.keys().next().value!)
    return entry
  }
}
