// Small reads for views that need rows the in-memory store does not keep
// (collections, saved searches, attachments, settings). Views run them
// through useLibraryQuery (root.ts), which runs them again after
// every library event.
import type { Collection, Item } from '@shared/model'
import type { NeurorefDb, PubmedSavedSearch, SavedSearch } from './schema'

export function allCollections(db: NeurorefDb): Promise<Collection[]> {
  return db.collections.toArray()
}

export function savedSearches(db: NeurorefDb): Promise<SavedSearch[]> {
  return db.savedSearches.orderBy('name').toArray()
}

export function pubmedSearches(db: NeurorefDb): Promise<PubmedSavedSearch[]> {
  return db.pubmedSearches.orderBy('name').toArray()
}

export function pubmedSearch(db: NeurorefDb, id: string): Promise<PubmedSavedSearch | undefined> {
  return db.pubmedSearches.get(id)
}

/** A paper with every field, as stored (the window keeps light copies). */
export function fullItem(db: NeurorefDb, id: string): Promise<Item | undefined> {
  return db.items.get(id)
}

/** Papers with every field, in the order asked; papers no longer stored are left out. */
export async function fullItems(db: NeurorefDb, ids: readonly string[]): Promise<Item[]> {
  return (await db.items.bulkGet([...ids])).filter((item): item is Item => item !== undefined)
}

/** Which of these PMIDs the library already holds. */
export async function ownedPmids(db: NeurorefDb, pmids: string[]): Promise<Set<string | undefined>> {
  return new Set((await db.items.where('pmid').anyOf(pmids).toArray()).map(item => item.pmid))
}

/** The item stored under this DOI (any case), if any. */
export function itemWithDoi(db: NeurorefDb, doi: string): Promise<Item | undefined> {
  return db.items.where('doiKey').equals(doi.toLowerCase()).first()
}

/** The hashes of every attached file (main keeps the files no library refers to from piling up). */
export async function attachedHashes(db: NeurorefDb): Promise<string[]> {
  return (await db.attachments.orderBy('hash').uniqueKeys()) as string[]
}
