// Attachment records and their full text. Main keeps the bytes (by hash); the
// library keeps which item holds which file. Each user action is one write.
import type { StoredFile } from '@shared/contract'
import type { AttachmentRecord } from '@shared/model'
import type { FullText, NeurorefDb } from './schema'
import { write, type Changes } from './write'

/**
 * Attaches a stored file to an item. The same file attached to the same item
 * twice stays one attachment; `added` says whether a record was made. `text`
 * (read when the file was stored) is kept as its full text in the same write.
 */
export async function attachStoredFile(
  db: NeurorefDb,
  itemId: string,
  file: StoredFile,
  now = Date.now(),
  text?: { pages: string[]; hasTextLayer: boolean }
): Promise<{ record: AttachmentRecord; added: boolean }> {
  return write(db, [db.items, db.attachments, db.fullTexts], async changes => {
    const existing = await db.attachments
      .where('hash')
      .equals(file.hash)
      .filter(a => a.itemId === itemId)
      .first()
    if (existing) return { record: existing, added: false }
    const record: AttachmentRecord = { id: crypto.randomUUID(), itemId, hash: file.hash, fileName: file.fileName, size: file.size, addedAt: now }
    await db.attachments.add(record)
    changes.record({ kind: 'attachment', change: 'added', ids: [record.id], records: [record] })
    if (text) await saveFullText(db, record, text, now)
    return { record, added: true }
  })
}

export async function attachmentsOf(db: NeurorefDb, itemId: string): Promise<AttachmentRecord[]> {
  return (await db.attachments.where('itemId').equals(itemId).toArray()).sort((a, b) => a.addedAt - b.addedAt)
}

export async function fullTextsOf(db: NeurorefDb, itemId: string): Promise<FullText[]> {
  return db.fullTexts.where('itemId').equals(itemId).toArray()
}

/** Attachments whose text was never extracted (after a crash, or from an older version). */
export async function attachmentsWithoutText(db: NeurorefDb): Promise<AttachmentRecord[]> {
  const done = new Set((await db.fullTexts.toCollection().primaryKeys()) as string[])
  return (await db.attachments.toArray()).filter(a => !done.has(a.id))
}

/** The files holding this PDF (by hash) whose text is not read yet. */
export async function attachmentsWithoutTextOf(db: NeurorefDb, hash: string): Promise<AttachmentRecord[]> {
  const records = await db.attachments.where('hash').equals(hash).toArray()
  const texts = await db.fullTexts.bulkGet(records.map(record => record.id))
  return records.filter((_, i) => !texts[i])
}

export async function saveFullText(
  db: NeurorefDb,
  attachment: AttachmentRecord,
  text: { pages: string[]; hasTextLayer: boolean },
  now = Date.now()
): Promise<void> {
  await write(db, [db.attachments, db.fullTexts], async changes => {
    // The attachment may have gone (Trash emptied) while its text was being read.
    const record = await db.attachments.get(attachment.id)
    if (!record) return
    const row: FullText = { attachmentId: record.id, itemId: record.itemId, pages: text.pages, hasTextLayer: text.hasTextLayer, extractedAt: now }
    await db.fullTexts.put(row)
    changes.record({ kind: 'attachment', change: 'text', ids: [record.id], records: [record], texts: [row] })
  })
}

/**
 * Moves every attachment (and its text) of one item to another, inside the
 * caller's write: a merge, or a placeholder found to be a paper already in the library.
 */
export async function moveAttachments(db: NeurorefDb, changes: Changes, fromItemId: string, toItemId: string): Promise<void> {
  const records = (await db.attachments.where('itemId').equals(fromItemId).toArray()).map(a => ({ ...a, itemId: toItemId }))
  const texts = (await db.fullTexts.where('itemId').equals(fromItemId).toArray()).map(t => ({ ...t, itemId: toItemId }))
  await db.attachments.bulkPut(records)
  await db.fullTexts.bulkPut(texts)
  changes.record({ kind: 'attachment', change: 'moved', ids: records.map(a => a.id), records, texts })
}
