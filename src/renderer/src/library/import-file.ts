// Records parsed from a bibliography file (the parsing happens elsewhere) come in: every readable record that is not
// already in the library is added, duplicates are reported (not added), and entries that could not be read are listed
// by the caller. A file's papers are written in batches as the reader hands them over; a document's references in one
// transaction with their new collection.
import { DuplicateFinder, keysWithReasons, recognitionKeys, type PaperFinder } from '@shared/duplicates'
import type { ImportedRecord } from '@shared/import'
import type { Item, ItemBasics } from '@shared/model'
import { fieldValue } from '@shared/search/fields'
import type { NeurorefDb } from './schema'
import { keysLike, toItem, withCitationKey } from './add-paper'
import { write } from './write'
import { loadPeptideTagger } from './peptide-tagger'
import { addItemsToCollection, createCollection } from './collections'
import { inSlices } from './slices'
import { announceImport, forgetUnannounced, holdWhileImporting, noteUnannounced, removeUnannounced, writeUnannounced } from './unfinished-import'
import { papersOf } from './events'
import { ImportedPapersKept, type KeptPaper } from './imported-papers'
import { basics } from './item-basics'
import type { AbstractsOnTheWay, ArrivedAbstract } from './abstract-bytes'
import type { Collection } from '@shared/model'

/** `Paper`: a file's new papers are as the window keeps them (no abstract, references…: see item-basics.ts), a document's whole. */
export interface FileImportOutcome<Paper extends ItemBasics = ItemBasics> {
  added: Paper[]
  /** `record`: what the file gave (or its light copy), named in the message */
  duplicates: { record: Pick<ImportedRecord, 'csl' | 'citationKey'>; existingId: string; reason: string }[]
}

/**
 * A record waiting for its batch. Where the window writes the batch: the record, and its item when the reader worked
 * it out. Where a worker writes it (the reader sends it the papers whole): only what the window reads and keeps, the
 * paper's light copy and its abstract as bytes, as the reader sends them to the window. 100,000 whole papers waiting
 * for their batch in the window's heap made it 0.8–1 GB, and the collector copied each as it grew old.
 */
type Arrived = { record: ImportedRecord; item?: Item } | { light: ItemBasics; abstract: ArrivedAbstract }

/** A new paper: as the window writes it (the whole item) or keeps it (its light copy, where a worker writes it), with the citation key its file gave and the keys it is recognised by. */
type Fresh = ({ item: Item } | { light: ItemBasics; abstract: ArrivedAbstract }) & { fileKey?: string; keys: string[] }

/** Records sorted out: the new papers and those the library or the file already has. */
interface SortedOut<Paper extends Fresh = Fresh> {
  fresh: Paper[]
  duplicates: FileImportOutcome['duplicates']
}

/** A new paper with its citation key: the row to write (where the window writes it) and what the window keeps. */
type Keyed = { item?: Item; kept: KeptPaper }

const finished = () => true

/** A batch handed to be written: its new papers, and its write (resolved once committed). */
interface HandedOver {
  added: Keyed[]
  written: Promise<void>
}

function keyed(fresh: Fresh, taken: Set<string>): Keyed {
  if ('light' in fresh) return { kept: { paper: withCitationKey(fresh.light, taken, fresh.fileKey), abstract: fresh.abstract, keys: fresh.keys } }
  const item = withCitationKey(fresh.item, taken, fresh.fileKey)
  return { item, kept: { paper: basics(item), abstract: fieldValue(item, undefined, 'abstract')[0], keys: fresh.keys } }
}

/**
 * Works out each record's item (unless the reader did) and whether the library or the file already has it (`finder`,
 * a fork of the library's, learns each new paper), before the transaction, a slice at a time: a transaction cannot
 * wait for the event loop (it would commit), so the work that can happen before it does, and the window keeps answering.
 */
async function sortOut(arrived: readonly Arrived[], finder: DuplicateFinder): Promise<SortedOut> {
  if (arrived.some(paper => 'record' in paper && !paper.item)) await loadPeptideTagger() // records the reader did not work out are tagged here
  const now = Date.now()
  const sorted: SortedOut = { fresh: [], duplicates: [] }
  await inSlices(arrived, paper => {
    const record = 'light' in paper ? paper.light : paper.record
    // worked out once: finding and learning the paper read the same keys (the title's fingerprint was a tenth of the window's import)
    const keysOf = keysWithReasons(record)
    const same = finder.find(record, keysOf)
    if (same) return void sorted.duplicates.push({ record, existingId: same.id, reason: same.reason })
    const fresh = 'light' in paper ? paper : { item: paper.item ?? toItem(paper.record, now) }
    const keys = 'light' in fresh ? keysOf.map(([key]) => key) : recognitionKeys(fresh.item)
    finder.add('light' in fresh ? fresh.light : fresh.item, keys)
    sorted.fresh.push({ ...fresh, fileKey: record.citationKey, keys })
  })
  return sorted
}

/** Up to this many records, the citation keys they could collide with are looked up record by record; above, every key in use is read. */
const FEW_RECORDS = 100

