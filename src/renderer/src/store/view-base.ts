// The papers a view shows before any search, in the order shown, kept while
// the researcher types: a keystroke then only marks the papers the search
// index found, by their place in that list, instead of reading each of
// 100,000 papers again (its id, whether it is in the Trash, its tags): that
// reading was most of a keystroke at 100k.
import type { LightItem } from '@shared/model'
import type { ItemNumbers } from '@shared/search/index'
import type { LibraryStore } from './library-store'
import { patchList } from './view-patch'
import type { SortKey } from './sorted-order'
import { atOnce, inIdleTurns, inTurns } from './turns'

/** papers walked between two looks at the clock */
const STEP = 1024

export interface BaseList {
  /** every paper the view and tag filter let through, in the order shown */
  items: LightItem[]
  /** each paper's place in `items`, made at the first search of this list */
  places?: Map<string, number>
  /** the place of each of the search index's item numbers (-1: not in the list), while those numbers stand */
  byNumber?: { numbers: ItemNumbers; version: number; places: Int32Array }
  /** the list as last shown, before a change whose showing is being prepared: not this version's list */
  asShownBefore?: boolean
}

export interface BaseRules {
  /** what decides the papers and their order, apart from the search (view, tag filter, sort) */
  key: string
  /** what decides the papers alone (view, tag filter): a list kept in another order holds the same papers */
  papers: string
  /** the chosen collection's sub-collections: another set is another list */
  descendants?: Set<string>
  sortKey: SortKey
  ascending: boolean
  passes: (item: LightItem) => boolean
  /** every paper in this sort order, ascending, up to date */
  order: () => LightItem[]
  /** the same, brought up to date a slice at a time (before a large batch is shown), with the version it shows */
  orderInTurns: () => Promise<{ items: LightItem[]; version: number }>
}

interface Kept extends BaseList {
  store: LibraryStore
  version: number
  rules: BaseRules
}

/** One list per store is kept: typing keeps the view, tags and sort; choosing others makes another. */
const keptLists = new WeakMap<LibraryStore, Kept>()

/** The view's papers in order before the search: kept, patched after a few changes to the library, or built. */
export function keptBase(store: LibraryStore, rules: BaseRules): BaseList {
  const { key, descendants } = rules
  const kept = keptLists.get(store)
  let items: LightItem[] | null = null
  if (kept && kept.rules.key === key && kept.rules.descendants === descendants) {
    if (kept.version === store.version) return numberedBeforehand(store, kept)
    items = patchList(store, kept, { key: rules.sortKey, ascending: rules.ascending, passes: rules.passes, matching: () => undefined })
    // no paper of it changed (the index came into use, a column's order made): its places stand
    if (items === kept.items) return numberedBeforehand(store, Object.assign(kept, { version: store.version }))
    // a large batch's showing is being prepared (its list made a slice at a time, catchUp): drawn meanwhile (the index's
    // progress, a status line), the list is shown as before, not made at once (a merge of 100,000 papers in one task)
    if (!items && store.preparingShowing) return { ...kept, asShownBefore: true }
  }
  if (!kept) store.beforeShowing(() => catchUp(store))
  const list = { store, version: store.version, rules, items: items ?? inNewOrder(store, kept, rules) }
  keptLists.set(store, list)
  // a list patched after a change is not numbered beforehand: the change moved the index's numbers too (an import's
  // showings would each walk the list again)
  return items ? list : numberedBeforehand(store, list)
}

/**
 * The view's papers in the order of `rules`. When the list kept in another order holds the same papers, up to date, and
 * as many as the whole order, every paper passes: the order is copied, no paper read (a column clicked in All items at
 * 100,000 papers walked them all, 10-40 ms of the click).
 */
function inNewOrder(store: LibraryStore, kept: Kept | undefined, rules: BaseRules): LightItem[] {
  const ordered = rules.order()
  const samePapers = kept?.version === store.version && kept.rules.papers === rules.papers && kept.rules.descendants === rules.descendants
  if (!samePapers || kept.items.length !== ordered.length) return atOnce(inOrder(ordered, rules.ascending, rules.passes))
  return rules.ascending ? ordered.slice() : ordered.slice().reverse()
}

