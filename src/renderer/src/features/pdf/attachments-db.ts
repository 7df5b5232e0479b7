// Attachment records and their full text in the library database. Main keeps
// the bytes (by hash); the renderer keeps which item holds which file. Each
// user action is one transaction.
import type { NeurorefApi, StoredFile } from '../../../../shared/contract'
import type { AttachmentRecord } from '../../../../shared/model'
import { emptyTrash } from '../../library/trash'
import type { FullText, NeurorefDb } from '../../library/schema'

/**
 * Attaches a stored file to an item. The same file attached to the same item
 * twice stays one attachment; `added` says whether a record was made.
 */
export async function attachStoredFile(
  db: NeurorefDb,
  itemId: string,
  file: StoredFile,
  now = Date.now()
): Promise<{ record: AttachmentRecord; added: boolean }> {
  return db.transaction('rw', db.items, db.attachments, async () => {
    const existing = await db.attachments
      .where('hash')
      .equals(file.hash)
      .filter(a => a.itemId === itemId)
      .first()
    if (existing) return { record: existing, added: false }
    const record: AttachmentRecord = { id: crypto.randomUUID(), itemId, hash: file.hash, fileName: file.fileName, size: file.size, addedAt: now }
    await db.attachments.add(record)
    // Touching the item tells the list (and the open item pane) that something changed.
    await db.items.update(itemId, { modifiedAt: now })
    return { record, added: true }
  })
}

export async function attachmentsOf(db: NeurorefDb, itemId: string): Promise<AttachmentRecord[]> {
  return (await db.attachments.where('itemId').equals(itemId).toArray()).sort((a, b) => a.addedAt - b.addedAt)
}

/** Attachments whose text was never extracted (after a crash, or from an older version). */
export async function attachmentsWithoutText(db: NeurorefDb): Promise<AttachmentRecord[]> {
  const done = new Set((await db.fullTexts.toCollection().primaryKeys()) as string[])
  return (await db.attachments.toArray()).filter(a => !done.has(a.id))
}

export async function saveFullText(
  db: NeurorefDb,
  attachment: AttachmentRecord,
  text: { pages: string[]; hasTextLayer: boolean },
  now = Date.now()
): Promise<void> {
  await db.transaction('rw', db.attachments, db.fullTexts, async () => {
    // The attachment may have gone (Trash emptied) while its text was being read.
    if (!(await db.attachments.get(attachment.id))) return
    const row: FullText = { attachmentId: attachment.id, itemId: attachment.itemId, pages: text.pages, hasTextLayer: text.hasTextLayer, extractedAt: now }
    await db.fullTexts.put(row)
  })
}

/**
 * Empties the Trash with the full text of its papers, then asks main to delete
 * the files no remaining item refers to. The library is changed first: a
 * file that could not be deleted is only wasted space, never a broken link.
 */
export async function emptyTrashWithFiles(db: NeurorefDb, api: Pick<NeurorefApi, 'attachments.remove'>): Promise<{ deleted: number; filesRemoved: number }> {
  const { deleted, orphanedFiles } = await db.transaction('rw', [db.items, db.notes, db.attachments, db.fullTexts], async () => {
    const ids = (await db.items.where('trashedAt').above(0).primaryKeys()) as string[]
    const outcome = await emptyTrash(db)
    await db.fullTexts.where('itemId').anyOf(ids).delete()
    return outcome
  })
  if (orphanedFiles.length === 0) return { deleted, filesRemoved: 0 }
  const removed = await api['attachments.remove']({ hashes: orphanedFiles })
  return { deleted, filesRemoved: removed.ok ? removed.value.removed : 0 }
}

/** Moves every attachment (and its text) of one item to another: a placeholder item found to be a paper already in the library. */
export async function moveAttachments(db: NeurorefDb, fromItemId: string, toItemId: string): Promise<void> {
  await db.attachments.where('itemId').equals(fromItemId).modify({ itemId: toItemId })
  await db.fullTexts.where('itemId').equals(fromItemId).modify({ itemId: toItemId })
}
