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
import { inChunks, inSlices } from './slices'
import type { Collection } from '@shared/model'

export interface FileImportOutcome {
  added: Item[]
  duplicates: { record: ImportedRecord; existingId: string; reason: string }[]
}

/** Records with their new items worked out (index fields, peptide tags) and duplicates found, ready for one short transaction. */
interface PreparedImport {
  /** the new papers, each with the citation key its file gave */
  fresh: { item: Item; fileKey?: string }[]
  duplicates: FileImportOutcome['duplicates']
  records: ImportedRecord[]
}

/**
 * Works out each record's item (unless the reader did) and whether the
 * library or the file already has it, before the transaction, a slice at a
 * time: a transaction cannot wait for the event loop (it would commit), so
 * the work that can happen before it does, and the window keeps answering.
 */
async function prepareImport(records: ImportedRecord[], known: DuplicateFinder, items?: Item[]): Promise<PreparedImport> {
  const now = Date.now()
  const finder = known.fork()
  const prepared: PreparedImport = { fresh: [], duplicates: [], records }
  await inSlices(records, (record, n) => {
    const same = finder.find(record)
    if (same) return void prepared.duplicates.push({ record, existingId: same.id, reason: same.reason })
    const item = items?.[n] ?? toItem(record, now)
    finder.add(item)
    prepared.fresh.push({ item, fileKey: record.citationKey })
  })
  return prepared
}

/** New papers written so far in the import's transaction, out of all it adds (they are in the library once it commits). */
export type SaveProgress = (saved: number, total: number) => void

/**
 * `known`: the papers already in the library (the store's finder), so 10,000 records need no per-record queries.
 * `items`: the records as items, when the reader worked them out (index fields, peptide tags).
 */
export async function importRecords(
  db: NeurorefDb,
  records: ImportedRecord[],
  known: DuplicateFinder,
  items?: Item[],
  onSaved?: SaveProgress
): Promise<FileImportOutcome> {
  return storeImport(db, await prepareImport(records, known, items), onSaved)
}

/** Stores prepared records (in the enclosing write, if any): the new papers added with free citation keys. */
function storeImport(db: NeurorefDb, { records, fresh, duplicates }: PreparedImport, onSaved?: SaveProgress): Promise<FileImportOutcome> {
  return write(db, [db.items], async changes => {
    // Keys already in use that the new records could collide with: for a few
    // records an index range each, for a large file all keys at once.
    const taken = new Set<string>()
    if (records.length > 100) {
      for (const key of (await db.items.orderBy('citationKey').keys()) as string[]) taken.add(key.toLowerCase())
    } else {
      for (const record of records) for (const key of await keysLike(db, record)) taken.add(key)
    }
    const outcome: FileImportOutcome = { added: fresh.map(({ item, fileKey }) => withCitationKey(item, taken, fileKey)), duplicates }
    // in chunks: between two, the window gets a turn while IndexedDB writes (the transaction stays open)
    let saved = 0
    await inChunks(outcome.added, async chunk => {
      await db.items.bulkAdd(chunk)
      onSaved?.((saved += chunk.length), outcome.added.length)
    })
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
  const prepared = await prepareImport(records, known)
  return write(db, [db.items, db.collections], async () => {
    const outcome = await storeImport(db, prepared)
    const collection = await createCollection(db, collectionName)
    await addItemsToCollection(db, collection.id, [...outcome.added.map(item => item.id), ...outcome.duplicates.map(d => d.existingId)])
    return { outcome, collection }
  })
}