/** The kept list numbered beforehand (above), if it is not yet: a list shown again unchanged does not ask for it. */
export function numberKeptList(store: LibraryStore): void {
  const kept = keptLists.get(store)
  if (kept) numberedBeforehand(store, kept)
}

/** the index's numbers (and their version) each kept list's places by number are being made for */
const numbering = new WeakMap<Kept, { numbers: ItemNumbers; version: number }>()

/**
 * The list's places by the search index's item numbers made a slice at a time in the window's idle time, once the
 * index is in use, so its first search reads no id: made at that search, a facet chosen after a sort (or after the
 * index came into use at a first open) was a task of 83-107 ms at 100,000 papers, most of it looking up every id.
 */
function numberedBeforehand(store: LibraryStore, list: Kept): Kept {
  const numbers = store.index.numbers
  if (!numbers) return list
  const { version } = numbers
  const made = list.byNumber ?? numbering.get(list)
  if (made?.numbers === numbers && made.version === version) return list
  numbering.set(list, { numbers, version })
  void inIdleTurns(placesByNumber(list.items, numbers)).then(places => {
    // the numbers moved meanwhile (a paper changed), or the list was made at a search first: those stand
    if (numbers.version === version && !(list.byNumber?.numbers === numbers && list.byNumber.version === version)) list.byNumber = { numbers, version, places }
  })
  return list
}

/**
 * The kept list if it holds these papers in another order (the sort before a column was clicked), patched after a few
 * changes to the library; undefined when it holds other papers or cannot be patched.
 */
export function keptInAnotherOrder(store: LibraryStore, rules: BaseRules): BaseList | undefined {
  const kept = keptLists.get(store)
  if (!kept || kept.rules.papers !== rules.papers || kept.rules.descendants !== rules.descendants) return undefined
  if (kept.version === store.version) return kept
  const items = patchList(store, kept, { key: kept.rules.sortKey, ascending: kept.rules.ascending, passes: kept.rules.passes, matching: () => undefined })
  if (!items) return undefined
  const list = { store, version: store.version, rules: kept.rules, items }
  keptLists.set(store, list)
  return list
}

/**
 * Before a large batch is shown (an import's 100,000 papers): the kept list is built again a slice at a time, and its
 * places if a search used them, so the list drawn then only reads it. Built at the showing, the sort order's merge,
 * the walk and the places were one task of 0.3-1.1 s at 100,000 papers.
 */
async function catchUp(store: LibraryStore): Promise<void> {
  const kept = keptLists.get(store)
  if (!kept || kept.version === store.version) return
  const { items: ordered, version } = await kept.rules.orderInTurns()
  const items = await inTurns(inOrder(ordered, kept.rules.ascending, kept.rules.passes))
  const places = kept.places && (await inTurns(placesInSlices(items)))
  // the search index's numbers too, once it is in use: worked out at the first keystroke, a task of 80-100 ms at 100,000 papers
  const numbers = store.index.numbers
  const byNumber = numbers && { numbers, version: numbers.version, places: await inTurns(placesByNumber(items, numbers)) }
  // another view chosen meanwhile, or a newer list: that one stands
  const now = keptLists.get(store)
  if (now && now.rules.key === kept.rules.key && now.rules.descendants === kept.rules.descendants && now.version < version)
    keptLists.set(store, { store, version, rules: now.rules, items, places, byNumber })
}

/** The papers of an order that pass the view and tag filter, in the order shown. */
export function* inOrder(ordered: LightItem[], ascending: boolean, passes: (item: LightItem) => boolean): Generator<void, LightItem[]> {
  const out: LightItem[] = []
  for (let i = 0; i < ordered.length; i++) {
    const item = ordered[ascending ? i : ordered.length - 1 - i]
    if (passes(item)) out.push(item)
    if (i % STEP === STEP - 1) yield
  }
  return out
}

