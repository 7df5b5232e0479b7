// Records parsed from a bibliography file (the parsing happens elsewhere) come in as one transaction: every readable record
// that is not already in the library is added, duplicates are reported (not
// added), and entries that could not be read are listed by the caller.
import { DuplicateFinder } from '@shared/duplicates'
import type { ImportedRecord } from '@shared/import'
import type { Item } from '@shared/model'
import type { NeurorefDb } from './schema'
import { keysLike, toItem, withCitationKey } from './add-paper'
import { write } from './write'
import { addItemsToCollection, createCollection } from './collections'
import type { Collection } from '@shared/model'

export interface FileImportOutcome {
  added: Item[]
  duplicates: { record: ImportedRecord; existingId: string; reason: string }[]
}

/** Records with their new items worked out (index fields, peptide tags), ready for one short transaction. */
interface PreparedImport {
  records: ImportedRecord[]
  items: Item[]
}

/** work done between two turns of the event loop while preparing (a long task is 50 ms) */
const SLICE_MS = 20
/** rows handed to IndexedDB at once: each put copies its row on the window's thread */
const PUT_CHUNK = 1000

/**
 * Works out each record's item before the transaction, a slice at a time:
 * a transaction cannot wait for the event loop (it would commit), so the
 * work that can happen before it does, and the window keeps answering.
 */
async function prepareImport(records: ImportedRecord[]): Promise<PreparedImport> {
  const now = Date.now()
  const items: Item[] = []
  while (items.length < records.length) {
    const began = performance.now()
    while (items.length < records.length && performance.now() - began < SLICE_MS) items.push(toItem(records[items.length], now))
    if (items.length < records.length) await new Promise(resolve => setTimeout(resolve, 0))
  }
  return { records, items }
}

/** `known`: the papers already in the library (the store's finder), so 10,000 records need no per-record queries. */
export async function importRecords(db: NeurorefDb, records: ImportedRecord[], known: DuplicateFinder): Promise<FileImportOutcome> {
  return storeImport(db, await prepareImport(records), known)
}

/** Stores prepared records (in the enclosing write, if any): duplicates reported, the rest added with free citation keys. */
function storeImport(db: NeurorefDb, { records, items }: PreparedImport, known: DuplicateFinder): Promise<FileImportOutcome> {
  const finder = known.fork()
  return write(db, [db.items], async changes => {
    // Keys already in use that the new records could collide with: for a few
    // records an index range each, for a large file all keys at once.
    const taken = new Set<string>()
    if (records.length > 100) {
      for (const key of (await db.items.orderBy('citationKey').keys()) as string[]) taken.add(key.toLowerCase())
    } else {
      for (const record of records) for (const key of await keysLike(db, record)) taken.add(key)
    }
    const outcome: FileImportOutcome = { added: [], duplicates: [] }
    for (const [n, record] of records.entries()) {
      const same = finder.find(record)
      if (same) {
        outcome.duplicates.push({ record, existingId: same.id, reason: same.reason })
        continue
      }
      const item = withCitationKey(items[n], taken, record.citationKey)
      finder.add(item)
      outcome.added.push(item)
    }
    // In chunks: between two, the window gets a turn while IndexedDB writes (the transaction stays open).
    for (let start = 0; start < outcome.added.length; start += PUT_CHUNK) await db.items.bulkAdd(outcome.added.slice(start, start + PUT_CHUNK))
    changes.record({ kind: 'item', change: 'added', ids: outcome.added.map(item => item.id), items: outcome.added })
    return outcome
  })
}

/**
 * The references of a document: its records imported and, with the papers
 * already in the library, filed in a new collection, in one transaction, so
 * the papers and their collection arrive together or not at all.
 */
export async function importIntoNewCollection(
  db: NeurorefDb,
  records: ImportedRecord[],
  known: DuplicateFinder,
  collectionName: string
): Promise<{ outcome: FileImportOutcome; collection: Collection }> {
  const prepared = await prepareImport(records)
  return write(db, [db.items, db.collections], async () => {
    const outcome = await storeImport(db, prepared, known)
    const collection = await createCollection(db, collectionName)
    await addItemsToCollection(db, collection.id, [...outcome.added.map(item => item.id), ...outcome.duplicates.map(d => d.existingId)])
    return { outcome, collection }
  })
}
