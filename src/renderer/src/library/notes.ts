// One note per paper, in Markdown. Saving an empty note removes it.
import type { Note } from '@shared/model'
import type { NeurorefDb } from './schema'
import { write } from './write'

export async function noteOf(db: NeurorefDb, itemId: string): Promise<Note | undefined> {
  return db.notes.where('itemId').equals(itemId).first()
}

/** Writes the paper's note (created on first save); returns it, or undefined when emptied. */
export async function saveNote(db: NeurorefDb, itemId: string, text: string): Promise<Note | undefined> {
  return write(db, [db.notes], async changes => {
    const existing = await noteOf(db, itemId)
    const now = Date.now()
    if (!text.trim()) {
      if (existing) {
        await db.notes.delete(existing.id)
        changes.record({ kind: 'note', change: 'deleted', ids: [existing.id], itemIds: [itemId] })
      }
      return undefined
    }
    if (existing?.text === text) return existing
    const note: Note = existing ? { ...existing, text, modifiedAt: now } : { id: crypto.randomUUID(), itemId, text, createdAt: now, modifiedAt: now }
    await db.notes.put(note)
    changes.record({ kind: 'note', change: 'saved', ids: [note.id], itemIds: [itemId], notes: [note] })
    return note
  })
}
