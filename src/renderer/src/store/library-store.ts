// The library as the window sees it: every item in memory (sorting and
// searching 100,000 papers needs that), loaded in chunks so the first rows
// paint at once, and kept in step with IndexedDB after every write.
import Dexie from 'dexie'
import type { Item } from '../../../shared/model'
import { createSearchIndex, type SearchIndex } from '../../../shared/search/index'
import { DuplicateFinder } from '../../../shared/duplicates'
import type { NeurorefDb } from '../library/schema'
import { FullTextIndex } from '../features/pdf/full-text-index'
import { packAbstract } from './packed-abstract'

type Listener = () => void

const FIRST_PAGE = 200
const CHUNK = 5000
const SLICE = 500

export class LibraryStore {
  readonly items = new Map<string, Item>()
  readonly notes = new Map<string, string>()
  index: SearchIndex = createSearchIndex()
  /** text of attached PDFs, searched when "Include full text" is on */
  fullText = new FullTextIndex()
  /** recognises papers already in the library (imports, "Add by identifier") */
  finder = new DuplicateFinder()
  /** true once every item is in memory (the first page comes earlier) */
  complete = false
  /** bumps on every change; views memoise on it */
  version = 0
  private listeners = new Set<Listener>()

  private pending = new Set<string>()
  private flushing: Promise<void> | null = null

  constructor(private readonly db: NeurorefDb) {
    this.watchWrites()
  }

  /**
   * Every write to items or notes in this window, wherever it comes from,
   * schedules a re-read of the touched items; the read queues behind the
   * write's transaction, so it sees what was committed (or nothing, if it
   * was rolled back).
   */
  private watchWrites(): void {
    const touch = (id: unknown): void => {
      if (typeof id !== 'string') return
      this.pending.add(id)
      this.scheduleFlush()
    }
    this.db.items.hook('creating', function (key, item) {
      this.onsuccess = () => touch(key ?? item.id)
    })
    this.db.items.hook('updating', function (_changes, key) {
      this.onsuccess = () => touch(key)
    })
    this.db.items.hook('deleting', function (key) {
      this.onsuccess = () => touch(key)
    })
    this.db.notes.hook('creating', function (_key, note) {
      this.onsuccess = () => touch(note.itemId)
    })
    this.db.notes.hook('updating', function (_changes, _key, note) {
      this.onsuccess = () => touch(note.itemId)
    })
    this.db.notes.hook('deleting', function (_key, note) {
      this.onsuccess = () => touch(note?.itemId)
    })
    this.db.fullTexts.hook('creating', function (_key, text) {
      this.onsuccess = () => touch(text.itemId)
    })
    this.db.fullTexts.hook('updating', function (_changes, _key, text) {
      this.onsuccess = () => touch(text.itemId)
    })
    this.db.fullTexts.hook('deleting', function (_key, text) {
      this.onsuccess = () => touch(text?.itemId)
    })
  }

