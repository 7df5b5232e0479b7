// A large batch taken into the window's store (an import, many papers written at once): stored a slice at a time, the
// list growing as they come, so the window never stops for it. The store applies the few papers of other events at once.
import type { Item, LightItem } from '@shared/model'
import { papersOf, type ImportedPapers, type LibraryEvent } from '../library/events'
import type { Filing } from '../library/item-basics'
import { filedAt, filedCount, filedIdAt } from '../library/filing-columns'
import { markLight } from './light-item'
import type { LiveIndex } from './live-index'
import type { Showings } from './showings'
import { nextTask } from './turns'

/** an event with more papers than this is applied in slices */
const LARGE = 200
/** work done between two turns of the event loop (a long task is 50 ms) */
const SLICE_MS = 20

export type StoredEvent = Extract<LibraryEvent, { kind: 'item'; change: 'added' | 'changed' }>

/** An event applied in slices: many papers, or an import's (the window has no row of them to index: the worker indexes them). */
export function isLarge(event: LibraryEvent): event is StoredEvent {
  return (
    event.kind === 'item' && event.change !== 'deleted' && ('imported' in event || ('filing' in event ? filedCount(event.filing) : event.items.length) > LARGE)
  )
}

/** How many papers an event brings, and the nth's id (filing values may be columns: no object a paper). */
function papersIn(event: StoredEvent): { count: number; idAt: (n: number) => string } {
  if ('filing' in event) return { count: filedCount(event.filing), idAt: n => filedIdAt(event.filing, n) }
  const papers = papersOf(event)
  return { count: papers.length, idAt: n => papers[n].id }
}

/** What the intake reaches of the store. */
export interface IntakeStore {
  readonly items: Map<string, LightItem>
  readonly showings: Showings
  /** the search index in use (a restore starts a new one) */
  index(): LiveIndex
  /** keeps a paper as written, as the papers of any event (its light copy, the finder, its PDF text with its notes) */
  keepWritten(item: Item, fields?: string[]): void
  /** keeps a paper's new filing fields (its light copy; search reads none of them) */
  keepFiled(filing: Filing): void
  /** the rows of the papers kept so far are no longer needed for indexing */
  dropWritten(): void
  /** an imported paper changed the library: the finder knows it by these key hashes */
  keepImported(light: LightItem, hashes: Int32Array): void
  /** an import's papers are coming, known by this many key hashes in all */
  expectImported(keys: number): void
}

export class BatchIntake {
  /** true while a large batch is taken in: its last showing is the one that counts (sort orders not shown wait for it) */
  takingIn = false
  /** true while papers put in `items` are in no change recorded yet: an order sorted now may already hold them */
  unshown = false

  constructor(private readonly store: IntakeStore) {}

  /**
   * Stores many new or changed papers a slice at a time, the list growing as
   * they come. Their search index is built by the worker from the change log
   * (the window reads them for searches until it arrives). Each showing is a
   * task of its own, prepared beforehand (showings.ts).
   */
  async applyInSlices(event: StoredEvent): Promise<void> {
    const { items, showings } = this.store
    const { count, idAt } = papersIn(event)
    const take =
      'imported' in event
        ? (n: number) => this.takeImported(event.imported, n)
        : 'filing' in event
          ? (n: number) => this.store.keepFiled(filedAt(event.filing, n))
          : (n: number) => this.takeWritten(event.items[n], event.fields)
    // the finder grows once for the whole import, before its first slice, not in one of them
    if ('imported' in event) this.store.expectImported(event.imported.hashes.length)
    this.takingIn = true
    showings.begin()
    let ids: string[] = []
    let allNew = true
    for (let next = 0; next < count;) {
      const began = performance.now()
      while (next < count && performance.now() - began < SLICE_MS) {
        const id = idAt(next)
        if (items.has(id)) allNew = false
        this.unshown = true
        take(next++)
        ids.push(id)
      }
      this.store.dropWritten()
      await nextTask()
      const last = next === count
      if (last || showings.due) {
        this.takingIn = !last
        this.unshown = false
        await showings.show(ids, allNew)
        ids = []
        allNew = true
      }
    }
    this.store.index().indexDeferred()
  }

  /** A paper of a large batch, as written: searches read it until the worker has indexed it. */
  private takeWritten(item: Item, fields?: string[]): void {
    this.store.keepWritten(item, fields)
    this.store.index().defer(item)
  }

  /**
   * A paper of an import, as the import kept it: its light copy, the keys it was recognised by when the import looked
   * for duplicates, and its abstract, which searches read until the worker has indexed it. It is new: no PDF text yet.
   */
  private takeImported(imported: ImportedPapers, n: number): void {
    const light = markLight(imported.items[n])
    const abstract = imported.abstracts[n]
    this.store.keepImported(light, imported.hashes.subarray(imported.hashFrom[n], imported.hashFrom[n + 1]))
    this.store.items.set(light.id, light)
    this.store.index().defer(light, abstract)
  }
}
