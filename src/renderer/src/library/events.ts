// Library events: what a write changed, delivered once its transaction has
// committed (never for a write that was rolled back). The in-memory store and
// the views listen here instead of re-reading rows; the change log
// (change-log.ts) keeps the same events, without their rows, for sync and
// auto-export.
import type { AttachmentRecord, Collection, Item, ItemBasics, Note } from '@shared/model'
import type { FullText } from './schema'
import type { ArrivedAbstract } from './abstract-bytes'
import type { FiledPapers } from './filing-columns'

/**
 * An import's new papers as the window kept them until they were announced: not the rows (100,000 whole papers held a
 * gigabyte of the window's heap) but what the window keeps of each (its light copy's fields, item-basics.ts), the text
 * searches read of it until the search index holds it (its abstract), and the hashes of the keys it is recognised by
 * (worked out once, when the import looked for duplicates).
 */
export interface ImportedPapers {
  items: ItemBasics[]
  /** as text, or as UTF-8 bytes (abstract-bytes.ts) where a worker wrote the papers */
  abstracts: ArrivedAbstract[]
  /** the key hashes of `items[n]` are `hashes` from `hashFrom[n]` up to `hashFrom[n + 1]` */
  hashes: Int32Array
  hashFrom: Int32Array
}

export type LibraryEvent =
  /**
   * papers stored: `items` are the rows as written; `fields`, when a change of many papers (a tag, a collection, the
   * Trash) set only these fields of each (the window's light copies take just them)
   */
  | { kind: 'item'; change: 'added' | 'changed'; ids: string[]; items: Item[]; fields?: string[] }
  /**
   * papers a change set only their filing fields of (item-basics.ts: collections, the Trash, reading status): each one's
   * values of those fields, not its row (a whole library's rows, abstracts and all, held by the window until it had taken
   * them in, kept its collector marking for half a second at 100,000 papers); in the window, as the columns they crossed as
   * from the filing worker (filing-columns.ts)
   */
  | { kind: 'item'; change: 'changed'; ids: string[]; filing: FiledPapers }
  /** an import's papers, written in batches and announced together */
  | { kind: 'item'; change: 'added'; ids: string[]; imported: ImportedPapers }
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

/** The papers an item event stored, as written or as an import kept them. */
export function papersOf(event: Extract<LibraryEvent, { items: Item[] } | { imported: ImportedPapers }>): readonly ItemBasics[] {
  return 'imported' in event ? event.imported.items : event.items
}

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
