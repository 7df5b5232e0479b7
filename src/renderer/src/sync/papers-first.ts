// An attachment's document can reach the replica before its paper's: the pull
// writes what it brings in any order, and a paper and its PDF's record can
// fall in two batches. The library keeps only attachments whose paper it holds
// (for a paper deleted here meanwhile), so an attachment whose paper is not
// here yet goes with its paper: taken from the replica when it is there,
// otherwise remembered (in the checkpoint) until the paper arrives.
import type { NeurorefDb } from '../library/schema'
import type { AttachmentRecord } from '@shared/model'
import { documentId, parseDocumentId, type SyncDocument } from './documents'
import type { ReplicaStore } from './replica'

type Doc = SyncDocument & { _rev: string }

/** attachment id → the paper id it waits for */
export type WaitingAttachments = Record<string, string>

/** The documents to apply with this batch so that its attachments find their papers, and those that wait it released. */
export async function withTheirPapers(db: NeurorefDb, replica: ReplicaStore, docs: Doc[], waiting: WaitingAttachments): Promise<Doc[]> {
  const inBatch = new Set(docs.filter(doc => doc.type === 'paper' && !doc._deleted).map(doc => parseDocumentId(doc._id)!.id))
  const orphans = docs.filter(doc => doc.type === 'attachment' && !doc._deleted && !inBatch.has((doc.data as AttachmentRecord).itemId))
  const itemIds = [...new Set(orphans.map(doc => (doc.data as AttachmentRecord).itemId))]
  const here = new Set((await db.items.bulkGet(itemIds)).flatMap(item => (item ? [item.id] : [])))
  const missing = itemIds.filter(id => !here.has(id))
  const extra: Doc[] = []
  if (missing.length) {
    const { rows } = await replica.allDocs({ keys: missing.map(id => documentId('paper', id)), include_docs: true })
    rows.forEach((row, i) => {
      if ('doc' in row && row.doc) extra.push(row.doc as unknown as Doc)
      else if (!('value' in row && row.value?.deleted)) {
        // not in the replica yet: wait for it (a paper deleted since takes no attachment)
        for (const doc of orphans) if ((doc.data as AttachmentRecord).itemId === missing[i]) waiting[parseDocumentId(doc._id)!.id] = missing[i]
      }
    })
  }
  for (const doc of extra) inBatch.add(parseDocumentId(doc._id)!.id)
  const released = Object.keys(waiting).filter(id => inBatch.has(waiting[id]))
  if (released.length) {
    const { rows } = await replica.allDocs({ keys: released.map(id => documentId('attachment', id)), include_docs: true })
    for (const row of rows) if ('doc' in row && row.doc) extra.push(row.doc as unknown as Doc)
    for (const id of released) delete waiting[id]
  }
  return extra
}
