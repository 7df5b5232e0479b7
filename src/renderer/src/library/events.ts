// Library events: what a write changed, delivered once its transaction has
// committed (never for a write that was rolled back). The in-memory store and
// the views listen here instead of re-reading rows; the change log
// (change-log.ts) keeps the same events, without their rows, for sync and
// auto-export.
import type { AttachmentRecord, Collection, Item, Note } from '@shared/model'
import type { FullText } from './schema'

export type LibraryEvent =
  /** papers stored: `items` are the rows as written */
  | { kind: 'item'; change: 'added' | 'changed'; ids: string[]; items: Item[] }
  /** papers gone for good (Trash emptied, merged into another) */
  | { kind: 'item'; change: 'deleted'; ids: string[] }
  /** papers moved to or out of the Trash, or deleted when it was emptied (ids are item ids) */
  | { kind: 'trash'; change: 'moved' | 'restored' | 'emptied'; ids: string[] }
  /** one note per paper: `notes` hold the saved text; `itemIds` the papers whose note changed */
  | { kind: 'note'; change: 'saved'; ids: string[]; itemIds: string[]; notes: Note[] }
  | { kind: 'note'; change: 'deleted'; ids: string[]; itemIds: string[] }
  /** attachment records; `text` means their full text was read; `moved` to another paper (merge) */
  | { kind: 'attachment'; change: 'added' | 'moved' | 'deleted'; ids: string[]; records: AttachmentRecord[]; texts?: FullText[] }
  | { kind: 'attachment'; change: 'text'; ids: string[]; records: AttachmentRecord[]; texts: FullText[] }
  | { kind: 'collection'; change: 'added' | 'changed'; ids: string[]; collections: Collection[] }
  | { kind: 'collection'; change: 'deleted'; ids: string[] }
  /** manual tags renamed, merged, coloured or deleted (ids are tag names) */
  | { kind: 'tag'; change: 'changed' | 'deleted'; ids: string[] }
  /** saved library searches and saved PubMed searches (ids are search ids) */
  | { kind: 'search'; change: 'added' | 'changed' | 'deleted'; ids: string[] }
  /** settings rows (ids are setting keys) */
  | { kind: 'settings'; change: 'changed'; ids: string[] }
  /** every table replaced (a backup restored): listeners start again from the database */
  | { kind: 'library'; change: 'restored'; ids: string[] }

export type EventKind = LibraryEvent['kind']

/** The events of one committed transaction, in the order the write made them. */
export type EventListener = (events: readonly LibraryEvent[]) => void

export class LibraryEvents {
  private listeners = new Set<EventListener>()

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Called by the write path after a commit. A listener that throws does not stop the others. */
  emit(events: readonly LibraryEvent[]): void {
    if (events.length === 0) return
    for (const listener of [...this.listeners]) {
      try {
        listener(events)
      } catch (error) {
        console.error('[neuroref] a library listener failed', error)
      }
    }
  }
}
