// Which items the list shows, in which order: the chosen view (All items,
// Unfiled, a collection, Trash…), the search, the tag filter and the sort.
import type { Item } from '../../../shared/model'
import { foldText } from '../../../shared/text'
import { firstAuthorLabel } from '../../../shared/display'
import { itemTagKeys } from '../../../shared/tags'
import type { LibraryStore } from './library-store'

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

export type SortColumn = 'title' | 'author' | 'year' | 'journal' | 'added' | 'modified'

export interface ViewState {
  view: ViewId
  search: string
  /** tag filter as `kind:name` keys (several = AND) */
  tags: string[]
  sort: { column: SortColumn; direction: 'asc' | 'desc' }
}

/** Papers added in the last 30 days count as recently added. */
export const RECENT_MS = 30 * 24 * 3600 * 1000

const sortKeys = new WeakMap<Item, Record<SortColumn, string | number>>()

function keysOf(item: Item): Record<SortColumn, string | number> {
  let keys = sortKeys.get(item)
  if (!keys) {
    keys = {
      title: foldText(item.csl.title ?? ''),
      author: foldText(firstAuthorLabel(item)),
      year: item.year ?? 0,
      journal: foldText(item.csl['container-title'] ?? ''),
      added: item.addedAt,
      modified: item.modifiedAt
    }
    sortKeys.set(item, keys)
  }
  return keys
}

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

export function sortItems(items: Item[], sort: ViewState['sort']): Item[] {
  const sign = sort.direction === 'asc' ? 1 : -1
  const column = sort.column
  return items.sort((a, b) => {
    const x = keysOf(a)[column]
    const y = keysOf(b)[column]
    return x < y ? -sign : x > y ? sign : 0
  })
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
  const matching = query.trim() ? new Set(store.index.search(query)) : undefined
  const out: Item[] = []
  for (const item of store.items.values()) {
    if (!inView(item, state.view, context.now, context.descendants)) continue
    if (state.view.kind === 'duplicates' && !context.duplicateIds?.has(item.id)) continue
    if (matching && !matching.has(item.id)) continue
    if (state.tags.length && !state.tags.every((tag) => itemTagKeys(item).includes(tag))) continue
    out.push(item)
  }
  return sortItems(out, state.sort)
}
