// Which items the list shows, in which order: the chosen view (All items,
// Unfiled, a collection, Trash…), the search, the tag filter and the sort.
import type { LightItem } from '@shared/model'
import { foldText } from '@shared/text'
import { firstAuthorLabel } from '@shared/display'
import { itemTagKeys } from '@shared/tags'
import type { LibraryStore } from './library-store'
import { SortedOrder, type KeySource, type SortKey } from './sorted-order'
import { patchList, type PatchRules, type PreviousList } from './view-patch'
import { foundIn, inOrder, keptBase, keptInAnotherOrder, markedIn, numberKeptList, type BaseList, type BaseRules } from './view-base'
import { atOnce } from './turns'
import { foldedOnce } from './folded-once'

export type ViewId =
  | { kind: 'all' }
  | { kind: 'unfiled' }
  | { kind: 'recent' }
  | { kind: 'duplicates' }
  | { kind: 'trash' }
  | { kind: 'collection'; id: string }
  | { kind: 'saved'; id: string; query: string }
  /** the Search PubMed view; `savedId` when opened from a saved PubMed search */
  | { kind: 'pubmed'; savedId?: string }
  /** plots of the library (features/dashboard) */
  | { kind: 'dashboard' }

export type SortColumn = 'title' | 'author' | 'year' | 'journal' | 'added' | 'modified' | 'rating' | 'status' | 'key'

export interface ViewState {
  view: ViewId
  search: string
  /** tag filter as `kind:name` keys (several = AND) */
  tags: string[]
  sort: { column: SortColumn; direction: 'asc' | 'desc' }
  /** search the text of attached PDFs too ("Include full text"); on unless false */
  fullText?: boolean
}

/** Papers added in the last 30 days count as recently added. */
const RECENT_MS = 30 * 24 * 3600 * 1000

/** What each sortable column sorts by (folded text, so case and accents do not matter). */
export const SORT_KEYS: Record<SortColumn, SortKey> = {
  title: item => foldText(item.csl.title ?? ''),
  author: item => foldedOnce(firstAuthorLabel(item)),
  year: item => item.year ?? 0,
  journal: item => foldedOnce(item.csl['container-title'] ?? ''),
  added: item => item.addedAt,
  modified: item => item.modifiedAt,
  rating: item => item.rating ?? 0,
  // unread, reading, read: how far the researcher got
  status: item => (item.readStatus === 'read' ? 2 : item.readStatus === 'reading' ? 1 : 0),
  key: item => foldText(item.citationKey ?? '')
}

/**
 * The field each column's key is made from, where it is one: a paper changed without changing it (tagged, filed,
 * trashed) keeps its key, which is not worked out again. (The first author's label is made from several.)
 */
const SORT_SOURCES: Partial<Record<SortColumn, KeySource>> = {
  title: item => item.csl.title,
  year: item => item.year,
  journal: item => item.csl['container-title'],
  added: item => item.addedAt,
  modified: item => item.modifiedAt,
  rating: item => item.rating,
  status: item => item.readStatus,
  key: item => item.citationKey
}

/**
 * Each library's kept sort orders, made at its first showing. A window shows one library; one order kept for every
 * library (the unit tests open many) let one library's sorts beforehand, still running, throw away another's.
 */
const sortedOrders = new WeakMap<LibraryStore, SortedOrder>()
function sortedOrderOf(store: LibraryStore): SortedOrder {
  let order = sortedOrders.get(store)
  if (!order) {
    order = new SortedOrder(
      store,
      column => SORT_KEYS[column as SortColumn],
      column => SORT_SOURCES[column as SortColumn],
      // the papers arrive at open by date added (the saved light form's order): that order is not sorted again
      column => (column === 'added' ? store.openedByDateAdded() : undefined)
    )
    sortedOrders.set(store, order)
  }
  return order
}
/**
 * Every column the list offers, sorted beforehand once the library is in memory and searchable, the likeliest first:
 * folding and sorting 100,000 titles was a 400 ms click, and a column sorted at the click (date modified, citation key,
 * rating, read) a task of 100-300 ms.
 */
const PREPARED_COLUMNS: SortColumn[] = ['title', 'author', 'journal', 'year', 'added', 'modified', 'key', 'rating', 'status']