/** Lower-cased keys in use that new papers from `records` could collide with. */
async function keysTakenFor(db: NeurorefDb, records: readonly Pick<ImportedRecord, 'csl' | 'citationKey'>[], all: boolean): Promise<Set<string>> {
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
export type BatchWriter = (batch: { importId: string; number: number; keys: [id: string, citationKey: string][] }) => Promise<void>

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
  private waiting: Arrived[] = []
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
        // (a change of filing fields gives no paper a key)
        if (this.taken && event.kind === 'item' && event.change !== 'deleted' && !('filing' in event))
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

  /**
   * Papers a worker writes (`elsewhere`, which has them whole from the reader), as the window keeps them: their light
   * copies, and their abstracts as bytes (paper n's at `n` in the block).
   */
  takeKept(papers: readonly ItemBasics[], abstracts: AbstractsOnTheWay): void {
    papers.forEach((light, at) => this.waiting.push({ light, abstract: { block: abstracts, at } }))
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
      forgetUnannounced(this.db, this.importId)
    }
    await removeUnannounced(this.db, this.importId)
    throw this.failure.error
  }

  /** The file could not be read to its end: the batches written are removed. */
  async abandon(): Promise<void> {
    this.failure ??= { error: undefined }
    await this.finish().catch(() => undefined)
  }

  /** Writes the batches ready, one after the other, unless that is under way (then a batch now ready is handed over at once). */
  private startWriting(): void {
    this.batchReadyNow?.()
    this.writing ??= this.writeWaiting().finally(() => (this.writing = null))
  }

  /** wakes the writing waiting for the last write under way: a batch is ready (papers came, or the file is read) */
  private batchReadyNow: (() => void) | undefined

  /**
   * Each batch ready is sorted out and handed to be written while the one before it is still being written (waiting
   * for its commit first, the window sorted the last batch out only after it, with the file already read); the papers
   * written are kept, and told, in the batches' order. A failed import removes what it wrote only once no write is
   * under way.
   */
  private async writeWaiting(): Promise<void> {
    const writes: Promise<void>[] = []
    let before: Promise<void> = Promise.resolve()
    try {
      const batchReady = () => this.waiting.length >= FEWEST_IN_A_BATCH || (this.allTaken && this.waiting.length > 0)
      while (!this.failure) {
        if (!batchReady()) {
          // the last write under way: the papers that come meanwhile are handed over as soon as they make a batch, or
          // the file is read (the last batch waited for that write's commit); with none under way, writing stops here
          const settled = await Promise.race([before.then(finished, finished), new Promise<false>(resolve => (this.batchReadyNow = () => resolve(false)))])
          this.batchReadyNow = undefined
          if (settled) await before // a write that failed throws here
          if (settled && !batchReady()) break
          continue
        }
        const handed = await this.handOver(this.waiting.splice(0, MOST_IN_A_BATCH))
        // followed before the last write is awaited: if that one failed, this one is still waited for before removing
        if (handed) writes.push(handed.written)
        await before
        if (!handed) continue
        before = this.keepWhenWritten(handed)
        before.catch(() => undefined) // awaited at the next batch or at the end: not unhandled meanwhile
      }
    } catch (error) {
      this.failure = { error }
    } finally {
      await Promise.allSettled(writes)
    }
  }

  /** Sorts a batch out, chooses its new papers' citation keys and starts their write; undefined when none is new. */
  private async handOver(batch: Arrived[]): Promise<HandedOver | undefined> {
    const { fresh, duplicates } = await sortOut(batch, await this.finder)
    this.duplicates.push(...duplicates)
    if (!fresh.length) return undefined
    // Keys are chosen before the write, so a worker can write it: those in use were read once, and other writes' are followed.
    const taken = await this.keysTaken(fresh)
    const added: Keyed[] = []
    await inSlices(fresh, paper => added.push(keyed(paper, taken)))
    const { elsewhere } = this.options
    const importId = this.importId
    const number = ++this.batches
    const ids = added.map(({ kept }) => kept.paper.id)
    noteUnannounced(this.db, importId, ids)
    const written = elsewhere
      ? elsewhere({ importId, number, keys: added.map(({ kept }) => [kept.paper.id, kept.paper.citationKey ?? '']) })
      : writeUnannounced(this.db, { importId, number, items: added.map(({ item }) => item).filter(item => item !== undefined) })
    written.catch(() => undefined) // awaited in turn (keepWhenWritten): a failure before then is not unhandled
    return { added, written }
  }

  /** Once the batch's write has committed: its papers kept until the announcement, and the progress told. */
  private async keepWhenWritten({ added, written }: HandedOver): Promise<void> {
    await written
    await this.kept.keepAll(added, ({ kept }) => kept)
    this.options.onSaved?.(this.kept.items.length)
  }

  /** For a few records the keys like theirs; for a large file every key in use, read once. */
  private async keysTaken(fresh: Fresh[]): Promise<Set<string>> {
    if (this.expected > FEW_RECORDS) return (this.taken ??= await keysTakenFor(this.db, [], true))
    return keysTakenFor(
      this.db,
      fresh.map(paper => ('light' in paper ? paper.light : paper.item)),
      false
    )
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
  const { fresh, duplicates } = await sortOut(
    records.map(record => ({ record })),
    known.fork()
  )
  return write(db, [db.items, db.collections], async changes => {
    const taken = await keysTakenFor(db, records, records.length > FEW_RECORDS)
    // the window writes these: every paper came whole
    const added = fresh.flatMap(paper => ('item' in paper ? [withCitationKey(paper.item, taken, paper.fileKey)] : []))
    await db.items.bulkAdd(added)
    changes.record({ kind: 'item', change: 'added', ids: added.map(item => item.id), items: added })
    const collection = await createCollection(db, collectionName)
    await addItemsToCollection(db, collection.id, [...added.map(item => item.id), ...duplicates.map(d => d.existingId)])
    return { outcome: { added, duplicates }, collection }
  })
}
