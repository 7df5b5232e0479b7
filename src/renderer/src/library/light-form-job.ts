// Brings the saved light form (light-form.ts) up to date with the library, in
// the search-index worker's job (index-job.ts): the papers the change log
// names since the form's `seq` are read again and only the parts holding them
// rewritten (new papers fill the last part, then new ones); when the form is
// missing, damaged, or older than what the log still holds, it is built
// again from every row.
import type { Item, ItemBasics } from '@shared/model'
import { byDateAdded } from '@shared/date-added'
import { changedPapers, lastChangeSeq } from './change-log'
import { basics } from './item-basics'
import { itemChunks } from './item-chunks'
import {
  lightPartsStored,
  parseLightPart,
  PAPERS_PER_PART,
  readLightMeta,
  readLightParts,
  writeLightForm,
  type LightFormMeta,
  type LightPartToSave,
  type LightWriteOptions
} from './light-form'
import type { NeurorefDb } from './schema'

export type LightFormJob = { how: 'loaded' | 'caught up' } | { how: 'rebuilt'; reason: string }

/**
 * Collects light copies a row at a time (a rebuild; the index job hands it the rows it reads anyway) and saves them
 * in parts by date added, whatever order the rows came in (read here, they come by id): the window takes papers that
 * arrive so as its list by date added without sorting them (store/opened-order.ts: ~70 ms at 100,000 papers, between
 * the last paper in and the list shown).
 */
export class LightFormBuilder {
  private papers: ItemBasics[] = []

  add(item: Item): void {
    this.papers.push(basics(item))
  }

  save(db: NeurorefDb, seq: number, options?: LightWriteOptions): Promise<boolean> {
    const papers = this.papers.sort(byDateAdded)
    const parts: ItemBasics[][] = []
    // (no papers: no parts, as writeLightForm leaves an empty one out)
    for (let start = 0; start < papers.length; start += PAPERS_PER_PART) parts.push(papers.slice(start, start + PAPERS_PER_PART))
    return writeLightForm(db, parts, seq, options)
  }
}

/** The form from every row, current to the log's `seq` read before the rows (a change written meanwhile is caught up next time). */
async function rebuild(db: NeurorefDb, options?: LightWriteOptions): Promise<void> {
  const seq = await lastChangeSeq(db)
  const builder = new LightFormBuilder()
  for await (const chunk of itemChunks(db)) for (const item of chunk) builder.add(item)
  await builder.save(db, seq, options)
}

/** The parts holding these papers read again from their rows (or without them); false when a part to change is damaged. */
async function caughtUp(db: NeurorefDb, meta: LightFormMeta, ids: Set<string>, seq: number, options?: LightWriteOptions): Promise<boolean> {
  const changed = [...ids]
  const rows = await db.items.bulkGet(changed)
  const now = new Map(changed.map((id, n) => [id, rows[n]]))
  const inForm = new Set(meta.parts.flatMap(ref => ref.ids))
  // new papers by date added after those in the form: a form kept in that order stays so
  const added = changed.filter(id => now.get(id) && !inForm.has(id))
  added.sort((a, b) => byDateAdded(now.get(a)!, now.get(b)!))
  // the last part takes new papers while it has room, so papers added one at a time make no parts of one
  const last = meta.parts.at(-1)
  const fillLast = last !== undefined && added.length > 0 && last.ids.length < PAPERS_PER_PART
  const touched = meta.parts.filter(ref => (ref === last && fillLast) || ref.ids.some(id => now.has(id)))
  const stored = await readLightParts(db, touched)
  if (typeof stored === 'string') return false
  const rewritten = new Map<string, ItemBasics[]>()
  touched.forEach((ref, n) => {
    const papers = parseLightPart(stored[n]).papers.flatMap(item => {
      if (!now.has(item.id)) return [item]
      const row = now.get(item.id)
      return row ? [basics(row)] : []
    })
    rewritten.set(ref.key, papers)
  })
  const parts: LightPartToSave[] = meta.parts.map(ref => rewritten.get(ref.key) ?? ref)
  let tail = fillLast ? rewritten.get(last.key) : undefined
  for (const id of added) {
    if (!tail || tail.length >= PAPERS_PER_PART) parts.push((tail = []))
    tail.push(basics(now.get(id)!))
  }
  await writeLightForm(db, parts, seq, options)
  return true
}

/** Loads, catches up or rebuilds the saved light form. */
export async function currentLightForm(db: NeurorefDb, options?: LightWriteOptions): Promise<LightFormJob> {
  const meta = await readLightMeta(db)
  const changed = !meta
    ? { reason: 'there was none yet' }
    : !(await lightPartsStored(db, meta))
      ? { reason: 'a part of it is missing' }
      : await changedPapers(db, meta)
  if (!('reason' in changed)) {
    if (changed.ids.size === 0) return { how: 'loaded' }
    if (await caughtUp(db, meta!, changed.ids, changed.lastSeq, options)) return { how: 'caught up' }
  }
  const reason = 'reason' in changed ? changed.reason : 'a part of it has the wrong size'
  await rebuild(db, options)
  return { how: 'rebuilt', reason }
}
