// Outgoing: the change log since the last push, turned into documents and
// written to the replica (PouchDB replicates them to the server). A document
// the replica already holds with the same content is not written again: that
// is how changes that came from the server do not echo back.
import { changesSince } from '../library/change-log'
import type { NeurorefDb } from '../library/schema'
import { ChangedSince } from './changed-since'
import { readCheckpoint, writeCheckpoint } from './checkpoint'
import { isFromNewerApp, sameContent, type DocumentType, type PaperData, type SyncDocument } from './documents'
import { rememberWrites } from './own-writes'
import type { ReplicaStore } from './replica'
import { DOCUMENTS_PER_MESSAGE } from './replica-client'
import { documentsNow, everyId, touchedIds } from './rows'

const BATCH = 500
/** CouchDB refuses a document over its max_document_size (8,000,000 bytes by default); a little is kept for _rev and the rest */
const LARGEST_DOCUMENT = 7_900_000

export interface PushOutcome {
  /** documents written to the replica */
  written: string[]
  /** false when some documents changed in the replica meanwhile: apply incoming changes, then push again */
  done: boolean
  /** documents too large for the server: not written, so they hold back nothing else */
  tooLarge: string[]
}

/**
 * `user`: in a lab library, the session's user name, written into each paper as who added and who last edited it.
 * `batchWritten`: told the documents of each batch as it is written, so that the push can send them while the next is made.
 */
export async function pushLocalChanges(
  db: NeurorefDb,
  replica: ReplicaStore,
  user?: string,
  batchWritten?: (written: string[]) => Promise<void>
): Promise<PushOutcome> {
  const checkpoint = await readCheckpoint(replica)
  const { entries, complete, lastSeq } = await changesSince(db, checkpoint.pushedSeq)
  if (lastSeq === checkpoint.pushedSeq && checkpoint.pushedSeq > 0) return { written: [], done: true, tooLarge: [] }
  const everything = checkpoint.pushedSeq === 0 || !complete || entries.some(e => e.kind === 'library')
  const touched = everything ? await everyId(db) : touchedIds(entries)
  const written: string[] = []
  const tooLarge: string[] = []
  let done = true
  // a document that arrived after the last applied change is merged by the incoming side first
  const arrivedSince = new ChangedSince(replica, checkpoint.appliedSeq)
  for (const type of Object.keys(touched) as DocumentType[]) {
    const ids = [...touched[type]]
    for (let at = 0; at < ids.length; at += BATCH) {
      const docs = (await documentsNow(db, type, ids.slice(at, at + BATCH))).map(doc => ({ ...doc, device: checkpoint.device }))
      const outcome = await writeBatch(replica, docs, await arrivedSince.among(docs.map(doc => doc._id)), user)
      written.push(...outcome.written)
      tooLarge.push(...outcome.tooLarge)
      done &&= outcome.done
      if (outcome.written.length) await batchWritten?.(outcome.written)
    }
  }
  if (done) await writeCheckpoint(replica, { pushedSeq: lastSeq })
  return { written, done, tooLarge }
}

async function writeBatch(replica: ReplicaStore, wanted: SyncDocument[], arrived: Set<string>, user?: string): Promise<PushOutcome> {
  const keys = wanted.map(doc => doc._id)
  const held = await replica.allDocs({ keys, include_docs: true })
  const writes: SyncDocument[] = []
  const tooLarge: string[] = []
  // written as the library has them (a signed paper is not: its names still have to come in)
  const asInLibrary = new Set<string>()
  held.rows.forEach((row, i) => {
    if (arrived.has(wanted[i]._id)) return
    const current = 'error' in row ? undefined : row.value.deleted ? undefined : (row.doc as SyncDocument | undefined)
    const doc = user ? signed(wanted[i], current, user) : wanted[i]
    if (current && isFromNewerApp(current)) return
    if (doc._deleted) {
      if (current) writes.push({ _id: doc._id, _rev: current._rev, _deleted: true, type: doc.type, schema: doc.schema, data: {} as never })
      return
    }
    if (sameContent(current, doc)) return
    if (sizeOf(doc) > LARGEST_DOCUMENT) return void tooLarge.push(doc._id)
    if (doc === wanted[i] || sameContent(doc, wanted[i])) asInLibrary.add(doc._id)
    writes.push(current ? { ...doc, _rev: current._rev } : doc)
  })
  const results: Awaited<ReturnType<ReplicaStore['bulkDocs']>> = []
  for (let at = 0; at < writes.length; at += DOCUMENTS_PER_MESSAGE) results.push(...(await replica.bulkDocs(writes.slice(at, at + DOCUMENTS_PER_MESSAGE))))
  rememberWrites(
    replica,
    (results as { id?: string; rev?: string }[]).filter(r => r.id && asInLibrary.has(r.id))
  )
  const failed = results.filter(r => 'error' in r && r.error)
  return { written: writes.map(w => w._id), done: arrived.size === 0 && failed.length === 0, tooLarge }
}

/** Bytes of the document as JSON (UTF-8 only counted when it could matter). */
function sizeOf(doc: SyncDocument): number {
  const json = JSON.stringify(doc)
  return json.length * 3 > LARGEST_DOCUMENT ? new TextEncoder().encode(json).length : json.length
}

/**
 * A paper as `user` writes it: who added it stays as the server has it (or
 * `user` for a new one); `user` becomes who last edited it only when its
 * content changed. The library learns both when the document comes back in.
 */
function signed(doc: SyncDocument, current: SyncDocument | undefined, user: string): SyncDocument {
  if (doc.type !== 'paper' || doc._deleted) return doc
  const data = doc.data as PaperData
  const was = current?.data as PaperData | undefined
  const addedBy = was?.addedBy ?? data.addedBy ?? user
  const unchanged: SyncDocument = { ...doc, data: { ...data, addedBy, editedBy: was?.editedBy } }
  return current && sameContent(current, unchanged) ? unchanged : { ...doc, data: { ...data, addedBy, editedBy: user } }
}
