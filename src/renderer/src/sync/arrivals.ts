// The replica's changes feed as the incoming side reads it: a page of changes
// with their documents and conflicts, and each arriving paper's index fields
// (title words, year, DOI case, peptide tags: about 2 ms a paper) worked out
// where the page is read. In the app that is the sync worker, so the window
// only stores them: a first sync of 10,000 papers spent 1.5–3.7 s of the
// window's thread on them.
import type { Item } from '@shared/model'
import { indexFieldsOf, type IndexFields } from '../library/index-fields'
import { loadPeptideTagger } from '../library/peptide-tagger'
import { isFromNewerApp, type SyncDocument } from './documents'
import type { ReplicaStore } from './replica'

export interface Arrival {
  doc?: unknown
  /** the paper's index fields, when it is applied as it arrived (not deleted, from this schema, no conflict to merge) */
  indexFields?: IndexFields
}

export interface ArrivalsPage {
  results: Arrival[]
  last_seq: number | string
}

type Doc = SyncDocument & { _conflicts?: string[] }

/** Up to `limit` of the replica's changes after `since`, read here. */
export async function readArrivals(replica: ReplicaStore, since: number | string, limit: number): Promise<ArrivalsPage> {
  const page = await replica.changes({ since, limit, include_docs: true, conflicts: true })
  await loadPeptideTagger()
  return { results: page.results.map(change => ({ doc: change.doc, indexFields: fieldsOf(change.doc as Doc | undefined) })), last_seq: page.last_seq }
}

/** The same, from the sync worker when the replica is there (replica-client.ts: sent as JSON text). */
export function arrivalsAfter(replica: ReplicaStore, since: number | string, limit: number): Promise<ArrivalsPage> {
  return replica.arrivals ? replica.arrivals(since, limit) : readArrivals(replica, since, limit)
}

function fieldsOf(doc: Doc | undefined): IndexFields | undefined {
  if (!doc || doc._deleted || doc.type !== 'paper' || isFromNewerApp(doc) || doc._conflicts?.length) return undefined
  return indexFieldsOf(doc.data as Item)
}
