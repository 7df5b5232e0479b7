// Writing papers into the library. Each paper is stored whole or not at all:
// the duplicate check, citation key and write share one transaction.
import Dexie from 'dexie'
import type { Item, ReferenceRecord } from '@shared/model'
import { mergeRecordIntoItem } from '@shared/merge'
import { titleFingerprint } from '@shared/text'
import { yearOf } from '@shared/display'
import { cleanCitationKey, makeCitationKey, uniqueCitationKey } from '@shared/export/citation-key'
import type { NeurorefDb } from './schema'
import { withIndexFields } from './index-fields'
import { loadPeptideTagger } from './peptide-tagger'
import { newPaperId } from './paper-id'
import { keysInUseLike } from './keys-in-use'
import { isUnannounced } from './unfinished-import'
import { write } from './write'
import { DuplicateFinder, type PaperFinder } from '@shared/duplicates'

export type AddOutcome = { status: 'added'; item: Item } | { status: 'existing'; item: Item }

/**
 * The item already in the library that names the same paper, if any:
 * identifiers through their indexes, then title + year + first author
 * through `known` (in memory) or, without it, a scan of that year.
 *
 * Written as one chain of Dexie promises, not an async function: it runs
 * inside callers' transactions, and an async helper that sometimes awaits
 * and sometimes not makes Dexie lose the transaction (PrematureCommitError).
 */
export function findSamePaper(db: NeurorefDb, record: ReferenceRecord, known?: PaperFinder): Promise<Item | undefined> {
  const doi = record.doi?.toLowerCase()
  const pmcid = record.pmcid?.toUpperCase()
  const by = (index: 'doiKey' | 'pmid' | 'pmcid', value: string | undefined) => (found: Item | undefined) =>
    found ?? (value ? db.items.where(index).equals(value).and(announced).first() : undefined)
  const announced = (item: Item): boolean => !isUnannounced(db, item.id)
  return Dexie.Promise.resolve<Item | undefined>(undefined)
    .then(by('doiKey', doi))
    .then(by('pmid', record.pmid))
    .then(by('pmcid', pmcid))
    .then(found => found ?? sameTitle(db, record, known))
}

function sameTitle(db: NeurorefDb, record: ReferenceRecord, known?: PaperFinder): Promise<Item | undefined> | undefined {
  if (known) {
    const same = known.find(record)
    return same ? db.items.get(same.id) : undefined
  }
  const year = yearOf(record)
  const fingerprint = titleFingerprint(record.csl.title)
  if (!year || fingerprint.length < 12) return undefined
  const firstAuthor = firstAuthorKey(record)
  return db.items
    .where('year')
    .equals(year)
    .filter(item => titleFingerprint(item.csl.title) === fingerprint && firstAuthorKey(item) === firstAuthor && !isUnannounced(db, item.id))
    .first()
}

function firstAuthorKey(record: ReferenceRecord): string {
  const first = record.csl.author?.[0]
  return titleFingerprint(first?.family ?? first?.literal ?? '')
}

/** A new item for the record (id, dates, index fields), without its citation key yet. */
export function toItem(record: ReferenceRecord, now: number): Item {
  return withIndexFields({
    ...record,
    id: newPaperId(),
    tags: [],
    collectionIds: [],
    readStatus: 'unread',
    addedAt: now,
    modifiedAt: now
  })
}

/**
 * A new item for a paper not in the library yet, with a citation key unique
 * among `taken` (lower-cased keys): the one the file gave it when free,
 * otherwise a generated one. The key is added to `taken`; nothing is written.
 */
export function newItem(record: ReferenceRecord, now: number, taken: Set<string>, preferredKey?: string): Item {
  return withCitationKey(toItem(record, now), taken, preferredKey)
}

/** `item` (from toItem, or its light copy) with a citation key unique among `taken`, which gets it. */
export function withCitationKey<Paper extends Pick<Item, 'csl'>>(item: Paper, taken: Set<string>, preferredKey?: string): Paper & { citationKey: string } {
  const wanted = preferredKey ? cleanCitationKey(preferredKey) : ''
  const citationKey = wanted ? uniqueCitationKey(wanted, taken) : makeCitationKey(item, taken)
  taken.add(citationKey.toLowerCase())
  return { ...item, citationKey }
}

/** Citation keys in use that start like this paper's would, or like the key it brings (lower-cased). */
export function keysLike(db: NeurorefDb, record: Pick<ReferenceRecord, 'csl'> & { citationKey?: string }): Promise<Set<string>> {
  const base = (record.citationKey && cleanCitationKey(record.citationKey)) || makeCitationKey(record, new Set())
  return keysInUseLike(db, [base])
}

/**
 * Adds a paper, or merges it into the item that already holds it. `known`
 * (the store's finder) spares the duplicate queries in a large library.
 */
export async function addRecordToLibrary(db: NeurorefDb, record: ReferenceRecord, known?: PaperFinder): Promise<AddOutcome> {
  await loadPeptideTagger()
  return write(db, [db.items], async changes => {
    const now = Date.now()
    const existing = await findSamePaper(db, record, known)
    if (existing) {
      const merged = withIndexFields({ ...mergeRecordIntoItem(existing, record), modifiedAt: now })
      await db.items.put(merged)
      changes.record({ kind: 'item', change: 'changed', ids: [merged.id], items: [merged] })
      return { status: 'existing', item: merged }
    }
    const stored = newItem(record, now, await keysLike(db, record))
    await db.items.add(stored)
    changes.record({ kind: 'item', change: 'added', ids: [stored.id], items: [stored] })
    return { status: 'added', item: stored }
  })
}

