// Records parsed from a bibliography file (the parsing happens elsewhere) come in: every readable record that is not
// already in the library is added, duplicates are reported (not added), and entries that could not be read are listed
// by the caller. A file's papers are written in batches as the reader hands them over; a document's references in one
// transaction with their new collection.
import { DuplicateFinder, recognitionKeys, type PaperFinder } from '@shared/duplicates'
import type { ImportedRecord } from '@shared/import'
import type { Item, ItemBasics } from '@shared/model'
import type { NeurorefDb } from './schema'
import { keysLike, toItem, withCitationKey } from './add-paper'
import { write } from './write'
import { loadPeptideTagger } from './peptide-tagger'
import { addItemsToCollection, createCollection } from './collections'
import { inSlices } from './slices'
import { announceImport, holdWhileImporting, noteUnannounced, removeUnannounced, writeUnannounced, type UnannouncedBatch } from './unfinished-import'
import { papersOf } from './events'
import { ImportedPapersKept } from './imported-papers'
import type { Collection } from '@shared/model'

/** `Paper`: a file's new papers are as the window keeps them (no abstract, references…: see item-basics.ts), a document's whole. */
export interface FileImportOutcome<Paper extends ItemBasics = ItemBasics> {
  added: Paper[]
  duplicates: { record: ImportedRecord; existingId: string; reason: string }[]
}

/** Records sorted out: the new papers (each with the citation key its file gave and the keys it is recognised by) and those the library or the file already has. */
interface SortedOut {
  fresh: { item: Item; fileKey?: string; keys: string[] }[]
  duplicates: FileImportOutcome['duplicates']
}

/**
 * Works out each record's item (unless the reader did) and whether the library or the file already has it (`finder`,
 * a fork of the library's, learns each new paper), before the transaction, a slice at a time: a transaction cannot
 * wait for the event loop (it would commit), so the work that can happen before it does, and the window keeps answering.
 */
async function sortOut(records: readonly ImportedRecord[], finder: DuplicateFinder, items?: readonly (Item | undefined)[]): Promise<SortedOut> {
  if (records.some((_, n) => !items?.[n])) await loadPeptideTagger() // records the reader did not work out are tagged here
  const now = Date.now()
  const sorted: SortedOut = { fresh: [], duplicates: [] }
  await inSlices(records, (record, n) => {
    const same = finder.find(record)
    if (same) return void sorted.duplicates.push({ record, existingId: same.id, reason: same.reason })
    const item = items?.[n] ?? toItem(record, now)
    const keys = recognitionKeys(item)
    finder.add(item, keys)
    sorted.fresh.push({ item, fileKey: record.citationKey, keys })
  })
  return sorted
}

/** Up to this many records, the citation keys they could collide with are looked up record by record; above, every key in use is read. */
const FEW_RECORDS = 100

/** Lower-cased keys in use that new papers from `records` could collide with. */
async function keysTakenFor(db: NeurorefDb, records: readonly ImportedRecord[], all: boolean): Promise<Set<string>> {
  const taken = new Set<string>()
  if (all) for (const key of (await db.items.orderBy('citationKey').keys()) as string[]) taken.add(key.toLowerCase())
  else for (const record of records) for (const key of await keysLike(db, record)) taken.add(key)
  return taken
}

/** New papers written so far (each batch is in the library once its write commits). */
export type SaveProgress = (saved: number) => void

/**
 * Writes a batch of new papers (citation keys given), unannounced, and resolves once it has committed:
 * `writeUnannounced` here, or a worker doing the same on the same database (the window's thread then does not copy
 * the rows into IndexedDB: 10,000 papers took it 0.6–1.5 s).
 */
export type BatchWriter = (batch: UnannouncedBatch) => Promise<void>

/** Records in a batch, until the file has been read (the last batch takes what is left), and at most. */
const FEWEST_IN_A_BATCH = 1_000
const MOST_IN_A_BATCH = 5_000

/**
 * A file's papers written batch by batch as the reader hands them over, so the first are stored while the rest is
 * still being read (10,000 entries: reading, then writing, took twice as long as both at once). Records that arrive
 * while a batch is written wait and go in the next. The batches are written unannounced and announced together at the
 * end (unfinished-import.ts): the library's listeners see one import, all of it or nothing. If a batch cannot be
 * written, or the reading fails (`abandon`), the batches written are removed and the library is as it was.
 */
export class ImportInBatches {
  private readonly duplicates: FileImportOutcome['duplicates'] = []
  /** the papers written, as the window keeps them until they are announced (the whole papers go to the writer) */
  private readonly kept = new ImportedPapersKept()
  private readonly finder: Promise<DuplicateFinder>
  private waiting: { record: ImportedRecord; item?: Item }[] = []
  /** all records taken: the last batch may be small */
  private allTaken = false
  private writing: Promise<void> | null = null
  private failure: { error: unknown } | undefined
  /** lower-cased citation keys in use, once read (a large file); kept current with other writes' papers meanwhile */
  private taken: Set<string> | undefined
  private expected = Infinity
  private readonly stopFollowing: () => void
  private readonly importId = crypto.randomUUID()
  private batches = 0
  /** ids of the papers handed to be written, unannounced until the end */
  private readonly written: string[] = []
  private ended!: () => void

