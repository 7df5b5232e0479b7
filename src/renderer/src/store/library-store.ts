// The library as the window sees it: every item in memory (sorting and
// searching 100,000 papers needs that), loaded in chunks so the first rows
// paint at once, and kept in step with the library through its events. The
// search index is the saved one, brought up to date in a worker (live-index.ts).
import type { Item, LightItem } from '@shared/model'
import type { PaperFinder } from '@shared/duplicates'
import type { NeurorefDb } from '../library/schema'
import type { LibraryEvent } from '../library/events'
import { FILING_FIELDS, type Filing } from '../library/item-basics'
import { filedAt, filedCount, type FiledPapers } from '../library/filing-columns'
import { fullItems } from '../library/queries'
import { FullTextIndex } from './full-text-index'
import { lighten, markLight, withFields } from './light-item'
import { BatchIntake, isLarge } from './batch-intake'
import { lightRows } from './light-rows'
import { takeArriving } from './light-arrival'
import { PartReceiver } from './part-bytes'
import { defaultIndexJobs, prepareIndexWorker, type IndexJobs } from './index-jobs'
import { LiveIndex } from './live-index'
import { FinderFilledLater } from './finder-later'
import { afterPaint, quietSlice } from './turns'
import { ChangeVersions } from './change-versions'
import { Showings } from './showings'
import { marked } from './opening-marks'
import { OpenedOrder, takeByDateAdded, takeTrashed, type Opened, type OpenedByDateAdded, type TrashedWhenOpened } from './opened-order'

const FIRST_PAGE = 200
/** work done between two turns of the event loop (a long task is 50 ms) */
const SLICE_MS = 20

export class LibraryStore {
  /** a light copy of every paper: no abstract, references, author details… (see light-item.ts) */
  readonly items = new Map<string, LightItem>()
  readonly notes = new Map<string, string>()
  index: LiveIndex
  /** text of attached PDFs, searched when "Include full text" is on */
  fullText = new FullTextIndex()
  /** recognises papers already in the library; those read at open join it late (finder-later.ts) */
  private knownPapers = new FinderFilledLater(this.items)
  /** true once every item is in memory (the first page comes earlier) */
  complete = false
  private readonly versions = new ChangeVersions()
  private readonly showings = new Showings(this.versions)
  /** large batches, taken in a slice at a time (batch-intake.ts) */
  private readonly intake = new BatchIntake({
    items: this.items,
    showings: this.showings,
    index: () => this.index,
    keepWritten: (item, fields) => {
      this.putItem(item, fields)
      this.fullText.reindex(item, this.notes.get(item.id))
    },
    keepFiled: filing => this.keepFiled(filing),
    dropWritten: () => this.writtenRows.clear(),
    keepImported: (light, hashes) => {
      this.changedWhileOpening?.add(light.id)
      this.knownPapers.add(light, hashes)
    },
    expectImported: keys => this.knownPapers.expect(keys)
  })
  /** bumps on every change; views memoise on it */
  get version(): number {
    return this.versions.version
  }

  private reloading: Promise<void> | null = null

  constructor(
    private readonly db: NeurorefDb,
    private readonly options: { jobs?: IndexJobs; saveAfterMs?: number; rows?: typeof lightRows } = {}
  ) {
    this.index = this.liveIndex()
    db.events.subscribe(events => this.apply(events))
  }

  private liveIndex(): LiveIndex {
    const { jobs = defaultIndexJobs, saveAfterMs } = this.options
    return new LiveIndex({
      db: this.db,
      items: this.items,
      notes: this.notes,
      jobs,
      saveAfterMs,
      // the index's progress or arrival changes no paper, nor what a search finds (searches read the papers meanwhile):
      // the status line shows it, the lists stand (a change of everything re-sorted 100,000 papers at each progress step)
      changed: () => this.emit([]),
      complete: () => this.complete,
      rebuilding: () => this.readAbstracts()
    })
  }

  /** events waiting behind a large one that is applied in slices, in order */
  private queue: (readonly LibraryEvent[])[] = []
  private draining: Promise<void> | null = null

  /**
   * Follows the library's events: the rows a write stored come with its
   * events, so nothing is read again. A few papers are applied at once; an
   * import of thousands is applied (and indexed) in slices, so the window
   * never stops for it, and any event after it waits its turn.
   */
  private apply(events: readonly LibraryEvent[]): void {
    if (!this.draining && !events.some(event => isLarge(event) || this.readsRows(event))) return this.applyNow(events)
    this.queue.push(events)
    if (!this.draining) this.draining = Promise.resolve().then(() => this.drain())
  }

