// Brings the saved search index up to date with the library: loads it, adds
// what the change log says changed since, or builds it again from every item
// when it is missing, damaged, or older than what the log still holds. Runs
// in a Web Worker in the app (store/search-index.worker.ts): nothing here
// touches the window.
import type { Item } from '@shared/model'
import { createSearchIndex, type IndexSnapshot, type SearchIndex } from '@shared/search/index'
import { changedPapers, lastChangeSeq } from './change-log'
import { itemChunks } from './item-chunks'
import type { LightWriteOptions } from './light-form'
import { currentLightForm, LightFormBuilder, type LightFormJob } from './light-form-job'
import { markSavedIndexCurrent, readSavedIndex, readSavedMarker, writeSavedIndex, type IndexMeta, type SavedIndex, type WriteOptions } from './saved-index'
import { ReaderStopped, type RowsOnOffer } from './rows-for-index'
import type { NeurorefDb } from './schema'

export interface IndexJobResult {
  snapshot: IndexSnapshot
  /** the index holds every change up to this change-log entry */
  seq: number
  /** what had to be done */
  how: 'loaded' | 'caught up' | 'rebuilt'
  /** why it was rebuilt */
  reason?: string
  /** what was done to the saved light form (light-form-job.ts) */
  light: LightFormJob['how']
}

/** The index as the job has it, before it is saved and the light form brought up to date. */
export type BuiltIndex = Omit<IndexJobResult, 'light'>

/** What a job did, without the index itself (the window that keeps its own is not handed it). */
export type JobIndex = Omit<BuiltIndex, 'snapshot'>

export interface IndexJobOptions extends WriteOptions {
  /** while rebuilding: items indexed so far, of how many */
  onProgress?: (done: number, total: number) => void
  /**
   * the index, as soon as it is loaded, caught up or built: the window puts it in use while it is saved (at 100,000
   * papers saving the index and building the light form again took seconds after the last paper was indexed)
   */
  onIndex?: (index: BuiltIndex) => void
  /** for the light form's save (tests play a crash there) */
  light?: LightWriteOptions
  /** the saved index as already read: the worker reads it as the page starts, before the window asks (store/index-worker-start.ts) */
  saved?: Promise<SavedIndex>
  /** the rows the rows worker reads at a first open, if it reads every row (rows-for-index.ts): a rebuild takes them rather than read them again */
  rows?: RowsOnOffer
}

/** Notes of these papers (or of every paper), joined per paper the way the store joins them. */
export async function notesOf(db: NeurorefDb, itemIds?: string[]): Promise<Map<string, string>> {
  const rows = itemIds ? await db.notes.where('itemId').anyOf(itemIds).toArray() : await db.notes.toArray()
  const notes = new Map<string, string>()
  for (const note of rows) notes.set(note.itemId, [notes.get(note.itemId), note.text].filter(Boolean).join('\n'))
  return notes
}

/** Every item, read in chunks by id; `each` sees every row read (the light form is built from the same rows). */
export async function buildIndex(db: NeurorefDb, onProgress?: (done: number, total: number) => void, each?: (item: Item) => void): Promise<SearchIndex> {
  return indexOf(db, itemChunks(db), await db.items.count(), onProgress, each)
}

/** The index of the rows as they come (read here, or by the rows worker at a first open), with their notes. */
async function indexOf(
  db: NeurorefDb,
  rows: AsyncIterable<Item[]>,
  total: number,
  onProgress?: (done: number, total: number) => void,
  each?: (item: Item) => void
): Promise<SearchIndex> {
  const index = createSearchIndex()
  const notes = await notesOf(db)
  let done = 0
  for await (const chunk of rows) {
    for (const item of chunk) {
      index.add(item, notes.get(item.id))
      each?.(item)
    }
    done += chunk.length
    onProgress?.(done, Math.max(total, done))
  }
  if (done === 0) onProgress?.(0, 0)
  return index
}

/** The change log as read against a marker (`keptIndexCurrent` reads it before the parts). */
interface LogRead {
  meta: IndexMeta
  changed: Awaited<ReturnType<typeof changedPapers>>
}

