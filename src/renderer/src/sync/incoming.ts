// Incoming: replica changes since the last applied one, written to the
// library through the library module. Conflicts CouchDB detected are merged
// here (merge.ts) and the losing revisions removed, the merge written back so
// every computer ends with the same document. A paper also changed here and
// not yet pushed is merged with the arriving version rather than replaced.
import { applySyncedChanges, noSyncedChanges, type SyncedChanges } from '../library/apply-synced'
import { changesSince, nothingLoggedBetween, type ChangeEntry } from '../library/change-log'
import type { NeurorefDb } from '../library/schema'
import type { AttachmentRecord, Collection, Item, Note, Tag } from '@shared/model'
import type { IndexFields } from '../library/index-fields'
import { arrivalsAfter, type Arrival } from './arrivals'
import { readCheckpoint, writeCheckpoint } from './checkpoint'
import { isFromNewerApp, parseDocumentId, sameContent, type PaperData, type SyncDocument } from './documents'
import { mergeNotes, mergePapers } from './merge'
import { isOwnWrite } from './own-writes'
import { withTheirPapers } from './papers-first'
import type { ReplicaStore } from './replica'
import { DOCUMENTS_PER_MESSAGE } from './replica-client'
import { documentsNow, touchedDocumentIds } from './rows'

const BATCH = 500

export interface PullOutcome {
  applied: number
  /** documents written by a newer Neuroref, kept untouched */
  fromNewerApp: string[]
  /** merges written to the replica (they go to the server) */
  merged: number
}

type Doc = SyncDocument & { _rev: string; _conflicts?: string[]; _revisions?: { start: number; ids: string[] } }

export async function applyIncomingChanges(db: NeurorefDb, replica: ReplicaStore): Promise<PullOutcome> {
  const checkpoint = await readCheckpoint(replica)
  const pending = touchedDocumentIds((await changesSince(db, checkpoint.pushedSeq)).entries)
  const outcome: PullOutcome = { applied: 0, fromNewerApp: [], merged: 0 }
  let since = checkpoint.appliedSeq
  let pushedSeq = checkpoint.pushedSeq
  const waiting = { ...checkpoint.waitingAttachments }
  for (;;) {
    const feed = await feedAfter(replica, since)
    if (feed.results.length === 0) break
    const docs: Doc[] = []
    const indexFields = new Map<Doc, IndexFields>()
    for (const change of feed.results) {
      const doc = change.doc as Doc | undefined
      if (!doc || !parseDocumentId(doc._id) || isOwnWrite(replica, doc)) continue
      if (!doc._deleted && isFromNewerApp(doc)) outcome.fromNewerApp.push(doc._id)
      else if (!doc._conflicts?.length) {
        docs.push(doc)
        if (change.indexFields) indexFields.set(doc, change.indexFields)
      } else {
        docs.push(await resolveConflict(replica, doc))
        outcome.merged++
      }
    }
    docs.push(...(await withTheirPapers(db, replica, docs, waiting)).filter(doc => !isFromNewerApp(doc)))
    const { applied, logged, merged } = await applyDocuments(db, replica, docs, indexFields, pending, checkpoint.device)
    outcome.applied += applied
    outcome.merged += merged
    since = feed.last_seq
    if (await onlyArrivals(db, logged, docs, pushedSeq)) pushedSeq = logged.at(-1)!.seq!
    await writeCheckpoint(replica, { appliedSeq: since, pushedSeq, waitingAttachments: waiting })
  }
  return outcome
}

/** Up to a batch of the replica's changes after `since`, with their documents, read a page at a time. */
async function feedAfter(replica: ReplicaStore, since: number | string): Promise<{ results: Arrival[]; last_seq: number | string }> {
  const results: Arrival[] = []
  let last = since
  while (results.length < BATCH) {
    const page = await arrivalsAfter(replica, last, DOCUMENTS_PER_MESSAGE)
    if (page.results.length === 0) break
    results.push(...page.results)
    last = page.last_seq
    if (page.results.length < DOCUMENTS_PER_MESSAGE) break
  }
  return { results, last_seq: last }
}

/** The newest ancestor of `doc` whose body this replica still has: the version both sides started from. */
async function baseOf(replica: ReplicaStore, doc: Doc, shared?: (rev: string) => boolean): Promise<SyncDocument | undefined> {
  const history = doc._revisions ?? (await replica.get(doc._id, { rev: doc._rev, revs: true }))._revisions
  if (!history) return undefined
  for (let i = 1; i < history.ids.length; i++) {
    const rev = `${history.start - i}-${history.ids[i]}`
    if (shared && !shared(rev)) continue
    try {
      return await replica.get(doc._id, { rev })
    } catch {
      // body compacted away or never held here: try an older one
    }
  }
  return undefined
}

function mergeData(type: SyncDocument['type'], base: SyncDocument | undefined, kept: SyncDocument, other: SyncDocument): SyncDocument['data'] {
  if (type === 'paper')
    return mergePapers(base?.data as PaperData | undefined, kept.data as PaperData, other.data as PaperData, { keptOn: kept.device, otherOn: other.device })
  if (type === 'note') return mergeNotes(base?.data as Note | undefined, kept.data as Note, other.data as Note)
  return kept.data
}