  private async drain(): Promise<void> {
    for (let events = this.queue.shift(); events; events = this.queue.shift()) {
      for (let event of events) {
        if (this.readsRows(event)) event = await this.asWritten(event)
        if (isLarge(event)) await this.intake.applyInSlices(event)
        else this.applyNow([event])
      }
    }
    this.draining = null
  }

  /**
   * A change of filing fields while the library opens: the copies read at open may be older than the papers before it,
   * so its papers are taken as their rows (read now), as any other write's.
   */
  private readsRows(event: LibraryEvent): event is Extract<LibraryEvent, { filing: FiledPapers }> {
    return 'filing' in event && this.changedWhileOpening !== null
  }

  private async asWritten(event: Extract<LibraryEvent, { filing: FiledPapers }>): Promise<LibraryEvent> {
    return { kind: 'item', change: 'changed', ids: event.ids, items: await fullItems(this.db, event.ids) }
  }

  /** true while a large batch is taken in: its last showing is the one that counts (sort orders not shown wait for it) */
  get takingIn(): boolean {
    return this.intake.takingIn
  }
  /** true while papers put in `items` are in no change recorded yet: an order sorted now may already hold them */
  get unshown(): boolean {
    return this.intake.unshown
  }

  /** true while a large batch's showing is prepared: its change is recorded, the lists are brought up to date for it a slice at a time */
  get preparingShowing(): boolean {
    return this.showings.preparing
  }

  /** Work that brings what shows the list up to date before a large batch is shown (a slice at a time). */
  beforeShowing(prepare: () => Promise<void>): void {
    this.showings.beforeShowing(prepare)
  }

  /**
   * Applies events at once. A restored backup starts the store over from the
   * database.
   */
  private applyNow(events: readonly LibraryEvent[]): void {
    const touched = new Set<string>()
    // what searches read of these papers changed (a paper whose filing fields alone changed is not indexed again)
    const searched = new Set<string>()
    const touch = (id: string, searchedToo = true): void => {
      touched.add(id)
      if (searchedToo) searched.add(id)
    }
    for (const event of events) {
      switch (event.kind) {
        case 'item':
          if (event.change === 'deleted') for (const id of event.ids) this.removeItem(id)
          // (an import's papers come as a batch: isLarge)
          else if ('items' in event) for (const item of event.items) this.putItem(item, event.fields)
          else if ('filing' in event) for (let n = 0; n < filedCount(event.filing); n++) this.keepFiled(filedAt(event.filing, n))
          for (const id of event.ids) touch(id, !('filing' in event))
          break
        case 'note':
          for (const itemId of event.itemIds) this.notes.delete(itemId)
          if (event.change === 'saved') for (const note of event.notes) this.notes.set(note.itemId, note.text)
          for (const id of event.itemIds) touch(id)
          break
        case 'attachment':
          for (const text of event.texts ?? []) {
            this.fullText.setTexts(text.itemId, [...this.fullText.textsOf(text.itemId).filter(t => t.attachmentId !== text.attachmentId), text])
            touch(text.itemId)
          }
          if (event.change === 'moved') for (const record of event.records) touch(record.itemId)
          break
        case 'library':
          this.reloading = this.reload().finally(() => (this.reloading = null))
          return
      }
    }
    if (touched.size === 0) return
    // Notes and full text are indexed with their item: index each touched item once, with all of it.
    const unread: string[] = []
    for (const id of searched) {
      if (!this.items.has(id)) continue
      const full = this.writtenRows.get(id)
      if (!full) unread.push(id)
      else this.reindex(full)
    }
    this.writtenRows.clear()
    this.emit([...touched])
    if (unread.length > 0) this.reindexStored(unread)
  }

  private reindex(item: Item): void {
    this.index.update(item, this.notes.get(item.id))
    this.fullText.reindex(item, this.notes.get(item.id))
  }

  /** rows being read to index papers whose notes or PDF text changed */
  private rereading: Promise<void> | null = null

