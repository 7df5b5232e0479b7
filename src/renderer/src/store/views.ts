// Which items the list shows, in which order: the chosen view (All items,
// Unfiled, a collection, Trash…), the search, the tag filter and the sort.
import type { LightItem } from '@shared/model'
import { foldText } from '@shared/text'
import { firstAuthorLabel } from '@shared/display'
import { itemTagKeys } from '@shared/tags'
import type { LibraryStore } from './library-store'
import { SortedOrder, type SortKey } from './sorted-order'
import { patchList, type PreviousList } from './view-patch'

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
  author: item => foldText(firstAuthorLabel(item)),
  year: item => item.year ?? 0,
  journal: item => foldText(item.csl['container-title'] ?? ''),
  added: item => item.addedAt,
  modified: item => item.modifiedAt,
  rating: item => item.rating ?? 0,
  // unread, reading, read: how far the researcher got
  status: item => (item.readStatus === 'read' ? 2 : item.readStatus === 'reading' ? 1 : 0),
  key: item => foldText(item.citationKey ?? '')
}

const sortedOrder = new SortedOrder(column => SORT_KEYS[column as SortColumn])
/** sorted beforehand, once the library is in memory and searchable: folding and sorting 100,000 titles was a 400 ms click */
const PREPARED_COLUMNS: SortColumn[] = ['title', 'author', 'journal', 'year']

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

/** The last list worked out for each view state (the shell keeps one state object until it changes). */
const previousLists = new WeakMap<ViewState, PreviousList & { descendants?: Set<string> }>()

export function visibleItems(store: LibraryStore, state: ViewState, context: ViewContext): LightItem[] {
  const query = [state.view.kind === 'saved' ? state.view.query : '', state.search].filter(q => q.trim()).join(' ')
  const fullText = state.fullText !== false
  const passes = (item: LightItem): boolean =>
    inView(item, state.view, context.now, context.descendants) &&
    (state.view.kind !== 'duplicates' || context.duplicateIds?.has(item.id) === true) &&
    (!state.tags.length || state.tags.every(tag => itemTagKeys(item).includes(tag)))
  // "Recently added" moves with the clock and Duplicates with the pairs: those are always rebuilt.
  const previous = state.view.kind === 'recent' || state.view.kind === 'duplicates' ? undefined : previousLists.get(state)
  const patched =
    previous && previous.descendants === context.descendants
      ? patchList(store, previous, {
          key: SORT_KEYS[state.sort.column],
          ascending: state.sort.direction === 'asc',
          passes,
          matching: ids => {
            if (!query.trim()) return undefined
            // the full-text index answers for papers with PDF text; it cannot be asked about a few ids
            if (fullText && store.fullText.size > 0 && [...ids].some(id => store.fullText.has(id))) return null
            return new Set(store.index.search(query, { within: ids }))
          }
        })
      : null
  const out = patched ?? fullList(store, state, query, fullText, passes)
  previousLists.set(state, { store, version: store.version, items: out, descendants: context.descendants })
  // after the open's heavy work (its garbage collections lengthened the open's long tasks when the sorts ran alongside)
  if (store.complete && store.index.ready) void sortedOrder.prepare(store, PREPARED_COLUMNS)
  return out
}

function fullList(store: LibraryStore, state: ViewState, query: string, fullText: boolean, passes: (item: LightItem) => boolean): LightItem[] {
  const matching = query.trim() ? new Set(store.search(query, fullText)) : undefined
  const ordered = sortedOrder.get(store, state.sort.column)
  const out: LightItem[] = []
  const ascending = state.sort.direction === 'asc'
  for (let i = 0; i < ordered.length; i++) {
    const item = ordered[ascending ? i : ordered.length - 1 - i]
    if (matching && !matching.has(item.id)) continue
    if (!passes(item)) continue
    out.push(item)
  }
  return out
}

/** Papers in the library and in the Trash, kept up to date from the change log rather than counted each time. */
let trashedCount: { store: LibraryStore; version: number; trashed: Set<string> } | undefined

export function libraryCounts(store: LibraryStore): { all: number; trash: number } {
  const changed = trashedCount?.store === store ? store.changedSince(trashedCount.version) : null
  if (!trashedCount || changed === null) {
    const trashed = new Set<string>()
    for (const item of store.items.values()) if (item.trashedAt !== undefined) trashed.add(item.id)
    trashedCount = { store, version: store.version, trashed }
  } else {
    for (const id of changed) {
      if (store.items.get(id)?.trashedAt !== undefined) trashedCount.trashed.add(id)
      else trashedCount.trashed.delete(id)
    }
    trashedCount.version = store.version
  }
  const trash = trashedCount.trashed.size
  return { all: store.items.size - trash, trash }
}
