// Between the library's rows and sync documents: which documents a list of
// change-log entries touches, and the document each row makes now (a deleted
// row makes a deletion).
import type { ChangeEntry } from '../library/change-log'
import type { NeurorefDb } from '../library/schema'
import { documentId, documentOf, paperData, type DocumentType, type SyncDocument } from './documents'

/** Ids of the documents the entries touch, by type (saved searches, settings and full text are not synced). */
export function touchedIds(entries: readonly ChangeEntry[]): Record<DocumentType, Set<string>> {
  const touched: Record<DocumentType, Set<string>> = { paper: new Set(), collection: new Set(), note: new Set(), tag: new Set(), attachment: new Set() }
  const type: Partial<Record<ChangeEntry['kind'], DocumentType>> = {
    item: 'paper',
    trash: 'paper',
    collection: 'collection',
    note: 'note',
    tag: 'tag',
    attachment: 'attachment'
  }
  for (const entry of entries) {
    const t = type[entry.kind]
    if (t) for (const id of entry.ids) touched[t].add(id)
  }
  return touched
}

export function touchedDocumentIds(entries: readonly ChangeEntry[]): Set<string> {
  const touched = touchedIds(entries)
  return new Set((Object.keys(touched) as DocumentType[]).flatMap(type => [...touched[type]].map(id => documentId(type, id))))
}

/** Every id in the library, for a first sync or after a restored backup. */
export async function everyId(db: NeurorefDb): Promise<Record<DocumentType, Set<string>>> {
  return {
    paper: new Set((await db.items.toCollection().primaryKeys()) as string[]),
    collection: new Set((await db.collections.toCollection().primaryKeys()) as string[]),
    note: new Set((await db.notes.toCollection().primaryKeys()) as string[]),
    tag: new Set((await db.tags.toCollection().primaryKeys()) as string[]),
    attachment: new Set((await db.attachments.toCollection().primaryKeys()) as string[])
  }
}

const deletion = (type: DocumentType, id: string): SyncDocument => ({ ...documentOf(type, id, {} as never), _deleted: true })

/** The document each id makes from the library now. */
export async function documentsNow(db: NeurorefDb, type: DocumentType, ids: string[]): Promise<SyncDocument[]> {
  const pick = <T>(rows: (T | undefined)[], make: (row: T) => SyncDocument): SyncDocument[] => rows.map((row, i) => (row ? make(row) : deletion(type, ids[i])))
  if (type === 'paper') return pick(await db.items.bulkGet(ids), item => documentOf('paper', item.id, paperData(item)))
  if (type === 'collection') return pick(await db.collections.bulkGet(ids), c => documentOf('collection', c.id, c))
  if (type === 'note') return pick(await db.notes.bulkGet(ids), n => documentOf('note', n.id, n))
  if (type === 'attachment') return pick(await db.attachments.bulkGet(ids), a => documentOf('attachment', a.id, a))
  return pick(await db.tags.bulkGet(ids), t => documentOf('tag', t.name, t))
}