  /**
   * `known`: the papers already in the library (the store's finder), given when it is ready. `elsewhere`: a worker
   * writes the batches.
   */
  constructor(
    private readonly db: NeurorefDb,
    known: PaperFinder | Promise<PaperFinder>,
    private readonly options: { onSaved?: SaveProgress; elsewhere?: BatchWriter } = {}
  ) {
    this.finder = Promise.resolve(known).then(finder => finder.fork())
    holdWhileImporting(this.importId, new Promise<void>(resolve => (this.ended = resolve)))
    // a key another write gives a paper while this import runs is taken too
    this.stopFollowing = db.events.subscribe(events => {
      for (const event of events) {
        if (this.taken && event.kind === 'item' && event.change !== 'deleted')
          for (const item of papersOf(event)) if (item.citationKey) this.taken.add(item.citationKey.toLowerCase())
      }
    })
  }

  /** How many records the file holds, when the reader knows. */
  expect(total: number): void {
    this.expected = total
  }

  /** Records to import (with their items, when the reader worked them out), written as soon as the batch before them is. */
  take(records: readonly ImportedRecord[], items?: readonly Item[]): void {
    records.forEach((record, n) => this.waiting.push({ record, item: items?.[n] }))
    if (this.waiting.length >= FEWEST_IN_A_BATCH) this.startWriting()
  }

  /** Waits for every batch: what was added and what was already there. If a batch failed, the others are removed and its error thrown. */
  async finish(): Promise<FileImportOutcome> {
    this.allTaken = true
    this.startWriting()
    while (this.writing) await this.writing
    this.stopFollowing()
    try {
      if (!this.failure) {
        if (this.kept.items.length) await announceImport(this.db, this.importId, this.kept.papers())
        return { added: this.kept.items, duplicates: this.duplicates }
      }
    } catch (error) {
      this.failure = { error }
    } finally {
      this.ended()
      noteUnannounced(this.db, this.written, false)
    }
    await removeUnannounced(this.db, this.importId)
    throw this.failure.error
  }

  /** The file could not be read to its end: the batches written are removed. */
  async abandon(): Promise<void> {
    this.failure ??= { error: undefined }
    await this.finish().catch(() => undefined)
  }

  /** Writes the batches ready, one after the other, unless that is under way. */
  private startWriting(): void {
    this.writing ??= this.writeWaiting().finally(() => (this.writing = null))
  }

  private async writeWaiting(): Promise<void> {
    try {
      const batchReady = () => this.waiting.length >= FEWEST_IN_A_BATCH || (this.allTaken && this.waiting.length > 0)
      while (batchReady() && !this.failure) await this.writeBatch(this.waiting.splice(0, MOST_IN_A_BATCH))
    } catch (error) {
      this.failure = { error }
    }
  }

  private async writeBatch(batch: { record: ImportedRecord; item?: Item }[]): Promise<void> {
    const records = batch.map(({ record }) => record)
    const { fresh, duplicates } = await sortOut(
      records,
      await this.finder,
      batch.map(({ item }) => item)
    )
    this.duplicates.push(...duplicates)
    if (!fresh.length) return
    // Keys are chosen before the write, so a worker can write it: those in use were read once, and other writes' are followed.
    const taken = await this.keysTaken(records)
    const added: Item[] = []
    await inSlices(fresh, ({ item, fileKey }) => added.push(withCitationKey(item, taken, fileKey)))
    const { elsewhere, onSaved } = this.options
    const unannounced = { importId: this.importId, number: ++this.batches, items: added }
    const ids = added.map(item => item.id)
    this.written.push(...ids)
    noteUnannounced(this.db, ids, true)
    await (elsewhere ? elsewhere(unannounced) : writeUnannounced(this.db, unannounced))
    await this.kept.keepAll(added, n => fresh[n].keys)
    onSaved?.(this.kept.items.length)
  }

  /** For a few records the keys like theirs; for a large file every key in use, read once. */
  private async keysTaken(records: ImportedRecord[]): Promise<Set<string>> {
    if (this.expected <= FEW_RECORDS) return keysTakenFor(this.db, records, false)
    return (this.taken ??= await keysTakenFor(this.db, records, true))
  }
}

/**
 * `known`: the papers already in the library (the store's finder), so 10,000 records need no per-record queries.
 * `items`: the records as items, when the reader worked them out (index fields, peptide tags).
 */
export async function importRecords(
  db: NeurorefDb,
  records: ImportedRecord[],
  known: PaperFinder,
  items?: Item[],
  onSaved?: SaveProgress
): Promise<FileImportOutcome> {
  const batches = new ImportInBatches(db, known, { onSaved })
  batches.expect(records.length)
  batches.take(records, items)
  return batches.finish()
}

/**
 * The references of a document: its records imported and, with the papers
 * already in the library, filed in a new collection, in one transaction, so
 * the papers and their collection arrive together or not at all.
 */
export async function importIntoNewCollection(
  db: NeurorefDb,
  records: ImportedRecord[],
  known: PaperFinder,
  collectionName: string
): Promise<{ outcome: FileImportOutcome<Item>; collection: Collection }> {
  const { fresh, duplicates } = await sortOut(records, known.fork())
  return write(db, [db.items, db.collections], async changes => {
    const taken = await keysTakenFor(db, records, records.length > FEW_RECORDS)
    const added = fresh.map(({ item, fileKey }) => withCitationKey(item, taken, fileKey))
    await db.items.bulkAdd(added)
    changes.record({ kind: 'item', change: 'added', ids: added.map(item => item.id), items: added })
    const collection = await createCollection(db, collectionName)
    await addItemsToCollection(db, collection.id, [...added.map(item => item.id), ...duplicates.map(d => d.existingId)])
    return { outcome: { added, duplicates }, collection }
  })
}