/** Merges every open revision into the winner and deletes the others, in one write. */
async function resolveConflict(replica: ReplicaStore, winner: Doc): Promise<Doc> {
  let merged: Doc = winner
  const removals: SyncDocument[] = []
  const winnerHistory = (await replica.get(winner._id, { rev: winner._rev, revs: true }))._revisions
  const inWinner = new Set(winnerHistory?.ids.map((id, i) => `${winnerHistory.start - i}-${id}`))
  for (const rev of winner._conflicts ?? []) {
    const other = (await replica.get(winner._id, { rev, revs: true })) as Doc
    removals.push({ _id: winner._id, _rev: rev, _deleted: true, type: winner.type, schema: winner.schema, data: {} as never })
    if (isFromNewerApp(other)) continue
    const base = await baseOf(replica, other, r => inWinner.has(r))
    merged = { ...merged, data: mergeData(winner.type, base, merged, other) }
  }
  const { _conflicts: _open, _revisions: _history, ...write } = merged
  const [saved] = await replica.bulkDocs([write, ...removals])
  return 'rev' in saved && saved.rev ? { ...write, _rev: saved.rev } : winner
}

/**
 * Whether the change-log entries the library wrote for arrived documents need
 * no push: they touch only those documents (which the replica holds as they
 * are now) and every entry before them is pushed. The outgoing side then
 * skips them rather than reading each row back to find it unchanged, which
 * after a first sync of 10,000 papers was most of the work.
 */
async function onlyArrivals(db: NeurorefDb, logged: ChangeEntry[], docs: Doc[], pushedSeq: number): Promise<boolean> {
  if (logged.length === 0) return false
  const arrived = new Set(docs.map(doc => doc._id))
  for (const id of touchedDocumentIds(logged)) if (!arrived.has(id)) return false
  return nothingLoggedBetween(db, pushedSeq, logged[0].seq!)
}

async function applyDocuments(
  db: NeurorefDb,
  replica: ReplicaStore,
  docs: Doc[],
  indexFields: Map<Doc, IndexFields>,
  pending: Set<string>,
  device: string
): Promise<{ applied: number; logged: ChangeEntry[]; merged: number }> {
  // by type, each document with its library id (a list copied for every document made a first sync's batch of 500 allocate 125,000 slots)
  const byType = new Map<SyncDocument['type'], { list: Doc[]; ids: string[] }>()
  for (const doc of docs) {
    const { type, id } = parseDocumentId(doc._id)!
    const group = byType.get(type) ?? byType.set(type, { list: [], ids: [] }).get(type)!
    group.list.push(doc)
    group.ids.push(id)
  }
  const incoming = noSyncedChanges()
  let applied = 0
  let merged = 0
  for (const [type, { list, ids }] of byType) {
    const here = await documentsNow(db, type, ids)
    for (let i = 0; i < list.length; i++) {
      let doc: SyncDocument = list[i]
      const mine = here[i]
      // sameContent compares neither revision nor device
      if (doc._deleted ? mine._deleted : sameContent(doc, mine)) continue
      if (!doc._deleted && !mine._deleted && pending.has(doc._id)) {
        doc = await mergeWithUnpushed(replica, list[i], { ...mine, device })
        merged++
      }
      const id = ids[i]
      addTo(incoming, doc, id)
      // worked out for the document as it arrived: a merge works them out again
      const fields = doc === list[i] ? indexFields.get(list[i]) : undefined
      if (fields) incoming.indexFields.set(id, fields)
      applied++
    }
  }
  return { applied, logged: applied ? await applySyncedChanges(db, incoming) : [], merged }
}

/** A document that arrived while this computer changed it too: merged, the merge written on top of the arrival. */
async function mergeWithUnpushed(replica: ReplicaStore, arrived: Doc, mine: SyncDocument): Promise<SyncDocument> {
  const base = await baseOf(replica, arrived)
  const merged: SyncDocument = { ...arrived, data: mergeData(arrived.type, base, mine, arrived), device: mine.device }
  delete (merged as Doc)._conflicts
  delete (merged as Doc)._revisions
  await replica.put(merged)
  return merged
}

function addTo(incoming: SyncedChanges, doc: SyncDocument, id: string): void {
  const gone = doc._deleted
  if (doc.type === 'paper') gone ? incoming.deletedItems.push(id) : incoming.items.push(doc.data as Item)
  else if (doc.type === 'collection') gone ? incoming.deletedCollections.push(id) : incoming.collections.push(doc.data as Collection)
  else if (doc.type === 'note') gone ? incoming.deletedNotes.push(id) : incoming.notes.push(doc.data as Note)
  else if (doc.type === 'attachment') gone ? incoming.deletedAttachments.push(id) : incoming.attachments.push(doc.data as AttachmentRecord)
  else gone ? incoming.deletedTags.push(id) : incoming.tags.push(doc.data as Tag)
}