/** Of a base list, the papers with these ids (a search's answer), in the list's order. */
export function foundIn(base: BaseList, ids: readonly string[]): LightItem[] {
  const places = (base.places ??= atOnce(placesInSlices(base.items)))
  const found = new Uint8Array(base.items.length)
  for (const id of ids) {
    const at = places.get(id)
    if (at !== undefined) found[at] = 1
  }
  return listed(base.items, found)
}

/** Of a base list, the papers the search index marked by item number, in the list's order: no id is read at a keystroke. */
export function markedIn(base: BaseList, marks: Uint8Array, numbers: ItemNumbers): LightItem[] {
  let byNumber = base.byNumber
  if (!byNumber || byNumber.numbers !== numbers || byNumber.version !== numbers.version)
    byNumber = base.byNumber = { numbers, version: numbers.version, places: atOnce(placesByNumber(base.items, numbers)) }
  const found = new Uint8Array(base.items.length)
  const { places } = byNumber
  for (let n = 0; n < marks.length && n < places.length; n++) if (marks[n] && places[n] >= 0) found[places[n]] = 1
  return listed(base.items, found)
}

function listed(items: LightItem[], found: Uint8Array): LightItem[] {
  const out: LightItem[] = []
  for (let i = 0; i < found.length; i++) if (found[i]) out.push(items[i])
  return out
}

/**
 * The place in the list of each item number of the search index (-1: not in the list; numbers past the end are not).
 * A paper's number is looked for first next to its neighbour's: the list by date added is in the index's order, or its
 * reverse (the library is read and indexed by date added), and comparing two ids is a tenth of looking one up among
 * 100,000. The others (papers edited since, which the index numbers in the order of change) are looked up among the
 * numbers not met that way, few when most of the list is in the index's order and most of the library is in the list;
 * else among every number.
 */
function* placesByNumber(items: LightItem[], numbers: ItemNumbers): Generator<void, Int32Array> {
  const { count } = numbers
  const numberAt = new Int32Array(items.length).fill(-1)
  const met = new Uint8Array(count)
  let last = items.length > 0 && numbers.idAt(count - 1) === items[0].id ? count : -1
  let missed = 0
  for (let i = 0; i < items.length; i++) {
    const id = items[i].id
    const n = numbers.idAt(last - 1) === id ? last - 1 : numbers.idAt(last + 1) === id ? last + 1 : -1
    if (n >= 0) {
      numberAt[i] = last = n
      met[n] = 1
    } else missed++
    if (i % STEP === STEP - 1) yield
  }
  if (missed > 0) {
    const few = missed * 4 < items.length && items.length * 2 >= count
    // the index's own numbers by id, made a slice at a time here if not yet: at once, in this idle work, they were a task
    // of 60-500 ms at 100,000 papers after a whole-library change (the worker's new index comes without them)
    if (!few) yield* numbers.byIdInSteps()
    const numberOf = few ? yield* unmetNumbers(numbers, met) : (id: string) => numbers.of(id)
    for (let i = 0; i < items.length; i++) {
      if (numberAt[i] < 0) numberAt[i] = numberOf(items[i].id) ?? -1
      if (i % STEP === STEP - 1) yield
    }
  }
  let top = -1
  for (let i = 0; i < items.length; i++) if (numberAt[i] > top) top = numberAt[i]
  const places = new Int32Array(top + 1).fill(-1)
  for (let i = 0; i < items.length; i++) if (numberAt[i] >= 0) places[numberAt[i]] = i
  return places
}

/** The numbers of the index's items by id, but those `met` already. */
function* unmetNumbers(numbers: ItemNumbers, met: Uint8Array): Generator<void, (id: string) => number | undefined> {
  const unmet = new Map<string, number>()
  for (let n = 0; n < met.length; n++) {
    const id = met[n] ? undefined : numbers.idAt(n)
    if (id !== undefined) unmet.set(id, n)
    if (n % STEP === STEP - 1) yield
  }
  return id => unmet.get(id)
}

function* placesInSlices(items: LightItem[]): Generator<void, Map<string, number>> {
  const places = new Map<string, number>()
  for (let i = 0; i < items.length; i++) {
    places.set(items[i].id, i)
    if (i % STEP === STEP - 1) yield
  }
  return places
}
