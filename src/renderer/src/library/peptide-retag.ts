// Peptide tags for items that came in before the vocabulary (or its rules)
// changed: tagged again once, in chunks, with progress. Tags the user removed
// stay removed (`removedPeptideTags` is kept).
import { PEPTIDE_TAGGING_VERSION } from '@shared/peptides/tagging-version'
import { withIndexFields } from './index-fields'
import { loadPeptideTagger } from './peptide-tagger'
import type { NeurorefDb } from './schema'
import { readSetting, writeSetting } from './settings'
import { write } from './write'

const CHUNK = 500

export async function retagPeptidesIfNeeded(db: NeurorefDb, onProgress?: (done: number, total: number) => void): Promise<number> {
  if ((await readSetting(db, 'peptideTaggingVersion', 0)) >= PEPTIDE_TAGGING_VERSION) return 0
  const ids = (await db.items.toCollection().primaryKeys()) as string[]
  if (ids.length) await loadPeptideTagger()
  for (let start = 0; start < ids.length; start += CHUNK) {
    await write(db, [db.items], async changes => {
      const items = (await db.items.bulkGet(ids.slice(start, start + CHUNK))).flatMap(item => (item ? [withIndexFields(item)] : []))
      await db.items.bulkPut(items)
      changes.record({ kind: 'item', change: 'changed', ids: items.map(item => item.id), items })
    })
    onProgress?.(Math.min(start + CHUNK, ids.length), ids.length)
    await new Promise(resolve => setTimeout(resolve, 0))
  }
  await writeSetting(db, 'peptideTaggingVersion', PEPTIDE_TAGGING_VERSION)
  return ids.length
}
