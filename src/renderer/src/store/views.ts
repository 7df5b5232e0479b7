// Which items the list shows, in which order: the chosen view (All items,
// Unfiled, a collection, Trash…), the search, the tag filter and the sort.
import type { Item } from '../../../shared/model'
import { foldText } from '../../../shared/text'
import { firstAuthorLabel } from '../../../shared/display'
import { itemTagKeys } from '../../../shared/tags'
import type { LibraryStore } from './library-store'
import { SortedOrder, type SortKey } from './sorted-order'

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
export const RECENT_MS = 30 * 24 * 3600 * 1000

/** What each sortable column sorts by (folded text, so case and accents do not matter). */
export const SORT_KEYS: Record<SortColumn, SortKey> = {
  title: (item) => foldText(item.csl.title ?? ''),
  author: (item) => foldText(firstAuthorLabel(item)),
  year: (item) => item.year ?? 0,
  journal: (item) => foldText(item.csl['container-title'] ?? ''),
  added: (item) => item.addedAt,
  modified: (item) => item.modifiedAt,
  rating: (item) => item.rating ?? 0,
  // unread, reading, read: how far the researcher got
  status: (item) => (item.readStatus === 'read' ? 2 : item.readStatus === 'reading' ? 1 : 0),
  key: (item) => foldText(item.citationKey ?? '')
}

const sortedOrder = new SortedOrder((column) => SORT_KEYS[column as SortColumn])

export function inView(item: Item, view: ViewId, now: number, descendants?: Set<string>): boolean {
  if (view.kind === 'trash') return item.trashedAt !== undefined
  if (item.trashedAt !== undefined) return false
  switch (view.kind) {
    case 'unfiled':
      return item.collectionIds.length === 0
    case 'recent':
      return now - item.addedAt < RECENT_MS
    case 'collection':
      return item.collectionIds.some((id) => id === view.id || descendants?.has(id))
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

export function visibleItems(store: LibraryStore, state: ViewState, context: ViewContext): Item[] {
  const query = [state.view.kind === 'saved' ? state.view.query : '', state.search].filter((q) => q.trim()).join(' ')
  const matching = query.trim() ? new Set(store.search(query, state.fullText !== false)) : undefined
  const ordered = sortedOrder.get(store, state.sort.column)
  const out: Item[] = []
  const ascending = state.sort.direction === 'asc'
  for (let i = 0; i < ordered.length; i++) {
    const item = ordered[ascending ? i : ordered.length - 1 - i]
    if (!inView(item, state.view, context.now, context.descendants)) continue
    if (state.view.kind === 'duplicates' && !context.duplicateIds?.has(item.id)) continue
    if (matching && !matching.has(item.id)) continue
    if (state.tags.length && !state.tags.every((tag) => itemTagKeys(item).includes(tag))) continue
    out.push(item)
  }
  return out
}