  /**
   * A note or a PDF's text changed, not the paper: its full row is read to
   * index it again (the window's copy has no abstract). A newer version that
   * came with an event meanwhile was indexed then, and wins.
   */
  private reindexStored(ids: string[]): void {
    const read = async (): Promise<void> => {
      const rows = await fullItems(this.db, ids)
      for (const row of rows) if (this.items.get(row.id)?.modifiedAt === row.modifiedAt) this.reindex(row)
      this.emit(ids)
    }
    const next: Promise<void> = (this.rereading ?? Promise.resolve())
      .then(read)
      .catch(error => console.warn('[neuroref] a paper could not be indexed again:', error))
      .finally(() => {
        if (this.rereading === next) this.rereading = null
      })
    this.rereading = next
  }

  /** Rows stored by the events being applied, with every field (for indexing). */
  private writtenRows = new Map<string, Item>()

  /** papers an event changed while the library opens (their copies read at open are older) */
  private changedWhileOpening: Set<string> | null = null

  /** `fields`: the only fields the write set in this paper (a change of many papers) */
  private putItem(item: Item, fields?: string[]): void {
    this.changedWhileOpening?.add(item.id)
    this.knownPapers.changed(this.items.get(item.id), item, fields)
    this.writtenRows.set(item.id, item)
    // The store keeps a light copy: the event's row stays as the writer made it.
    this.keep(item, fields)
  }

  /**
   * Keeps the light copy (and, while searches read papers, the abstract): the copy before with the fields a change of
   * many papers set, once the library is open (a copy read at open may be older than the row before this change).
   */
  private keep(item: Item, fields?: string[]): void {
    const before = fields && !this.changedWhileOpening && this.items.get(item.id)
    this.items.set(item.id, (before && withFields(before, item, fields)) || lighten(item))
    this.index.remember(item)
  }

  /**
   * A paper's new filing fields (the library is open): its light copy is the copy before with them, and the finder
   * knows it again or no longer when it left or came out of the Trash (finder-later.ts). Its row is not here, nor
   * needed: searches read none of them.
   */
  private keepFiled(filing: Filing): void {
    const before = this.items.get(filing.id)
    // (every paper written is here once the library is open)
    if (!before) return
    const light = withFields(before, filing, FILING_FIELDS)!
    this.items.set(filing.id, light)
    this.knownPapers.changed(before, light, FILING_FIELDS)
  }

  private removeItem(id: string): void {
    this.changedWhileOpening?.add(id)
    if (!this.items.delete(id)) return
    this.index.remove(id)
    this.fullText.remove(id)
    this.knownPapers.remove(id)
    this.notes.delete(id)
  }

  /** what the papers taken in at open told (their order by date added, the Trash), each until a view takes it */
  private opened: Opened | undefined

  openedByDateAdded = (): OpenedByDateAdded | undefined => takeByDateAdded(this.opened)

  trashedWhenOpened = (): TrashedWhenOpened | undefined => takeTrashed(this.opened)

  /** the papers came from the saved light form, without their abstracts */
  private fromForm = false
  private readingAbstracts: Promise<void> | null = null

  /**
   * The index is being rebuilt (it was damaged, though the light form was not): searches read the
   * papers until it is here, so their abstracts are read from every row meanwhile (in the rows worker).
   */
  private readAbstracts(): void {
    if (!this.fromForm || this.readingAbstracts) return
    const read = async (): Promise<void> => {
      const receiver = new PartReceiver()
      for await (const { part, abstracts } of (this.options.rows ?? lightRows)(this.db, true)) {
        if (!abstracts || this.index.ready) continue
        for (const { papers, first } of receiver.lines(part)) {
          // a paper changed since it was read has its newer abstract already
          papers.forEach((row, i) => {
            if (this.items.get(row.id)?.modifiedAt === row.modifiedAt) this.index.rememberAbstract(row.id, { block: abstracts, at: first + i })
          })
        }
        this.emit()
      }
    }
    this.readingAbstracts = read()
      .catch(error => console.warn('[neuroref] abstracts could not be read for searches:', error))
      .finally(() => (this.readingAbstracts = null))
  }

  /** Resolves when the store reflects every committed write (a restore reloads it). */
  async settled(): Promise<void> {
    while (this.reloading || this.draining || this.rereading || this.readingAbstracts)
      await (this.reloading ?? this.draining ?? this.rereading ?? this.readingAbstracts)
  }

  /** Resolves when the search index is in use and saved (tests, the bench). */
  async indexSettled(): Promise<void> {
    await this.settled()
    await this.index.settled()
  }

