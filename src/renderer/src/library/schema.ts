// The library's database. Version 1 is planned for the whole item model
// (src/shared/model.ts); later versions are Dexie upgrades, each tested from the data of
// the version before (see migrations.test.ts).
import Dexie, { type EntityTable } from 'dexie'
import type { AttachmentRecord, Collection, Item, Note, Setting, Tag } from '@shared/model'
import type { ChangeEntry } from './change-log'
import { LibraryEvents } from './events'
import { groupedPapers } from './grouped-papers'
import type { LightFormRow } from './light-form'
import type { PaperGroup } from './paper-groups'
import { rowRead } from './row-read'
import type { SavedIndexRow } from './saved-index'

export interface SavedSearch {
  id: string
  name: string
  query: string
  createdAt: number
}

/** A PubMed query the researcher follows; `newPmids` are papers found since the last check, not yet added. */
export interface PubmedSavedSearch {
  id: string
  name: string
  query: string
  createdAt: number
  /** when PubMed was last asked (ms) */
  lastCheckedAt?: number
  /** Entrez date (YYYY/MM/DD) the next check starts from */
  checkFrom: string
  newPmids: string[]
  lastError?: string
}

/** Text of one attached PDF, page by page, for full-text search. */
export interface FullText {
  attachmentId: string
  itemId: string
  pages: string[]
  hasTextLayer: boolean
  extractedAt: number
}

export type NeurorefDb = Dexie & {
  items: EntityTable<Item, 'id'>
  collections: EntityTable<Collection, 'id'>
  tags: EntityTable<Tag, 'name'>
  notes: EntityTable<Note, 'id'>
  attachments: EntityTable<AttachmentRecord, 'id'>
  settings: EntityTable<Setting, 'key'>
  savedSearches: EntityTable<SavedSearch, 'id'>
  pubmedSearches: EntityTable<PubmedSavedSearch, 'id'>
  fullTexts: EntityTable<FullText, 'attachmentId'>
  /** the append-only change log (change-log.ts) */
  changes: EntityTable<ChangeEntry, 'seq'>
  /** the search index, saved (saved-index.ts): derived from the rows above, rebuilt when in doubt */
  searchIndex: EntityTable<SavedIndexRow, 'id'>
  /** every paper's light copy, saved (light-form.ts): derived from the items, rebuilt when in doubt */
  lightCopies: EntityTable<LightFormRow, 'id'>
  /** an import's papers, ~100 a row (paper-groups.ts); `items` reads them as rows, and they are spread into rows later */
  paperGroups: EntityTable<PaperGroup, 'key'>
  /** events of committed writes (events.ts); only the library module emits them */
  events: LibraryEvents
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

/**
 * Version 2: saved PubMed searches and PDF full text get tables of their own.
 * Existing items are untouched apart from `peptideTags` defaulting to none.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  pubmedSearches: 'id, name',
  fullTexts: 'attachmentId, itemId'
}

/** Version 3: the change log, one row per change with an auto-increasing sequence number. Nothing else changes. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  changes: '++seq, kind, time'
}

/**
 * Version 4: the saved search index (parts of one generation and a commit
 * marker). Nothing else changes; the first open builds the index (with
 * progress) because there is no marker yet.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  searchIndex: 'id, generation'
}

/**
 * Version 5: the saved light form (every paper's light copy in parts, and a
 * commit marker), read when the library opens instead of every full row.
 * Nothing else changes; the first open reads the rows as before and the index
 * job builds the form once, because there is no marker yet.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  lightCopies: 'id, generation'
}

/**
 * Version 6: no index on the title words. Nothing queries it (searches go
 * through our own index), and its twenty or so entries a paper made
 * IndexedDB's write of an import about three times slower (10,000 papers:
 * 3.4–6.4 s with it, 1.3–2.0 s without). The field stays on every row. The
 * index is dropped in the upgrade's one transaction, so a crash leaves v5 as
 * it was and the next open drops it again.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  items: 'id, doiKey, pmid, pmcid, year, addedAt, modifiedAt, citationKey, trashedAt, *tags, *collectionIds'
}

/**
 * Version 7: no index on the date modified. Nothing queries it (the list sorts by it in memory), and its entry was
 * part of what IndexedDB stores for every paper an import writes (10,000 entries: 0.1 s less of the browser's CPU,
 * bench/RESULTS-import.md). The index is dropped in the upgrade's one transaction, as v6's was.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  items: 'id, doiKey, pmid, pmcid, year, addedAt, citationKey, trashedAt, *tags, *collectionIds'
}

/**
 * Version 8: an import's papers may hold their peptide tags as one string (peptide-tags-stored.ts); every read of a
 * paper gives them back as the list. Nothing else changes and no row is rewritten: rows from before keep the list. The
 * version keeps an older Neuroref, which would take the string for a list, from opening the library.
 */
export const SCHEMA_V8 = { ...SCHEMA_V7 }

/**
 * Version 9: an import's papers may hold their abstract as UTF-8 bytes (abstract-stored.ts); every read of a paper gives
 * it back as the text. Nothing else changes and no row is rewritten. The version keeps an older Neuroref, which would
 * take the bytes for the text, from opening the library.
 */
export const SCHEMA_V9 = { ...SCHEMA_V8 }

/**
 * Version 10: an import may write its papers ~100 a row (`paperGroups`, paper-groups.ts), about half the browser's CPU
 * of one row a paper (bench/RESULTS.md, "Fewer IndexedDB rows, end to end"); every read of `items` sees a grouped paper
 * as its own row, and the groups are spread into rows later. Nothing else changes and no row is rewritten. The version
 * keeps an older Neuroref, which would not see grouped papers, from opening the library.
 */
export const SCHEMA_V10 = {
  ...SCHEMA_V9,
  paperGroups: 'key, *ids'
}

export function openLibrary(name = 'neuroref'): NeurorefDb {
  const db = new Dexie(name) as NeurorefDb
  db.version(1).stores(SCHEMA_V1)
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(tx =>
      tx
        .table('items')
        .toCollection()
        .modify(item => {
          item.peptideTags ??= []
        })
    )
  db.version(3).stores(SCHEMA_V3)
  db.version(4).stores(SCHEMA_V4)
  db.version(5).stores(SCHEMA_V5)
  db.version(6).stores(SCHEMA_V6)
  db.version(7).stores(SCHEMA_V7)
  db.version(8).stores(SCHEMA_V8)
  db.version(9).stores(SCHEMA_V9)
  db.version(10).stores(SCHEMA_V10)
  db.use(groupedPapers)
  db.items.hook('reading', rowRead)
  db.events = new LibraryEvents()
  return db
}
