// Saved library searches: a name for a search text. The results are never
// stored; the view runs the query again on every change to the library.
import { ServiceError } from '@shared/result'
import type { NeurorefDb, SavedSearch } from './schema'
import { write } from './write'

function required(text: string, what: string): string {
  const trimmed = text.trim()
  if (!trimmed) throw new ServiceError('INVALID_INPUT', what)
  return trimmed
}

export async function saveSearch(db: NeurorefDb, name: string, query: string): Promise<SavedSearch> {
  const search: SavedSearch = {
    id: crypto.randomUUID(),
    name: required(name, 'A saved search needs a name.'),
    query: required(query, 'Type something into “Search library” before saving the search.'),
    createdAt: Date.now()
  }
  await write(db, [db.savedSearches], async changes => {
    await db.savedSearches.add(search)
    changes.record({ kind: 'search', change: 'added', ids: [search.id] })
  })
  return search
}

export async function renameSavedSearch(db: NeurorefDb, id: string, name: string): Promise<void> {
  const clean = required(name, 'A saved search needs a name.')
  await write(db, [db.savedSearches], async changes => {
    const search = await db.savedSearches.get(id)
    if (!search) throw new ServiceError('NOT_FOUND', 'That saved search no longer exists.')
    await db.savedSearches.put({ ...search, name: clean })
    changes.record({ kind: 'search', change: 'changed', ids: [id] })
  })
}

export async function deleteSavedSearch(db: NeurorefDb, id: string): Promise<void> {
  await write(db, [db.savedSearches], async changes => {
    await db.savedSearches.delete(id)
    changes.record({ kind: 'search', change: 'deleted', ids: [id] })
  })
}