function inView(item: LightItem, view: ViewId, now: number, descendants?: Set<string>): boolean {
  if (view.kind === 'trash') return item.trashedAt !== undefined
  if (item.trashedAt !== undefined) return false
  switch (view.kind) {
    case 'unfiled':
      return item.collectionIds.length === 0
    case 'recent':
      return now - item.addedAt < RECENT_MS
    case 'collection':
      return item.collectionIds.some(id => id === view.id || descendants?.has(id))
    default:
      return true
  }
}

export interface ViewContext {
  now: number
  /** ids of the chosen collection's sub-collections (a collection shows its children's papers too) */
  descendants?: Set<string>
  /** for the Duplicates view: ids that have a likely twin */
  duplicateIds?: Set<string>
}

/** What the list and the count say while a search is answered by reading the papers, or the papers still arrive (seconds after opening). */
export const SEARCHING_TEXT = 'Searching… (the library is loading)'

/** The papers a view shows; while a search is still being answered (papers read before the index is in use), none. */
export interface ViewList {
  items: LightItem[]
  /** the search's answer is not whole yet: the list says so, and fills when it is (the store's version moves) */
  searching: boolean
  /** the chosen column's order is being made a slice at a time: these papers are in the order shown before, and the list says so */
  sorting?: boolean
}

/** A library up to this size is sorted at the click when the column's order is not ready (a few milliseconds). */
const SORTED_AT_THE_CLICK = 5_000
/** Up to this many changes are merged into a kept order at the click. */
const MERGED_AT_THE_CLICK = 500

/** The last list worked out for each view state (the shell keeps one state object until it changes). */
const previousLists = new WeakMap<ViewState, PreviousList & { descendants?: Set<string> }>()

/** What a paper must pass to be in view (view, tags), and which of some changed papers the search matches. */
function viewRules(
  store: LibraryStore,
  state: ViewState,
  context: ViewContext
): Pick<PatchRules, 'passes' | 'matching'> & { query: string; fullText: boolean } {
  const query = [state.view.kind === 'saved' ? state.view.query : '', state.search].filter(q => q.trim()).join(' ')
  const fullText = state.fullText !== false
  const passes = (item: LightItem): boolean =>
    inView(item, state.view, context.now, context.descendants) &&
    (state.view.kind !== 'duplicates' || context.duplicateIds?.has(item.id) === true) &&
    (!state.tags.length || state.tags.every(tag => itemTagKeys(item).includes(tag)))
  const matching = (ids: ReadonlySet<string>): Set<string> | null | undefined => {
    if (!query.trim()) return undefined
    // the full-text index answers for papers with PDF text; it cannot be asked about a few ids
    if (fullText && store.fullText.size > 0 && [...ids].some(id => store.fullText.has(id))) return null
    return new Set(store.index.search(query, { within: ids }))
  }
  return { passes, matching, query, fullText }
}

/**
 * Of some changed papers, those the view shows now (the store's copies), found without reading the rest of the list;
 * null when the search cannot say for these papers.
 */
export function changedInView(store: LibraryStore, state: ViewState, context: ViewContext, ids: ReadonlySet<string>): LightItem[] | null {
  const { passes, matching, query } = viewRules(store, state, context)
  if (query && !store.index.ready) return null
  const matched = matching(ids)
  if (matched === null) return null
  const shown: LightItem[] = []
  for (const id of ids) {
    const item = store.items.get(id)
    if (item && (!matched || matched.has(id)) && passes(item)) shown.push(item)
  }
  return shown
}

export function visibleItems(store: LibraryStore, state: ViewState, context: ViewContext): ViewList {
  const { passes, matching, query, fullText } = viewRules(store, state, context)
  // "Recently added" moves with the clock and Duplicates with the pairs: those are always rebuilt.
  const previous = state.view.kind === 'recent' || state.view.kind === 'duplicates' ? undefined : previousLists.get(state)
  const patched =
    previous && previous.descendants === context.descendants
      ? patchList(store, previous, { key: SORT_KEYS[state.sort.column], ascending: state.sort.direction === 'asc', passes, matching })
      : null
  const { items: out, sorting, asShownBefore } = patched ? { items: patched, sorting: false } : fullList(store, state, context, passes, query, fullText)
  // after the open's heavy work (its garbage collections lengthened the open's long tasks when the sorts ran alongside)
  // and the kept list's places by the index's numbers, for its first search, and the index's numbers by id
  if (store.complete && store.index.ready) {
    void sortedOrderOf(store).prepare(PREPARED_COLUMNS)
    numberKeptList(store)
    store.index.prepareNumbers()
  }
  if (!out) return { items: [], searching: true }
  // a list in the order shown before, or as shown before a change being prepared, is not this state's list
  if (sorting || asShownBefore) return { items: out, searching: false, sorting }
  previousLists.set(state, { store, version: store.version, items: out, descendants: context.descendants })
  return { items: out, searching: false }
}

