// Peptide tags the researcher disagrees with: removing one records it in
// `removedPeptideTags`, so it stays removed when the paper is imported again
// or the vocabulary tags the library anew; restoring takes it off that list.
import type { Item } from '@shared/model'
import type { NeurorefDb } from './schema'
import { write } from './write'

/** Removes the peptide tag from one paper; returns the paper as it was (for undo), or undefined if nothing changed. */
export async function removePeptideTag(db: NeurorefDb, itemId: string, peptide: string): Promise<Item | undefined> {
  return write(db, [db.items], async changes => {
    const item = await db.items.get(itemId)
    if (!item || item.removedPeptideTags?.includes(peptide)) return undefined
    const after = { ...item, removedPeptideTags: [...(item.removedPeptideTags ?? []), peptide], modifiedAt: Date.now() }
    await db.items.put(after)
    changes.record({ kind: 'item', change: 'changed', ids: [itemId], items: [after] })
    return item
  })
}

/** Gives a removed peptide tag back (it shows again if the paper still names the peptide). */
export async function restorePeptideTag(db: NeurorefDb, itemId: string, peptide: string): Promise<void> {
  await write(db, [db.items], async changes => {
    const item = await db.items.get(itemId)
    if (!item?.removedPeptideTags?.includes(peptide)) return
    const after = { ...item, removedPeptideTags: item.removedPeptideTags.filter(p => p !== peptide), modifiedAt: Date.now() }
    await db.items.put(after)
    changes.record({ kind: 'item', change: 'changed', ids: [itemId], items: [after] })
  })
}
