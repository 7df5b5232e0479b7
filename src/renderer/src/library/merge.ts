// Merging a duplicate pair, and remembering pairs the researcher says are
// not duplicates. A merge is one transaction: the older item takes the
// chosen values and everything attached to the other copy, which is deleted.
import type { Item } from '../../../shared/model'
import { findDuplicatePairs, type DuplicatePair } from '../../../shared/duplicates'
import { mergeItems, olderFirst, type MergeChoices } from '../../../shared/merge-items'
import { ServiceError } from '../../../shared/result'
import { readSetting, writeSetting } from './settings'
import type { NeurorefDb } from './schema'

/** Setting: pairs ("idA|idB", ids in order) the researcher marked "Not duplicates". */
export const NOT_DUPLICATES_KEY = 'duplicates.notDuplicates'

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`)

export async function markNotDuplicates(db: NeurorefDb, a: string, b: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const known = await readSetting<string[]>(db, NOT_DUPLICATES_KEY, [])
    const key = pairKey(a, b)
    if (!known.includes(key)) await writeSetting(db, NOT_DUPLICATES_KEY, [...known, key])
  })
}

/** Likely duplicate pairs, without those the researcher dismissed. */
export function pairsToReview(items: Iterable<Item>, dismissed: readonly string[]): DuplicatePair[] {
  const skip = new Set(dismissed)
  return findDuplicatePairs(items).filter(pair => !skip.has(pairKey(pair.a, pair.b)))
}

/**
 * Merges two items into the older one. Notes are joined (one note per
 * paper), attachment records and PDF text move to the kept item. Returns
 * the kept item as stored.
 */
export async function mergeDuplicates(db: NeurorefDb, firstId: string, secondId: string, choices: MergeChoices): Promise<Item> {
  return db.transaction('rw', [db.items, db.notes, db.attachments, db.fullTexts], async () => {
    const [first, second] = await db.items.bulkGet([firstId, secondId])
    if (!first || !second) throw new ServiceError('NOT_FOUND', 'One of the two papers is no longer in the library; nothing was merged.')
    const [keep, other] = olderFirst(first, second)
    const merged = mergeItems(keep, other, choices)

    const [keepNote, otherNote] = await Promise.all([db.notes.where('itemId').equals(keep.id).first(), db.notes.where('itemId').equals(other.id).first()])
    if (otherNote && keepNote) {
      await db.notes.put({ ...keepNote, text: `${keepNote.text}\n\n${otherNote.text}`, modifiedAt: merged.modifiedAt })
      await db.notes.delete(otherNote.id)
    } else if (otherNote) {
      await db.notes.update(otherNote.id, { itemId: keep.id })
    }
    await db.attachments.where('itemId').equals(other.id).modify({ itemId: keep.id })
    await db.fullTexts.where('itemId').equals(other.id).modify({ itemId: keep.id })
    await db.items.delete(other.id)
    await db.items.put(merged)
    return merged
  })
}