/**
 * When this column's order is not ready: the view's papers in the order shown before (or another order made), while
 * the column is sorted a slice at a time (the store's version moves when it is). A column clicked at 100,000 papers
 * before its order was made (the sorts beforehand wait for the index, which a first open builds for tens of seconds)
 * sorted the whole library in the click, a task of 0.1-0.8 s. Undefined when the order is ready, the library small, or
 * there is nothing to show meanwhile.
 */
function shownWhileSorting(store: LibraryStore, column: SortColumn, rules: BaseRules): BaseList | undefined {
  const order = sortedOrderOf(store)
  if (store.items.size <= SORTED_AT_THE_CLICK || order.has(column, MERGED_AT_THE_CLICK)) return undefined
  const ready = order.anyReady(MERGED_AT_THE_CLICK)
  const base = keptInAnotherOrder(store, rules) ?? (ready && { items: atOnce(inOrder(ready, true, rules.passes)) })
  if (base) void order.catchUp(column).then(() => store.redraw())
  return base
}

function fullList(
  store: LibraryStore,
  state: ViewState,
  context: ViewContext,
  passes: (item: LightItem) => boolean,
  query: string,
  fullText: boolean
): { items: LightItem[] | undefined; sorting: boolean; asShownBefore?: boolean } {
  const ascending = state.sort.direction === 'asc'
  const order = (): LightItem[] => sortedOrderOf(store).get(state.sort.column)
  const rules: BaseRules = {
    key: JSON.stringify([state.view, state.tags, state.sort]),
    papers: JSON.stringify([state.view, state.tags]),
    descendants: context.descendants,
    sortKey: SORT_KEYS[state.sort.column],
    ascending,
    passes,
    order,
    orderInTurns: () => sortedOrderOf(store).catchUp(state.sort.column)
  }
  const meanwhile = shownWhileSorting(store, state.sort.column, rules)
  // "Recently added" moves with the clock and Duplicates with the pairs: their lists are not kept.
  const base: BaseList =
    meanwhile ??
    (state.view.kind === 'recent' || state.view.kind === 'duplicates' ? { items: atOnce(inOrder(order(), ascending, passes)) } : keptBase(store, rules))
  const sorting = meanwhile !== undefined
  const { asShownBefore } = base
  if (!query.trim()) return { items: base.items, sorting, asShownBefore }
  const marked = store.searchMarks(query, fullText)
  if (marked) return { items: markedIn(base, marked.marks, marked.numbers), sorting, asShownBefore }
  const found = store.answer(query, fullText)
  return { items: found && foundIn(base, found), sorting, asShownBefore }
}

/** Up to this many chosen papers are found in the list by reference; more by reading every row's id. */
const FEW_CHOSEN = 32

/** Where the list shows this paper (-1: not shown), found by reference to the store's copy: the list holds those very objects. */
export function placeInList(store: LibraryStore, items: readonly LightItem[], id: string): number {
  const item = store.items.get(id)
  return item ? items.indexOf(item) : -1
}

/** Each selection's ids as a set, made once: the list is drawn again at each slice of a whole-library write, the selection the same. */
const chosenSets = new WeakMap<readonly string[], ReadonlySet<string>>()

function chosenSet(ids: readonly string[]): ReadonlySet<string> {
  let chosen = chosenSets.get(ids)
  if (!chosen) chosenSets.set(ids, (chosen = new Set(ids)))
  return chosen
}

/** Each large selection's last answer: the list it read and, place by place, which of its papers are chosen. */
const lastAnswers = new WeakMap<readonly string[], { list: readonly LightItem[]; chosen: Uint8Array; answer: LightItem[] }>()

/** How many places further on than the paper before a paper is looked for in the last list (papers that left it since). */
const LOOK_AHEAD = 4

/**
 * The chosen papers the list shows, in its order. A few are found by reference, so no paper of a 100,000-row list is read
 * at each keystroke just to learn that none or one is chosen. Many are read against the last list this selection was
 * found in: a paper at the place it had there (or a few places on) is chosen as it was, and only the others are looked
 * up by id. The list is drawn again at each showing of a whole-library write, its papers the same or fewer, in the same
 * order: looking 100,000 ids up in the selection's set each time was 25-65 ms of CPU (Node, load 14), this ~1-3 ms.
 */
