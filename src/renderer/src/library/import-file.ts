// Records parsed from a bibliography file (the parsing happens elsewhere) come in as one transaction: every readable record
// that is not already in the library is added, duplicates are reported (not
// added), and entries that could not be read are listed by the caller.
import { DuplicateFinder } from '@shared/duplicates'
import type { ImportedRecord } from '@shared/import'
import type { Item } from '@shared/model'
import type { NeurorefDb } from './schema'
import { keysLike, newItem } from './add-paper'
import { write } from './write'
import { addItemsToCollection, createCollection } from './collections'
import type { Collection } from '@shared/model'

export interface FileImportOutcome {
  added: Item[]
  duplicates: { record: ImportedRecord; existingId: string; reason: string }[]
}

/** `known`: the papers already in the library (the store's finder), so 10,000 records need no per-record queries. */
export function importRecords(db: NeurorefDb, records: ImportedRecord[], known: DuplicateFinder): Promise<FileImportOutcome> {
  const finder = known.fork()
  return write(db, [db.items], async changes => {
    const now = Date.now()
    // Keys already in use that the new records could collide with: for a few
    // records an index range each, for a large file all keys at once.
    const taken = new Set<string>()
    if (records.length > 100) {
      for (const key of (await db.items.orderBy('citationKey').keys()) as string[]) taken.add(key.toLowerCase())
    } else {
      for (const record of records) for (const key of await keysLike(db, record)) taken.add(key)
    }
    const outcome: FileImportOutcome = { added: [], duplicates: [] }
    for (const record of records) {
      const same = finder.find(record)
      if (same) {
        outcome.duplicates.push({ record, existingId: same.id, reason: same.reason })
        continue
      }
      const item = newItem(record, now, taken, record.citationKey)
      finder.add(item)
      outcome.added.push(item)
    }
    await db.items.bulkAdd(outcome.added)
    changes.record({ kind: 'item', change: 'added', ids: outcome.added.map(item => item.id), items: outcome.added })
    return outcome
  })
}

/**
 * The references of a document: its records imported and, with the papers
 * already in the library, filed in a new collection, in one transaction, so
 * the papers and their collection arrive together or not at all.
 */
export function importIntoNewCollection(
  db: NeurorefDb,
  records: ImportedRecord[],
  known: DuplicateFinder,
  collectionName: string
): Promise<{ outcome: FileImportOutcome; collection: Collection }> {
  return write(db, [db.items, db.collections], async () => {
    const outcome = await importRecords(db, records, known)
    const collection = await createCollection(db, collectionName)
    await addItemsToCollection(db, collection.id, [...outcome.added.map(item => item.id), ...outcome.duplicates.map(d => d.existingId)])
    return { outcome, collection }
  })
}