/**
 * Adds (or merges) several papers in one transaction: all are stored or none,
 * and the result is what adding them one after the other would give. The new
 * items (index fields, peptide tags) are worked out before the transaction;
 * inside it, one query per identifier kind and one for citation keys, not a
 * round of queries per paper, then one put each for new and changed items and
 * one event each. Callers that must keep the rest when one fails fall back to
 * `addRecordToLibrary` one by one.
 */
export async function addRecordsToLibrary(db: NeurorefDb, records: ReferenceRecord[], known?: PaperFinder): Promise<AddOutcome[]> {
  await loadPeptideTagger()
  const now = Date.now()
  const fresh = records.map(record => toItem(record, now))
  const bases = fresh.map((item, i) => keyBase(records[i], item))
  return write(db, [db.items], async changes => {
    const same = new SamePapers(await itemsWithIdentifiersOf(db, records))
    for (const item of await db.items.bulkGet(records.map(record => known?.find(record)?.id).filter((id): id is string => !!id))) {
      if (item) same.remember(item)
    }
    const taken = await keysInUseLike(db, bases)
    const added = new Map<string, Item>()
    const changed = new Map<string, Item>()
    const outcomes: AddOutcome[] = []
    for (const [i, record] of records.entries()) {
      // Always a Dexie promise, so the transaction is never lost between papers.
      const existing = same.find(record, known) ?? (await Dexie.Promise.resolve(known ? undefined : sameTitle(db, record)))
      if (existing) {
        const merged = withIndexFields({ ...mergeRecordIntoItem(same.current(existing), record), modifiedAt: now })
        ;(added.has(merged.id) ? added : changed).set(merged.id, merged)
        same.remember(merged)
        outcomes.push({ status: 'existing', item: merged })
        continue
      }
      const item = withCitationKey(fresh[i], taken)
      added.set(item.id, item)
      same.remember(item)
      outcomes.push({ status: 'added', item })
    }
    if (added.size) {
      const items = [...added.values()]
      await db.items.bulkAdd(items)
      changes.record({ kind: 'item', change: 'added', ids: items.map(item => item.id), items })
    }
    if (changed.size) {
      const items = [...changed.values()]
      await db.items.bulkPut(items)
      changes.record({ kind: 'item', change: 'changed', ids: items.map(item => item.id), items })
    }
    // Each outcome names the paper as it was finally stored (a later record of the batch may have merged into it).
    return outcomes.map(outcome => ({ ...outcome, item: same.current(outcome.item) }))
  })
}

/** What `keysLike` looks for: the key the record brings, or the start of the one it would get. */
function keyBase(record: ReferenceRecord & { citationKey?: string }, item: Item): string {
  return (record.citationKey && cleanCitationKey(record.citationKey)) || makeCitationKey(item, new Set())
}

/** The library's items that carry any of the records' DOIs, PMIDs or PMCIDs: three index queries in all. */
async function itemsWithIdentifiersOf(db: NeurorefDb, records: ReferenceRecord[]): Promise<Item[]> {
  const values = (pick: (record: ReferenceRecord) => string | undefined): string[] => [...new Set(records.map(pick).filter((v): v is string => !!v))]
  const dois = values(record => record.doi?.toLowerCase())
  const pmids = values(record => record.pmid)
  const pmcids = values(record => record.pmcid?.toUpperCase())
  const byDoi = await db.items.where('doiKey').anyOf(dois).toArray()
  const byPmid = await db.items.where('pmid').anyOf(pmids).toArray()
  const byPmcid = await db.items.where('pmcid').anyOf(pmcids).toArray()
  return [...byDoi, ...byPmid, ...byPmcid].filter(item => !isUnannounced(db, item.id))
}

/**
 * The papers a batch can be the same as, in memory: the library's items found
 * by identifier (the first by id order for each value, as `.first()` gives),
 * and the batch's own items as they are added or merged into.
 */
class SamePapers {
  private readonly byKey = new Map<string, string>()
  private readonly items = new Map<string, Item>()
  /** the batch's own items, by title, year and first author (the library's are `known`'s or found by a query) */
  private readonly batch = new DuplicateFinder()

  constructor(found: Item[]) {
    for (const item of [...found].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) this.note(item, false)
  }

  /** An item of the library (found through `known`) or of the batch, as it now stands. */
  remember(item: Item): void {
    this.note(item, true)
  }

  current(item: Item): Item {
    return this.items.get(item.id) ?? item
  }

  /** As `findSamePaper`: DOI, then PMID, then PMCID, then title, year and first author. */
  find(record: ReferenceRecord, known?: PaperFinder): Item | undefined {
    const keys = [`doi:${record.doi?.toLowerCase() ?? ''}`, `pmid:${record.pmid ?? ''}`, `pmcid:${record.pmcid?.toUpperCase() ?? ''}`]
    for (const key of keys) {
      const id = !key.endsWith(':') ? this.byKey.get(key) : undefined
      if (id) return this.items.get(id)
    }
    const inLibrary = known?.find(record)?.id
    return (inLibrary ? this.items.get(inLibrary) : undefined) ?? this.items.get(this.batch.find(record)?.id ?? '')
  }

  private note(item: Item, batch: boolean): void {
    this.items.set(item.id, item)
    for (const key of [`doi:${item.doiKey ?? ''}`, `pmid:${item.pmid ?? ''}`, `pmcid:${item.pmcid ?? ''}`]) {
      if (!key.endsWith(':') && !this.byKey.has(key)) this.byKey.set(key, item.id)
    }
    if (batch) this.batch.add(item)
  }
}
