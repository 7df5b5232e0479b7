// Which papers the Dashboard plots: the whole library, one collection (with
// its sub-collections) or a saved search — and the view that lists them when
// a plot is clicked.
import type { Collection } from '@shared/model'
import { descendantsOf } from '../../library/collections'
import type { SavedSearch } from '../../library/schema'
import type { LibraryStore } from '../../store/library-store'
import { visibleItems, type ViewId, type ViewList } from '../../store/views'

export type Scope = { kind: 'all' } | { kind: 'collection'; id: string } | { kind: 'saved'; id: string; query: string }

export interface ScopeOption {
  /** the <option> value */
  key: string
  label: string
  scope: Scope
}

export function scopeOptions(collections: Collection[], saved: SavedSearch[]): ScopeOption[] {
  return [
    { key: 'all', label: 'All items', scope: { kind: 'all' } },
    ...[...collections]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(c => ({ key: `collection:${c.id}`, label: `Collection: ${c.name}`, scope: { kind: 'collection', id: c.id } as Scope })),
    ...[...saved]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(s => ({ key: `saved:${s.id}`, label: `Saved search: ${s.name}`, scope: { kind: 'saved', id: s.id, query: s.query } as Scope }))
  ]
}

export function scopeItems(store: LibraryStore, scope: Scope, collections: Collection[]): ViewList {
  const descendants = scope.kind === 'collection' ? descendantsOf(collections, scope.id) : undefined
  return visibleItems(store, { view: scope, search: '', tags: [], sort: { column: 'year', direction: 'asc' } }, { now: Date.now(), descendants })
}

/** The library view that lists a scope's papers. */
export const scopeView = (scope: Scope): ViewId => scope
