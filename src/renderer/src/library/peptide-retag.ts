// Peptide tags for items that came in before the vocabulary (or its rules)
// changed: tagged again once, in chunks, with progress. Tags the user removed
// stay removed (`removedPeptideTags` is kept).
import { PEPTIDE_TAGGING_VERSION, peptideMatcher } from '../../../shared/peptides/default-matcher'
import type { NeurorefDb } from './schema'
import { readSetting, writeSetting } from './settings'

const CHUNK = 500

export async function retagPeptidesIfNeeded(db: NeurorefDb, onProgress?: (done: number, total: number) => void): Promise<number> {
  if ((await readSetting(db, 'peptideTaggingVersion', 0)) >= PEPTIDE_TAGGING_VERSION) return 0
  const ids = (await db.items.toCollection().primaryKeys()) as string[]
  const matcher = peptideMatcher()
  for (let start = 0; start < ids.length; start += CHUNK) {
    await db.transaction('rw', db.items, async () => {
      const items = await db.items.bulkGet(ids.slice(start, start + CHUNK))
      await db.items.bulkPut(items.flatMap(item => (item ? [{ ...item, peptideTags: matcher.tag(item) }] : [])))
    })
    onProgress?.(Math.min(start + CHUNK, ids.length), ids.length)
    await new Promise(resolve => setTimeout(resolve, 0))
  }
  await writeSetting(db, 'peptideTaggingVersion', PEPTIDE_TAGGING_VERSION)
  return ids.length
}