/** `read`: the log as already read, not read again when the marker is still the one it was read against. */
export async function currentIndex(db: NeurorefDb, options: IndexJobOptions = {}, read?: LogRead): Promise<IndexJobResult> {
  const saved = await (options.saved ?? readSavedIndex(db))
  let reason = saved.state === 'missing' ? 'there was none yet' : saved.state === 'damaged' ? saved.reason : ''
  if (saved.state === 'ok') {
    const { generation, seq } = saved.meta
    // a paper whose filing fields alone changed (collected, trashed, restored) is not indexed again: search reads none of them
    const changed = read?.meta.generation === generation && read.meta.seq === seq ? read.changed : await changedPapers(db, saved.meta, { filing: false })
    if ('reason' in changed) reason = changed.reason
    else {
      // the saved index is sound: not rebuilt from the rows the reader may send
      options.rows?.drop()
      if (changed.ids.size === 0) {
        // current to the log's end as it is: filing-only entries since are not read again by the next job
        if (changed.lastSeq > saved.meta.seq) await markSavedIndexCurrent(db, saved.meta.generation, changed.lastSeq)
        return asLoaded(db, { snapshot: saved.snapshot, seq: changed.lastSeq, how: 'loaded' }, options)
      }
      const index = createSearchIndex({ from: saved.snapshot })
      const ids = [...changed.ids]
      const [items, notes] = await Promise.all([db.items.bulkGet(ids), notesOf(db, ids)])
      ids.forEach((id, i) => {
        const item = items[i]
        if (item) index.update(item, notes.get(id))
        else index.remove(id)
      })
      const snapshot = index.snapshot()
      options.onIndex?.({ snapshot, seq: changed.lastSeq, how: 'caught up' })
      await writeSavedIndex(db, snapshot, changed.lastSeq, options)
      const light = await currentLightForm(db, options.light)
      return { snapshot, seq: changed.lastSeq, how: 'caught up', light: light.how }
    }
  }
  const { index, seq, light } = await fromEveryRow(db, options)
  const snapshot = index.snapshot()
  options.onIndex?.({ snapshot, seq, how: 'rebuilt', reason })
  await writeSavedIndex(db, snapshot, seq, options)
  await light.save(db, seq, options.light)
  return { snapshot, seq, how: 'rebuilt', reason, light: 'rebuilt' }
}

/** The saved index in force as it is (its marker moved): handed to `onIndex`, then the light form brought up to date. */
async function asLoaded<Index extends JobIndex>(
  db: NeurorefDb,
  index: Index,
  options: Pick<IndexJobOptions, 'light'> & { onIndex?: (index: Index) => void }
): Promise<Index & Pick<IndexJobResult, 'light'>> {
  options.onIndex?.(index)
  const light = await currentLightForm(db, options.light)
  return { ...index, light: light.how }
}

/** For a job whose window keeps its own index: `onIndex` hears what was done, without the index. */
export type KeptIndexOptions = Omit<IndexJobOptions, 'onIndex'> & { onIndex?: (index: JobIndex) => void }

/**
 * The saved index brought up to date for a window that keeps its own (a save after a change): the marker is read first,
 * and when the log names no paper to index again (filing-only changes: a whole library collected, trashed or restored)
 * it moves to the log's end without a part being read (tens of MB of Blobs at 100,000 papers, read and decoded only to
 * be dropped). A part damaged meanwhile is found at the next open, which reads every part. Otherwise as `currentIndex`.
 */
export async function keptIndexCurrent(db: NeurorefDb, options: KeptIndexOptions = {}): Promise<JobIndex & Pick<IndexJobResult, 'light'>> {
  const marked = await readSavedMarker(db)
  if (marked.state !== 'ok') return currentIndex(db, options)
  const { meta } = marked
  const changed = await changedPapers(db, meta, { filing: false })
  // false when another window committed an index meanwhile: the whole job then reads that one
  const moved = !('reason' in changed) && changed.ids.size === 0 && (await markSavedIndexCurrent(db, meta.generation, changed.lastSeq))
  if (moved) return asLoaded(db, { seq: changed.lastSeq, how: 'loaded' as const }, options)
  // papers to index again: the log just read serves the whole job (at 100,000 tagged papers its entries name them all)
  return currentIndex(db, options, { meta, changed })
}

/**
 * The index and light form of every row, with the change log's `seq` read before the rows (a change written meanwhile
 * is caught up next time): the rows the rows worker reads at a first open, or read here when it sends none, or fails,
 * dies or stops before its last row (its rows so far dropped: without that, a reader killed kept the job waiting for
 * the whole session). The light form is built again from the same rows (whatever put the index in doubt puts it in
 * doubt too).
 */
async function fromEveryRow(db: NeurorefDb, options: IndexJobOptions): Promise<{ index: SearchIndex; seq: number; light: LightFormBuilder }> {
  const given = await options.rows?.take()
  if (given) {
    const light = new LightFormBuilder()
    try {
      return { index: await indexOf(db, given.chunks, given.total, options.onProgress, item => light.add(item)), seq: given.seq, light }
    } catch (error) {
      if (!(error instanceof ReaderStopped)) throw error
    }
  }
  const seq = await lastChangeSeq(db)
  const light = new LightFormBuilder()
  return { index: await buildIndex(db, options.onProgress, item => light.add(item)), seq, light }
}