  /** One refresh at a time, so an older read never lands after a newer one. */
  private scheduleFlush(): void {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null
      if (this.pending.size) this.scheduleFlush()
    })
  }

  private async drain(): Promise<void> {
    while (this.pending.size) {
      await new Promise(resolve => setTimeout(resolve, 0))
      const ids = [...this.pending]
      this.pending.clear()
      // The hook ran inside the writer's transaction; read outside it, after it ends.
      await Dexie.ignoreTransaction(() => this.refresh(ids)).catch(error => console.error('[neuroref] could not refresh the list', error))
    }
  }

  /** Resolves when every write seen so far is reflected in the store (tests, benchmarks). */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getVersion = (): number => this.version

  /** which items each recent change touched; `null` for a change of everything (load, reload) */
  private changeLog: { version: number; ids: string[] | null }[] = []

  private emit(ids: string[] | null = null): void {
    this.version += 1
    this.changeLog.push({ version: this.version, ids })
    if (this.changeLog.length > 64) this.changeLog.shift()
    for (const listener of this.listeners) listener()
  }

  /**
   * The ids changed after `version`, so views can patch instead of starting
   * over; null when that is not known (too old, or everything changed).
   */
  changedSince(version: number): Set<string> | null {
    if (version === this.version) return new Set()
    const first = this.changeLog[0]
    if (!first || first.version > version + 1) return null
    const ids = new Set<string>()
    for (const entry of this.changeLog) {
      if (entry.version <= version) continue
      if (entry.ids === null) return null
      for (const id of entry.ids) ids.add(id)
    }
    return ids
  }

  /** Newest items first, right away; then the whole library in chunks, without blocking the window. */
  async load(): Promise<void> {
    const first = await this.db.items.orderBy('addedAt').reverse().limit(FIRST_PAGE).toArray()
    for (const item of first) this.items.set(item.id, packAbstract(item))
    this.emit()
    const noteRows = await this.db.notes.toArray()
    for (const note of noteRows) this.notes.set(note.itemId, [this.notes.get(note.itemId), note.text].filter(Boolean).join('\n'))
    await this.db.fullTexts.each(text => this.fullText.addText(text))
    let offset = 0
    for (;;) {
      const chunk = await this.db.items.orderBy('addedAt').offset(offset).limit(CHUNK).toArray()
      // Indexing in short slices keeps the window responsive while a large library opens.
      for (let start = 0; start < chunk.length; start += SLICE) {
        for (const item of chunk.slice(start, start + SLICE)) {
          this.index.add(item, this.notes.get(item.id))
          this.fullText.reindex(item, this.notes.get(item.id))
          this.finder.add(item)
          this.items.set(item.id, packAbstract(item))
        }
        await new Promise(resolve => setTimeout(resolve, 0))
      }
      offset += chunk.length
      if (chunk.length < CHUNK) break
    }
    this.complete = true
    this.emit()
  }

  /** Re-reads these items (and their notes) after a write; deleted ones leave the store. */
  async refresh(ids: Iterable<string>): Promise<void> {
    const list = [...new Set(ids)]
    if (list.length === 0) return
    const [rows, noteRows, texts] = await Promise.all([
      this.db.items.bulkGet(list),
      this.db.notes.where('itemId').anyOf(list).toArray(),
      this.db.fullTexts.where('itemId').anyOf(list).toArray()
    ])
    for (const id of list)
      this.fullText.setTexts(
        id,
        texts.filter(t => t.itemId === id)
      )
    for (const id of list) this.notes.delete(id)
    for (const note of noteRows) this.notes.set(note.itemId, [this.notes.get(note.itemId), note.text].filter(Boolean).join('\n'))
    rows.forEach((row, i) => {
      const id = list[i]
      if (row) {
        const known = this.items.has(id)
        if (known) this.index.update(row, this.notes.get(id))
        else this.index.add(row, this.notes.get(id))
        this.fullText.reindex(row, this.notes.get(id))
        this.finder.add(row)
        this.items.set(id, packAbstract(row))
      } else if (this.items.delete(id)) {
        this.index.remove(id)
        this.fullText.remove(id)
        this.finder.remove(id)
      }
    })
    this.emit(list)
  }

  /**
   * Ids of the items matching a query. With `includeFullText`, items whose
   * PDFs have text are answered by the full-text index (their fields, notes
   * and pages), all others by the main index.
   */
  search(query: string, includeFullText = true): string[] {
    const found = this.index.search(query)
    if (!includeFullText || this.fullText.size === 0) return found
    return [...found.filter(id => !this.fullText.has(id)), ...this.fullText.search(query)]
  }

  /** After a restore or wipe: start again from the database. */
  async reload(): Promise<void> {
    this.items.clear()
    this.notes.clear()
    this.index = createSearchIndex()
    this.fullText = new FullTextIndex()
    this.finder = new DuplicateFinder()
    this.complete = false
    await this.load()
  }
}
