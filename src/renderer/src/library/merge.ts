// Merging a duplicate pair, and remembering pairs the researcher says are
// not duplicates. A merge is one transaction: the older item takes the
// chosen values and everything attached to the other copy, which is deleted.
import type { Item, ItemBasics } from '@shared/model'
import { findDuplicatePairs, type DuplicatePair } from '@shared/duplicates'
import { mergeItems, olderFirst, type MergeChoices } from '@shared/merge-items'
import { ServiceError } from '@shared/result'
import { updateSetting } from './settings'
import type { NeurorefDb } from './schema'
import { withIndexFields } from './index-fields'
import { loadPeptideTagger } from './peptide-tagger'
import { moveAttachments } from './attachments'
import { write } from './write'

/** Setting: pairs ("idA|idB", ids in order) the researcher marked "Not duplicates". */
export const NOT_DUPLICATES_KEY = 'duplicates.notDuplicates'

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`)

export async function markNotDuplicates(db: NeurorefDb, a: string, b: string): Promise<void> {
  const key = pairKey(a, b)
  await updateSetting<string[]>(db, NOT_DUPLICATES_KEY, [], known => (known.includes(key) ? undefined : [...known, key]))
}

/** Likely duplicate pairs, without those the researcher dismissed. */
export function pairsToReview(items: Iterable<ItemBasics>, dismissed: readonly string[]): DuplicatePair[] {
  const skip = new Set(dismissed)
  return findDuplicatePairs(items).filter(pair => !skip.has(pairKey(pair.a, pair.b)))
}

/**
 * Merges two items into the older one. Notes are joined (one note per
 * paper), attachment records and PDF text move to the kept item. Returns
 * the kept item as stored.
 */
export async function mergeDuplicates(db: NeurorefDb, firstId: string, secondId: string, choices: MergeChoices): Promise<Item> {
  await loadPeptideTagger()
  return write(db, [db.items, db.notes, db.attachments, db.fullTexts], async changes => {
    const [first, second] = await db.items.bulkGet([firstId, secondId])
    if (!first || !second) throw new ServiceError('NOT_FOUND', 'One of the two papers is no longer in the library; nothing was merged.')
    const [keep, other] = olderFirst(first, second)
    const merged = withIndexFields(mergeItems(keep, other, choices))

    const [keepNote, otherNote] = await Promise.all([db.notes.where('itemId').equals(keep.id).first(), db.notes.where('itemId').equals(other.id).first()])
    if (otherNote) {
      const joined = keepNote
        ? { ...keepNote, text: `${keepNote.text}\n\n${otherNote.text}`, modifiedAt: merged.modifiedAt }
        : { ...otherNote, itemId: keep.id }
      await db.notes.put(joined)
      if (keepNote) await db.notes.delete(otherNote.id)
      changes.record({ kind: 'note', change: 'saved', ids: [joined.id], itemIds: [keep.id], notes: [joined] })
      if (keepNote) changes.record({ kind: 'note', change: 'deleted', ids: [otherNote.id], itemIds: [other.id] })
    }
    await moveAttachments(db, changes, other.id, keep.id)
    await db.items.delete(other.id)
    await db.items.put(merged)
    changes.record({ kind: 'item', change: 'deleted', ids: [other.id] })
    changes.record({ kind: 'item', change: 'changed', ids: [merged.id], items: [merged] })
    return merged
  })
}
