// The library's database. Version 1 is planned for the whole model of
// DESIGN.md; later versions are Dexie upgrades, each tested from the data of
// the version before (see migrations.test.ts).
import Dexie, { type EntityTable } from 'dexie'
import type { AttachmentRecord, Collection, Item, Note, Setting, Tag } from '../../../shared/model'

export interface SavedSearch {
  id: string
  name: string
  query: string
  createdAt: number
}

export type NeurorefDb = Dexie & {
  items: EntityTable<Item, 'id'>
  collections: EntityTable<Collection, 'id'>
  tags: EntityTable<Tag, 'name'>
  notes: EntityTable<Note, 'id'>
  attachments: EntityTable<AttachmentRecord, 'id'>
  settings: EntityTable<Setting, 'key'>
  savedSearches: EntityTable<SavedSearch, 'id'>
}

/** Version 1: indexes on every identifier, title words, year, added date, tags and collections. */
export const SCHEMA_V1 = {
  items: 'id, doiKey, pmid, pmcid, *titleWords, year, addedAt, modifiedAt, citationKey, trashedAt, *tags, *collectionIds',
  collections: 'id, parentId, name',
  tags: 'name, kind',
  notes: 'id, itemId, modifiedAt',
  attachments: 'id, itemId, hash',
  settings: 'key',
  savedSearches: 'id, name'
}

export function openLibrary(name = 'neuroref'): NeurorefDb {
  const db = new Dexie(name) as NeurorefDb
  db.version(1).stores(SCHEMA_V1)
  return db
}
