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
import { write } from './write'
import type { DuplicateFinder } from '@shared/duplicates'

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
export function findSamePaper(db: NeurorefDb, record: ReferenceRecord, known?: DuplicateFinder): Promise<Item | undefined> {
  const doi = record.doi?.toLowerCase()
  const pmcid = record.pmcid?.toUpperCase()
  const by = (index: 'doiKey' | 'pmid' | 'pmcid', value: string | undefined) => (found: Item | undefined) =>
    found ?? (value ? db.items.where(index).equals(value).first() : undefined)
  return Dexie.Promise.resolve<Item | undefined>(undefined)
    .then(by('doiKey', doi))
    .then(by('pmid', record.pmid))
    .then(by('pmcid', pmcid))
    .then(found => found ?? sameTitle(db, record, known))
}

function sameTitle(db: NeurorefDb, record: ReferenceRecord, known?: DuplicateFinder): Promise<Item | undefined> | undefined {
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
    .filter(item => titleFingerprint(item.csl.title) === fingerprint && firstAuthorKey(item) === firstAuthor)
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
    id: crypto.randomUUID(),
    titleWords: [],
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

/** `item` (from toItem) with a citation key unique among `taken`, which gets it. */
export function withCitationKey(item: Item, taken: Set<string>, preferredKey?: string): Item {
  const wanted = preferredKey ? cleanCitationKey(preferredKey) : ''
  const citationKey = wanted ? uniqueCitationKey(wanted, taken) : makeCitationKey(item, taken)
  taken.add(citationKey.toLowerCase())
  return { ...item, citationKey }
}

/** Citation keys in use that start like this paper's would, or like the key it brings (lower-cased). */
export function keysLike(db: NeurorefDb, record: ReferenceRecord & { citationKey?: string }): Promise<Set<string>> {
  const base = (record.citationKey && cleanCitationKey(record.citationKey)) || makeCitationKey(toItem(record, 0), new Set())
  return db.items
    .where('citationKey')
    .startsWithIgnoreCase(base)
    .keys()
    .then(keys => new Set((keys as string[]).map(k => k.toLowerCase())))
}

/**
 * Adds a paper, or merges it into the item that already holds it. `known`
 * (the store's finder) spares the duplicate queries in a large library.
 */
export function addRecordToLibrary(db: NeurorefDb, record: ReferenceRecord, known?: DuplicateFinder): Promise<AddOutcome> {
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
 * Adds (or merges) several papers in one transaction: all are stored or none.
 * Callers that must keep the rest when one fails fall back to `addRecordToLibrary` one by one.
 */
export function addRecordsToLibrary(db: NeurorefDb, records: ReferenceRecord[], known?: DuplicateFinder): Promise<AddOutcome[]> {
  return write(db, [db.items], async () => {
    const outcomes: AddOutcome[] = []
    for (const record of records) outcomes.push(await addRecordToLibrary(db, record, known))
    return outcomes
  })
}
