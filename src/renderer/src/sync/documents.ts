// The sync document format (docs/SYNC.md): one CouchDB document per paper,
// collection, note and tag, with a stable id and our schema version. A
// paper's document holds the item as the researcher made it; the fields the
// library works out again from it (index fields, peptide tags) stay out. An
// attachment's document names its PDF by hash; the bytes travel in the files
// database (files.ts).
import type { AttachmentRecord, Collection, Item, Note, Tag } from '@shared/model'

/** The version of the document format this app writes and understands. */
const SYNC_SCHEMA = 1

export type DocumentType = 'paper' | 'collection' | 'note' | 'tag' | 'attachment'

export interface DocumentData {
  paper: PaperData
  collection: Collection
  note: Note
  tag: Tag
  attachment: AttachmentRecord
}

/** An item without the fields `withIndexFields` derives from it. */
export type PaperData = Omit<Item, 'titleWords' | 'year' | 'doiKey' | 'peptideTags'>

export interface SyncDocument {
  _id: string
  _rev?: string
  _deleted?: boolean
  type: DocumentType
  /** SYNC_SCHEMA of the app that wrote it */
  schema: number
  data: DocumentData[DocumentType]
  /** the computer that wrote this revision (checkpoint.ts): a conflict says which value is whose */
  device?: string
}

const PREFIX: Record<DocumentType, string> = { paper: 'paper:', collection: 'collection:', note: 'note:', tag: 'tag:', attachment: 'attachment:' }

export function documentId(type: DocumentType, id: string): string {
  return PREFIX[type] + id
}

/** The type and library id a document id names, or undefined for ids that are not ours (design documents). */
export function parseDocumentId(docId: string): { type: DocumentType; id: string } | undefined {
  for (const type of Object.keys(PREFIX) as DocumentType[]) if (docId.startsWith(PREFIX[type])) return { type, id: docId.slice(PREFIX[type].length) }
  return undefined
}

export function paperData(item: Item): PaperData {
  const { titleWords: _words, year: _year, doiKey: _doiKey, peptideTags: _peptides, ...data } = item
  return data
}

export function documentOf<T extends DocumentType>(type: T, id: string, data: DocumentData[T]): SyncDocument {
  return { _id: documentId(type, id), type, schema: SYNC_SCHEMA, data }
}

/** A document written by a newer app: kept untouched, never applied or overwritten. */
export function isFromNewerApp(doc: { schema?: unknown }): boolean {
  return typeof doc.schema !== 'number' || doc.schema > SYNC_SCHEMA
}

/** JSON with object keys sorted, so two documents with the same content compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  )
}

export function sameContent(a: SyncDocument | undefined, b: SyncDocument | undefined): boolean {
  if (!a || !b) return a === b
  return a.type === b.type && a.schema === b.schema && Boolean(a._deleted) === Boolean(b._deleted) && canonical(a.data) === canonical(b.data)
}
