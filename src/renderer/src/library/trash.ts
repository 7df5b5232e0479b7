// The Trash: deleting moves papers to the Trash; they can be restored until
// the Trash is emptied. Emptying deletes the papers with their notes,
// attachment records and full text, then asks main to delete the PDF files no
// remaining paper refers to. Every place that trashes, restores or empties
// calls this module.
import type { NeurorefApi } from '@shared/contract'
import type { AttachmentRecord } from '@shared/model'
import type { NeurorefDb } from './schema'
import { changeItems, inKeyOrder, itemsWithIds, write, type ChangeOptions, type Changes } from './write'

/** Moves papers to the Trash; returns how many moved (those already there are left alone). */
export async function moveToTrash(db: NeurorefDb, ids: string[], options: ChangeOptions = {}): Promise<number> {
  ids = await inKeyOrder(ids)
  const now = Date.now()
  return write(db, [db.items], async changes => {
    const outside = itemsWithIds(db, ids, item => item.trashedAt === undefined)
    const moved = await changeItems(
      db,
      changes,
      outside,
      item => {
        item.trashedAt = now
        item.modifiedAt = now
      },
      options
    )
    // the log's "item changed" entries of changeItems name these papers already
    changes.announce({ kind: 'trash', change: 'moved', ids: moved })
    return moved.length
  })
}

/** Takes papers out of the Trash; returns how many came back. */
export async function restoreFromTrash(db: NeurorefDb, ids: string[], options: ChangeOptions = {}): Promise<number> {
  ids = await inKeyOrder(ids)
  const now = Date.now()
  return write(db, [db.items], async changes => {
    const inside = itemsWithIds(db, ids, item => item.trashedAt !== undefined)
    const restored = await changeItems(
      db,
      changes,
      inside,
      item => {
        delete item.trashedAt
        item.modifiedAt = now
      },
      options
    )
    changes.announce({ kind: 'trash', change: 'restored', ids: restored })
    return restored.length
  })
}

/**
 * Deletes every paper in the Trash with its notes, attachment records and
 * full text, in one transaction. Returns the attachment hashes no remaining
 * item refers to: only those files may leave the disk.
 */
export async function emptyTrashRecords(db: NeurorefDb): Promise<{ deleted: number; orphanedFiles: string[] }> {
  return write(db, [db.items, db.notes, db.attachments, db.fullTexts], async changes => {
    const ids = (await db.items.where('trashedAt').above(0).primaryKeys()) as string[]
    const attachments = await deletePapers(db, changes, ids)
    const hashes = [...new Set(attachments.map(a => a.hash))]
    const stillUsed = new Set((await db.attachments.where('hash').anyOf(hashes).toArray()).map(a => a.hash))
    changes.record({ kind: 'trash', change: 'emptied', ids })
    return { deleted: ids.length, orphanedFiles: hashes.filter(h => !stillUsed.has(h)) }
  })
}

/**
 * Deletes papers for good with their notes, attachment records and full text,
 * inside the caller's write (emptying the Trash, a paper deleted on another
 * computer), and records the events. Returns the attachment records that went.
 */
export async function deletePapers(db: NeurorefDb, changes: Changes, ids: string[]): Promise<AttachmentRecord[]> {
  const attachments = await db.attachments.where('itemId').anyOf(ids).toArray()
  const notes = await db.notes.where('itemId').anyOf(ids).toArray()
  await db.notes.bulkDelete(notes.map(n => n.id))
  await db.attachments.bulkDelete(attachments.map(a => a.id))
  await db.fullTexts.where('itemId').anyOf(ids).delete()
  await db.items.bulkDelete(ids)
  changes.record({ kind: 'note', change: 'deleted', ids: notes.map(n => n.id), itemIds: notes.map(n => n.itemId) })
  changes.record({ kind: 'attachment', change: 'deleted', ids: attachments.map(a => a.id), records: attachments })
  changes.record({ kind: 'item', change: 'deleted', ids })
  return attachments
}

/**
 * Empties the Trash, then asks main to delete the files no remaining paper
 * refers to. The library is changed first: a file that could not be deleted
 * is only wasted space, never a broken link.
 */
export async function emptyTrash(db: NeurorefDb, api: Pick<NeurorefApi, 'attachments.remove'>): Promise<{ deleted: number; filesRemoved: number }> {
  const { deleted, orphanedFiles } = await emptyTrashRecords(db)
  if (orphanedFiles.length === 0) return { deleted, filesRemoved: 0 }
  const removed = await api['attachments.remove']({ hashes: orphanedFiles })
  return { deleted, filesRemoved: removed.ok ? removed.value.removed : 0 }
}