  /** Recognises papers already in the library (imports, "Add by identifier", a manuscript's references). */
  get finder(): PaperFinder {
    return this.knownPapers.finder
  }

  private async recogniseInSlices(): Promise<void> {
    // in the window's idle time once the researcher pauses searching: at 100k its 0.3-0.4 s of slices ran between the
    // first searches after opening
    for (let more = true; more;) more = this.knownPapers.fill(await quietSlice(SLICE_MS))
  }

  /** Something the lists show is ready though no paper changed (a column's order made a slice at a time): they are drawn again. */
  redraw(): void {
    this.emit([])
  }

  subscribe = (listener: () => void): (() => void) => this.versions.subscribe(listener)

  getVersion = (): number => this.versions.version

  private emit(ids: string[] | null = null): void {
    this.versions.emit(ids)
  }

  /** Whether every paper changed after `version` was new to the library then (an import's): kept orders merge them without looking for them. */
  onlyNewSince(version: number): boolean {
    return this.versions.onlyNewSince(version)
  }

  /**
   * The ids changed after `version`, so views can patch instead of starting over; null when that is not known, or when
   * more than `most` changed (what a view that follows only a few changes asks: no set of a whole library is made for it).
   */
  changedSince(version: number, most?: number): ReadonlySet<string> | null {
    return this.versions.changedSince(version, most)
  }

  /** `changedSince` without a limit, made a slice at a time (work in turns: a kept order's catch-up). */
  changedInSlices(version: number): Generator<void, ReadonlySet<string> | null> {
    return this.versions.changedInSlices(version)
  }

  /** Whether the ids changed after `version` are known (`changedSince` then gives them). */
  knowsChangesSince(version: number): boolean {
    return this.versions.knowsChangesSince(version)
  }

  /** Notes (joined per paper) and the text of attached PDFs. */
  private async readNotes(): Promise<void> {
    const noteRows = await this.db.notes.toArray()
    for (const note of noteRows) this.notes.set(note.itemId, [this.notes.get(note.itemId), note.text].filter(Boolean).join('\n'))
    await this.db.fullTexts.each(text => this.fullText.addText(text))
  }

