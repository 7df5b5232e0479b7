// Resolving a field two computers changed differently while apart (sync's
// merge keeps one value and records the other in `syncConflicts`): the
// researcher chooses one, it is written like any edit, and the record goes.
import type { Item, SyncConflict } from '@shared/model'
import { ServiceError } from '@shared/result'
import { withIndexFields } from './index-fields'
import { loadPeptideTagger } from './peptide-tagger'
import type { NeurorefDb } from './schema'
import { write } from './write'

const sameConflict = (a: SyncConflict, b: SyncConflict): boolean => a.field === b.field && JSON.stringify(a) === JSON.stringify(b)

/** The item with `field` (an Item key or csl.<key>) set to `value`; null or undefined removes it. */
function withField(item: Item, field: string, value: unknown): Item {
  const next: Item = { ...item, csl: { ...item.csl } }
  const [target, key] = field.startsWith('csl.') ? [next.csl as Record<string, unknown>, field.slice(4)] : [next as unknown as Record<string, unknown>, field]
  if (value === null || value === undefined) delete target[key]
  else target[key] = value
  return next
}

/**
 * Keeps `choice` of a conflict: 'kept' (the value the merge kept) or
 * 'other'. For `trashedAt`, 'other' moves the paper to the Trash after all.
 */
export async function resolveSyncConflict(db: NeurorefDb, id: string, conflict: SyncConflict, choice: 'kept' | 'other'): Promise<Item> {
  await loadPeptideTagger()
  return write(db, [db.items], async changes => {
    const before = await db.items.get(id)
    if (!before) throw new ServiceError('NOT_FOUND', 'This paper is no longer in the library.')
    const left = (before.syncConflicts ?? []).filter(c => !sameConflict(c, conflict))
    let after = withField(before, conflict.field, choice === 'kept' ? conflict.kept : conflict.other)
    after = { ...after, modifiedAt: Date.now() }
    if (left.length) after.syncConflicts = left
    else delete after.syncConflicts
    if (conflict.field !== 'trashedAt') after.editedFields = [...new Set([...(before.editedFields ?? []), conflict.field.replace(/^csl\./, '')])]
    after = withIndexFields(after)
    await db.items.put(after)
    changes.record({ kind: 'item', change: 'changed', ids: [id], items: [after] })
    const trashed = after.trashedAt !== undefined && before.trashedAt === undefined
    if (trashed) changes.record({ kind: 'trash', change: 'moved', ids: [id] })
    return after
  })
}
