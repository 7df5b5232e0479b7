// Changes that arrived from another computer (sync/), written like any other
// change: one transaction, index fields set by withIndexFields, events and
// change-log entries recorded, so the list, search index and auto-export
// follow. Sync recognises its own writes in the change log by content (the
// document it would build equals the one it has), so nothing echoes back.
import type { AttachmentRecord, Collection, Item, Note, Tag } from '@shared/model'
import { withIndexFields, type IndexFields } from './index-fields'
import { loadPeptideTagger } from './peptide-tagger'
import { inChunks, inSlices } from './slices'
import { deletePapers } from './trash'
import type { NeurorefDb } from './schema'
import { writeLogged } from './write'
import type { ChangeEntry } from './change-log'

export interface SyncedChanges {
  /** papers as another computer has them (index fields are worked out here, or taken from `indexFields`) */
  items: Item[]
  /** by paper id: the index fields `indexFieldsOf` gave for exactly that paper's record (the sync worker works them out, off the window's thread) */
  indexFields: Map<string, IndexFields>
  /** papers deleted for good there (Trash emptied, merged away) */
  deletedItems: string[]
  collections: Collection[]
  deletedCollections: string[]
  notes: Note[]
  deletedNotes: string[]
  tags: Tag[]
  deletedTags: string[]
  /** which paper holds which PDF (by hash): the bytes come from the server when the PDF is opened */
  attachments: AttachmentRecord[]
  deletedAttachments: string[]
}

export function noSyncedChanges(): SyncedChanges {
  return {
    items: [],
    indexFields: new Map(),
    deletedItems: [],
    collections: [],
    deletedCollections: [],
    notes: [],
    deletedNotes: [],
    tags: [],
    deletedTags: [],
    attachments: [],
    deletedAttachments: []
  }
}

/**
 * Returns the change-log entries it wrote: sync tells its own arrivals from the researcher's edits by them.
 * The papers' index fields (peptide tags: about 2 ms a paper), unless given, are worked out before the transaction, a
 * slice at a time, and the papers are read and stored in chunks: a first sync's batch of 500 was a window task of up to 1 s.
 */
export async function applySyncedChanges(db: NeurorefDb, incoming: SyncedChanges): Promise<ChangeEntry[]> {
  const tables = [db.items, db.collections, db.notes, db.tags, db.attachments, db.fullTexts]
  const items: Item[] = []
  if (incoming.items.some(item => !incoming.indexFields.has(item.id))) await loadPeptideTagger()
  await inSlices(incoming.items, item => items.push(withIndexFields(item, incoming.indexFields.get(item.id))))
  const { entries } = await writeLogged(db, tables, async changes => {
    if (items.length) {
      const before = new Map<string, Item>()
      await inChunks(items, async chunk => (await db.items.bulkGet(chunk.map(item => item.id))).forEach(item => item && before.set(item.id, item)))
      await inChunks(items, chunk => db.items.bulkPut(chunk))
      const added = items.filter(item => !before.has(item.id))
      const changed = items.filter(item => before.has(item.id))
      changes.record({ kind: 'item', change: 'added', ids: added.map(i => i.id), items: added })
      changes.record({ kind: 'item', change: 'changed', ids: changed.map(i => i.id), items: changed })
      const wasTrashed = (item: Item): boolean => before.get(item.id)?.trashedAt !== undefined
      changes.record({ kind: 'trash', change: 'moved', ids: changed.filter(i => i.trashedAt !== undefined && !wasTrashed(i)).map(i => i.id) })
      changes.record({ kind: 'trash', change: 'restored', ids: changed.filter(i => i.trashedAt === undefined && wasTrashed(i)).map(i => i.id) })
    }
    if (incoming.deletedItems.length) {
      const ids = (await db.items.bulkGet(incoming.deletedItems)).flatMap(item => (item ? [item.id] : []))
      await deletePapers(db, changes, ids)
    }
    if (incoming.collections.length) {
      const known = new Set((await db.collections.bulkGet(incoming.collections.map(c => c.id))).flatMap(c => (c ? [c.id] : [])))
      await db.collections.bulkPut(incoming.collections)
      const added = incoming.collections.filter(c => !known.has(c.id))
      const changed = incoming.collections.filter(c => known.has(c.id))
      changes.record({ kind: 'collection', change: 'added', ids: added.map(c => c.id), collections: added })
      changes.record({ kind: 'collection', change: 'changed', ids: changed.map(c => c.id), collections: changed })
    }
    if (incoming.deletedCollections.length) {
      await db.collections.bulkDelete(incoming.deletedCollections)
      changes.record({ kind: 'collection', change: 'deleted', ids: incoming.deletedCollections })
    }
    if (incoming.notes.length) {
      await db.notes.bulkPut(incoming.notes)
      changes.record({ kind: 'note', change: 'saved', ids: incoming.notes.map(n => n.id), itemIds: incoming.notes.map(n => n.itemId), notes: incoming.notes })
    }
    if (incoming.deletedNotes.length) {
      const notes = (await db.notes.bulkGet(incoming.deletedNotes)).flatMap(n => (n ? [n] : []))
      await db.notes.bulkDelete(notes.map(n => n.id))
      changes.record({ kind: 'note', change: 'deleted', ids: notes.map(n => n.id), itemIds: notes.map(n => n.itemId) })
    }
    if (incoming.tags.length) {
      await db.tags.bulkPut(incoming.tags)
      changes.record({ kind: 'tag', change: 'changed', ids: incoming.tags.map(t => t.name) })
    }
    if (incoming.deletedTags.length) {
      await db.tags.bulkDelete(incoming.deletedTags)
      changes.record({ kind: 'tag', change: 'deleted', ids: incoming.deletedTags })
    }
    if (incoming.attachments.length) {
      // a paper deleted here meanwhile takes no attachment
      const held = new Set((await db.items.bulkGet(incoming.attachments.map(a => a.itemId))).flatMap(item => (item ? [item.id] : [])))
      const records = incoming.attachments.filter(a => held.has(a.itemId))
      const before = new Map((await db.attachments.bulkGet(records.map(a => a.id))).flatMap(a => (a ? [[a.id, a] as const] : [])))
      await db.attachments.bulkPut(records)
      const added = records.filter(a => !before.has(a.id))
      const moved = records.filter(a => before.has(a.id))
      changes.record({ kind: 'attachment', change: 'added', ids: added.map(a => a.id), records: added })
      changes.record({ kind: 'attachment', change: 'moved', ids: moved.map(a => a.id), records: moved })
    }
    if (incoming.deletedAttachments.length) {
      const records = (await db.attachments.bulkGet(incoming.deletedAttachments)).flatMap(a => (a ? [a] : []))
      await db.attachments.bulkDelete(records.map(a => a.id))
      await db.fullTexts.bulkDelete(records.map(a => a.id))
      changes.record({ kind: 'attachment', change: 'deleted', ids: records.map(a => a.id), records })
    }
  })
  return entries
}
