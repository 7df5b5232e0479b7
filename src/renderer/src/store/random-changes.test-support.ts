// Random changes made through the library module (adds, edits, merges, notes,
// papers put in a collection, trashes, restores, emptying the Trash), for tests that check what is derived
// from the library (the saved search index, the saved light form) against the
// library itself.
import type { Item, ReferenceRecord } from '@shared/model'
import { addRecordsToLibrary } from '../library/add-paper'
import { addItemsToCollection, createCollection } from '../library/collections'
import { formOf, saveEdit } from '../library/edit'
import { mergeDuplicates } from '../library/merge'
import { saveNote } from '../library/notes'
import type { NeurorefDb } from '../library/schema'
import { emptyTrashRecords, moveToTrash, restoreFromTrash } from '../library/trash'

export function randomFrom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** A synthetic paper as an import would bring it (no library fields). */
export function recordOf(item: Item): ReferenceRecord {
  const { id: _id, titleWords: _w, tags: _t, collectionIds: _c, addedAt: _a, modifiedAt: _m, citationKey: _k, peptideTags: _p, ...record } = item
  return record
}

/** `steps` random changes; new papers are taken from `pool`. */
export async function randomChanges(db: NeurorefDb, pool: ReferenceRecord[], random: () => number, steps: number): Promise<void> {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]
  const ids = async () => (await db.items.toCollection().primaryKeys()) as string[]
  // a change of filing fields alone (the search index need not index those papers again; the light form must take them)
  let collection: string | undefined
  for (let step = 0; step < steps; step++) {
    const roll = random()
    if (roll < 0.2) await addRecordsToLibrary(db, pool.splice(0, 1 + Math.floor(random() * 6)))
    else if (roll < 0.4) {
      const item = (await db.items.get(pick(await ids())))!
      const other = pick(pool)
      const form = formOf(item)
      await saveEdit(db, item.id, { ...form, title: `Edited oxytocin ${other.csl.title}`, abstract: other.csl.abstract ?? '' })
    } else if (roll < 0.5) {
      const all = await ids()
      const [a, b] = [pick(all), pick(all)]
      if (a !== b) await mergeDuplicates(db, a, b, random() < 0.5 ? { title: 'other' } : {})
    } else if (roll < 0.65) await saveNote(db, pick(await ids()), pick(['Cited in the oxytocin chapter.', 'See Table 3 for pair bonding.', '']))
    else if (roll < 0.7) {
      collection ??= (await createCollection(db, 'Pair bonding')).id
      const all = await ids()
      await addItemsToCollection(db, collection, [pick(all), pick(all), pick(all)])
    } else if (roll < 0.8) {
      const all = await ids()
      await moveToTrash(db, [pick(all), pick(all)])
    } else if (roll < 0.95) await restoreFromTrash(db, (await db.items.where('trashedAt').above(0).primaryKeys()) as string[])
    else await emptyTrashRecords(db)
  }
}
