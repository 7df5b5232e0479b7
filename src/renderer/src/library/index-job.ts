// Brings the saved search index up to date with the library: loads it, adds
// what the change log says changed since, or builds it again from every item
// when it is missing, damaged, or older than what the log still holds. Runs
// in a Web Worker in the app (store/search-index.worker.ts): nothing here
// touches the window.
import type { Item } from '@shared/model'
import { createSearchIndex, type IndexSnapshot, type SearchIndex } from '@shared/search/index'
import { changesSince, lastChangeSeq } from './change-log'
import { readSavedIndex, writeSavedIndex, type WriteOptions } from './saved-index'
import type { NeurorefDb } from './schema'

export interface IndexJobResult {
  snapshot: IndexSnapshot
  /** the index holds every change up to this change-log entry */
  seq: number
  /** what had to be done */
  how: 'loaded' | 'caught up' | 'rebuilt'
  /** why it was rebuilt */
  reason?: string
}

export interface IndexJobOptions extends WriteOptions {
  /** while rebuilding: items indexed so far, of how many */
  onProgress?: (done: number, total: number) => void
}

const CHUNK = 2000

/** Notes of these papers (or of every paper), joined per paper the way the store joins them. */
async function notesOf(db: NeurorefDb, itemIds?: string[]): Promise<Map<string, string>> {
  const rows = itemIds ? await db.notes.where('itemId').anyOf(itemIds).toArray() : await db.notes.toArray()
  const notes = new Map<string, string>()
  for (const note of rows) notes.set(note.itemId, [notes.get(note.itemId), note.text].filter(Boolean).join('\n'))
  return notes
}

/** Every item, read in chunks by id. */
export async function buildIndex(db: NeurorefDb, onProgress?: (done: number, total: number) => void): Promise<SearchIndex> {
  const index = createSearchIndex()
  const notes = await notesOf(db)
  const total = await db.items.count()
  let done = 0
  let after: string | undefined
  for (;;) {
    const chunk: Item[] = await (after === undefined ? db.items.orderBy('id') : db.items.where('id').above(after)).limit(CHUNK).toArray()
    for (const item of chunk) index.add(item, notes.get(item.id))
    done += chunk.length
    onProgress?.(done, Math.max(total, done))
    if (chunk.length < CHUNK) return index
    after = chunk[chunk.length - 1].id
  }
}

/** The papers whose index entries the log says changed after `seq`; null when that can't be known (rebuild). */
async function changedPapers(db: NeurorefDb, seq: number): Promise<{ ids: Set<string>; lastSeq: number } | { reason: string }> {
  // the log's own newest entry (changesSince counts the asker's seq too)
  if (seq > (await lastChangeSeq(db))) return { reason: 'it is newer than the library (a restored or replaced database)' }
  const { entries, complete, lastSeq } = await changesSince(db, seq)
  if (!complete) return { reason: 'changes it had not seen were compacted away' }
  const ids = new Set<string>()
  for (const entry of entries) {
    if (entry.kind === 'library') return { reason: 'a backup was restored' }
    if (entry.kind === 'item') entry.ids.forEach(id => ids.add(id))
    if (entry.kind === 'note') {
      if (!entry.itemIds) return { reason: 'a note change does not name its paper' }
      entry.itemIds.forEach(id => ids.add(id))
    }
  }
  return { ids, lastSeq }
}

export async function currentIndex(db: NeurorefDb, options: IndexJobOptions = {}): Promise<IndexJobResult> {
  const saved = await readSavedIndex(db)
  let reason = saved.state === 'missing' ? 'there was none yet' : saved.state === 'damaged' ? saved.reason : ''
  if (saved.state === 'ok') {
    const changed = await changedPapers(db, saved.meta.seq)
    if ('reason' in changed) reason = changed.reason
    else if (changed.ids.size === 0) return { snapshot: saved.snapshot, seq: saved.meta.seq, how: 'loaded' }
    else {
      const index = createSearchIndex({ from: saved.snapshot })
      const ids = [...changed.ids]
      const [items, notes] = await Promise.all([db.items.bulkGet(ids), notesOf(db, ids)])
      ids.forEach((id, i) => {
        const item = items[i]
        if (item) index.update(item, notes.get(id))
        else index.remove(id)
      })
      const snapshot = index.snapshot()
      await writeSavedIndex(db, snapshot, changed.lastSeq, options)
      return { snapshot, seq: changed.lastSeq, how: 'caught up' }
    }
  }
  // read before the items, so a change written meanwhile is caught up next time
  const seq = await lastChangeSeq(db)
  const snapshot = (await buildIndex(db, options.onProgress)).snapshot()
  await writeSavedIndex(db, snapshot, seq, options)
  return { snapshot, seq, how: 'rebuilt', reason }
}
