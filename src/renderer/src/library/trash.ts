// Trash: deleting moves papers to the Trash; they can be restored until the
// Trash is emptied. Each action is one transaction.
import type { NeurorefDb } from './schema'

export async function moveToTrash(db: NeurorefDb, ids: string[]): Promise<void> {
  const now = Date.now()
  await db.transaction('rw', db.items, async () => {
    await db.items.where('id').anyOf(ids).modify({ trashedAt: now, modifiedAt: now })
  })
}

export async function restoreFromTrash(db: NeurorefDb, ids: string[]): Promise<void> {
  const now = Date.now()
  await db.transaction('rw', db.items, async () => {
    await db.items
      .where('id')
      .anyOf(ids)
      .modify(item => {
        delete item.trashedAt
        item.modifiedAt = now
      })
  })
}

/**
 * Deletes every paper in the Trash with its notes and attachment records.
 * Returns the attachment hashes no remaining item refers to: only those
 * files may leave the disk.
 */
export async function emptyTrash(db: NeurorefDb): Promise<{ deleted: number; orphanedFiles: string[] }> {
  return db.transaction('rw', db.items, db.notes, db.attachments, async () => {
    const ids = (await db.items.where('trashedAt').above(0).primaryKeys()) as string[]
    const attachments = await db.attachments.where('itemId').anyOf(ids).toArray()
    await db.notes.where('itemId').anyOf(ids).delete()
    await db.attachments.where('itemId').anyOf(ids).delete()
    await db.items.bulkDelete(ids)
    const hashes = [...new Set(attachments.map(a => a.hash))]
    const stillUsed = new Set((await db.attachments.where('hash').anyOf(hashes).toArray()).map(a => a.hash))
    return { deleted: ids.length, orphanedFiles: hashes.filter(h => !stillUsed.has(h)) }
  })
}