  /** Newest items first, right away; then the whole library in chunks, without blocking the window. */
  async load(): Promise<void> {
    // The newest page is painted before the window works on anything the workers send: at 100,000 papers that work
    // (the light form, the saved index) took the first rows from 0.6 s to 2-3 s. The index is put in use once the notes
    // are read (papers changed meanwhile are indexed with theirs); every paper's light copy comes a chunk at a time,
    // which the window keeps in short slices. A paper changed meanwhile came with its event, newer than the copy read:
    // that copy is dropped. Searches read the items until the index is here.
    const changed = (this.changedWhileOpening = new Set())
    // the index job's worker starts loading now (its job is asked for below, once the rows worker is started)
    if (!this.options.jobs) prepareIndexWorker()
    const painted = this.db.items
      .orderBy('addedAt')
      .reverse()
      .limit(FIRST_PAGE)
      .toArray()
      .then(async page => {
        for (const item of page) if (!changed.has(item.id)) this.keep(item)
        this.emit()
        await afterPaint()
      })
    // The rows worker starts reading now, not after the paint: starting it and IndexedDB's first answers left the
    // window idle for half a second at 100,000 papers. What it sends waits in its messages until it is painted. The
    // index job starts now too (below). Without a usable form (a first open: every row read, the index built again)
    // the rows worker sends the rows it reads on to the index job too (library/rows-for-index.ts), which builds the
    // index as they come: it read every row again once the last paper was in (both workers reading every row at once on
    // two cores put off the library's being whole), and the index came into use 20 s later at 100,000 papers, searches
    // reading the papers meanwhile.
    const notesRead = painted.then(() => this.readNotes())
    const toIndex = typeof MessageChannel === 'undefined' ? undefined : new MessageChannel()
    // the job is told when the reader fails or dies before its last row (a worker killed says nothing on the channel)
    const readerStopped = new AbortController()
    const rows = (this.options.rows ?? lightRows)(this.db, false, toIndex?.port1)
    const index = this.index
    let startIndex!: (rowsSent?: boolean) => void
    const indexInUse = new Promise<boolean | undefined>(resolve => (startIndex = resolve)).then(rowsSent => {
      // a job waits for rows only from a reader that sends them (a saved form read, or a reader that sends none: it reads them itself)
      if (!rowsSent) toIndex?.port2.close()
      return index.open(notesRead, rowsSent && toIndex ? { port: toIndex.port2, readerStopped: readerStopped.signal } : undefined)
    })
    // Asked for now, not once the first papers are taken: since each saved part is read in a transaction of its own and the
    // index's bytes are Blobs, its reads share IndexedDB with the light form's rather than hold it, and waiting put the
    // index last (30,000 papers, traced in turn at load 16: in use 0.3-0.8 s after the last paper; asked now, before it).
    // The reader says on the channel whether it reads every row (a first open): the job takes those rows or drops them.
    if (toIndex) startIndex(true)
    await notesRead
    const withText: string[] = []
    const opened = new OpenedOrder()
    try {
      await takeArriving(rows, {
        // a paper read, unless an event changed it meanwhile
        take: (item, hashes, from, to) => {
          if (changed.has(item.id)) return false
          if (this.fullText.has(item.id)) withText.push(item.id)
          const light = markLight(item)
          this.items.set(item.id, light)
          opened.take(light)
          this.knownPapers.later(light, hashes, from, to)
          return true
        },
        abstract: (id, abstract) => this.index.arrived(id, abstract),
        fromForm: () => {
          // the saved index is committed beside the form: searches wait for it rather than read every paper arriving
          if (!this.fromForm) this.index.awaitSaved()
          this.fromForm = true
        },
        arrived: rowsSent => startIndex(rowsSent)
      })
    } catch (error) {
      readerStopped.abort()
      throw error
    } finally {
      // no paper came (an empty library), or the reader failed
      startIndex()
    }
    // the index started rebuilding before the papers were here: their abstracts are needed after all
    if (this.fromForm && this.index.progress) this.readAbstracts()
    // the full-text index takes a paper whole (fields, notes, pages): those few are read in full
    for (const item of await fullItems(this.db, withText)) if (!changed.has(item.id)) this.fullText.reindex(item, this.notes.get(item.id))
    this.changedWhileOpening = null
    this.complete = true
    marked('papers in')
    // shown as a change of everything once the list is sorted again a slice at a time (showings.ts), where drawing it
    // sorted the whole library in one task (0.1-0.25 s at 100,000); as a change of the 100,000 papers taken in, every
    // view worked out which of them it shows. What their arrival told (opened-order.ts) stands at the change's version.
    await this.showings.show(null, false, version => (this.opened = opened.told(this.items.size, changed.size, version)))
    marked('papers shown')
    // after the index too: what the first searches need comes first
    void indexInUse.then(() => this.recogniseInSlices())
  }

  /**
   * Ids of the items matching a query. With `includeFullText`, items whose
   * PDFs have text are answered by the full-text index (their fields, notes
   * and pages), all others by the main index.
   */
  search(query: string, includeFullText = true): string[] {
    return this.withFullText(query, this.index.search(query), includeFullText)
  }

  /**
   * The same, or undefined while the papers are being read for it: before the index is in use they are read a slice
   * at a time, and the store's version moves when the answer is whole. Undefined too while the papers still arrive at
   * open: the index may be in use, but a list of its answer would hold only the papers in so far (the store's version
   * moves when every paper is in).
   */
  answer(query: string, includeFullText = true): string[] | undefined {
    const found = this.index.answer(query)
    return found && this.withFullText(query, found, includeFullText)
  }

  private withFullText(query: string, found: string[], includeFullText: boolean): string[] {
    if (!includeFullText || this.fullText.size === 0) return found
    return [...found.filter(id => !this.fullText.has(id)), ...this.fullText.search(query)]
  }

  /** The main index's answer as marks by item number when it alone answers this search (no PDF text in play, every paper in); else undefined. */
  searchMarks(query: string, includeFullText = true): ReturnType<LiveIndex['marked']> {
    return !this.complete || (includeFullText && this.fullText.size > 0) ? undefined : this.index.marked(query)
  }

  /** After a restore or wipe: start again from the database. */
  async reload(): Promise<void> {
    this.items.clear()
    this.notes.clear()
    this.index.close()
    this.index = this.liveIndex()
    this.fromForm = false
    this.opened = undefined
    this.fullText = new FullTextIndex()
    this.knownPapers = new FinderFilledLater(this.items)
    this.complete = false
    await this.load()
  }
}