export function chosenInList(store: LibraryStore, items: readonly LightItem[], ids: readonly string[]): LightItem[] {
  if (ids.length > FEW_CHOSEN) return manyChosen(items, ids)
  const places = [...new Set(ids)].map(id => placeInList(store, items, id)).filter(at => at >= 0)
  return places.sort((a, b) => a - b).map(at => items[at])
}

/**
 * Whether these are the ids of this list's papers, in its order (every paper of it chosen, as select-all chooses them):
 * then no set of 100,000 ids is made in the task that draws the list to learn that each is chosen.
 */
function isWholeList(items: readonly LightItem[], ids: readonly string[]): boolean {
  if (ids.length !== items.length) return false
  for (let at = 0; at < ids.length; at++) if (ids[at] !== items[at].id) return false
  return true
}

function manyChosen(items: readonly LightItem[], ids: readonly string[]): LightItem[] {
  const last = lastAnswers.get(ids)
  if (last?.list === items) return last.answer
  if (!last && isWholeList(items, ids)) {
    lastAnswers.set(ids, { list: items, chosen: new Uint8Array(items.length).fill(1), answer: items as LightItem[] })
    return items as LightItem[]
  }
  const before = last?.list ?? []
  const chosen = new Uint8Array(items.length)
  // made only for a paper not found by place (a whole list chosen and filed: none)
  let set: ReadonlySet<string> | undefined
  let count = 0
  for (let at = 0, was = 0; at < items.length; at++) {
    const item = items[at]
    const end = Math.min(before.length, was + LOOK_AHEAD)
    let found = was
    while (found < end && before[found] !== item && before[found].id !== item.id) found++
    if (found < end) {
      chosen[at] = last!.chosen[found]
      was = found + 1
    } else chosen[at] = (set ??= chosenSet(ids)).has(item.id) ? 1 : 0
    count += chosen[at]
  }
  // every paper shown chosen (a whole library selected): the list itself
  const answer = count === items.length ? (items as LightItem[]) : items.filter((_, at) => chosen[at] === 1)
  lastAnswers.set(ids, { list: items, chosen, answer })
  return answer
}

/**
 * Papers in the library and in the Trash, kept up to date from the change log rather than counted each time; counted
 * again when more than half the library changed (every paper trashed or restored: looking up each of 100,000 changed
 * ids, after making their set, took longer than reading every paper), but for the change of every paper at open: the
 * papers in the Trash were counted as they arrived (opened-order.ts). The ids kept are of the fewer: those in the
 * Trash, or those not (after every paper went to the Trash, a set of none rather than of 100,000 made in one task).
 */
let trashedCount: { store: LibraryStore; version: number; ids: Set<string>; inTrash: boolean } | undefined

export function libraryCounts(store: LibraryStore): { all: number; trash: number } {
  const most = store.items.size / 2
  let changed = trashedCount?.store === store ? store.changedSince(trashedCount.version, most) : null
  if (changed === null) {
    const opened = store.trashedWhenOpened()
    changed = opened ? store.changedSince(opened.version, most) : null
    if (opened && changed) trashedCount = { store, version: opened.version, ids: opened.trashed, inTrash: true }
  }
  if (!trashedCount || changed === null) trashedCount = counted(store)
  else {
    const { ids, inTrash } = trashedCount
    for (const id of changed) {
      const item = store.items.get(id)
      if (item && (item.trashedAt !== undefined) === inTrash) ids.add(id)
      else ids.delete(id)
    }
    trashedCount.version = store.version
  }
  const { ids, inTrash } = trashedCount
  const trash = inTrash ? ids.size : store.items.size - ids.size
  return { all: store.items.size - trash, trash }
}

/** Every paper counted: the ids of those in the Trash kept, or of those not when they are fewer. */
function counted(store: LibraryStore): NonNullable<typeof trashedCount> {
  let trash = 0
  for (const item of store.items.values()) if (item.trashedAt !== undefined) trash++
  const inTrash = trash <= store.items.size / 2
  const ids = new Set<string>()
  for (const item of store.items.values()) if ((item.trashedAt !== undefined) === inTrash) ids.add(item.id)
  return { store, version: store.version, ids, inTrash }
}
