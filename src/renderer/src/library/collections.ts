// Collections: nested folders of papers. A paper can sit in many collections;
// deleting a collection never deletes a paper. Each action is one transaction.
import type { Collection } from '@shared/model'
import { ServiceError } from '@shared/result'
import type { NeurorefDb } from './schema'
import { changeItems, inKeyOrder, itemsWithIds, write, type ChangeOptions } from './write'

/** Ids of every collection below `id` (children, grandchildren …), not `id` itself. */
export function descendantsOf(collections: readonly Collection[], id: string): Set<string> {
  const children = new Map<string, string[]>()
  for (const c of collections) {
    if (c.parentId === undefined) continue
    const list = children.get(c.parentId) ?? []
    list.push(c.id)
    children.set(c.parentId, list)
  }
  const found = new Set<string>()
  const pending = [...(children.get(id) ?? [])]
  while (pending.length) {
    const next = pending.pop()!
    if (found.has(next) || next === id) continue // a damaged cycle must not loop forever
    found.add(next)
    pending.push(...(children.get(next) ?? []))
  }
  return found
}

function cleanName(name: string): string {
  const trimmed = name.trim()
  if (!trimmed) throw new ServiceError('INVALID_INPUT', 'A collection needs a name.')
  return trimmed
}

async function mustExist(db: NeurorefDb, id: string): Promise<Collection> {
  const found = await db.collections.get(id)
  if (!found) throw new ServiceError('NOT_FOUND', 'That collection no longer exists.')
  return found
}

/** Creates a collection, at top level or inside `parentId`. */
export async function createCollection(db: NeurorefDb, name: string, parentId?: string): Promise<Collection> {
  const collection: Collection = { id: crypto.randomUUID(), name: cleanName(name), createdAt: Date.now() }
  if (parentId !== undefined) collection.parentId = parentId
  await write(db, [db.collections], async changes => {
    if (parentId !== undefined) await mustExist(db, parentId)
    await db.collections.add(collection)
    changes.record({ kind: 'collection', change: 'added', ids: [collection.id], collections: [collection] })
  })
  return collection
}

export async function renameCollection(db: NeurorefDb, id: string, name: string): Promise<void> {
  const clean = cleanName(name)
  await write(db, [db.collections], async changes => {
    const renamed = { ...(await mustExist(db, id)), name: clean }
    await db.collections.put(renamed)
    changes.record({ kind: 'collection', change: 'changed', ids: [id], collections: [renamed] })
  })
}

/** Moves a collection under `newParentId`, or to top level when it is undefined. */
export async function moveCollection(db: NeurorefDb, id: string, newParentId: string | undefined): Promise<void> {
  await write(db, [db.collections], async changes => {
    const moving = await mustExist(db, id)
    if (newParentId !== undefined) {
      const target = await mustExist(db, newParentId)
      if (target.id === id || descendantsOf(await db.collections.toArray(), id).has(target.id)) {
        throw new ServiceError('INVALID_INPUT', `“${moving.name}” cannot be moved into itself or one of its own sub-collections.`)
      }
    }
    const moved = { ...moving }
    if (newParentId === undefined) delete moved.parentId
    else moved.parentId = newParentId
    await db.collections.put(moved)
    changes.record({ kind: 'collection', change: 'changed', ids: [id], collections: [moved] })
  })
}

/**
 * Deletes a collection and its sub-collections. The papers stay in the
 * library; they only stop being filed there. Returns how many collections
 * went and how many papers were in them.
 */
export async function deleteCollection(db: NeurorefDb, id: string): Promise<{ collections: number; items: number }> {
  return write(db, [db.collections, db.items], async changes => {
    await mustExist(db, id)
    const gone = new Set([id, ...descendantsOf(await db.collections.toArray(), id)])
    const now = Date.now()
    const filed = db.items
      .where('collectionIds')
      .anyOf([...gone])
      .distinct()
    const items = await changeItems(db, changes, filed, item => {
      item.collectionIds = item.collectionIds.filter(c => !gone.has(c))
      item.modifiedAt = now
    })
    await db.collections.bulkDelete([...gone])
    changes.record({ kind: 'collection', change: 'deleted', ids: [...gone] })
    return { collections: gone.size, items: items.length }
  })
}

/** Files papers in a collection; returns how many were not there before. */
export async function addItemsToCollection(db: NeurorefDb, collectionId: string, itemIds: string[], options: ChangeOptions = {}): Promise<number> {
  itemIds = await inKeyOrder(itemIds)
  return write(db, [db.collections, db.items], async changes => {
    await mustExist(db, collectionId)
    const now = Date.now()
    const outside = itemsWithIds(db, itemIds, item => !item.collectionIds.includes(collectionId))
    const added = await changeItems(
      db,
      changes,
      outside,
      item => {
        item.collectionIds = [...item.collectionIds, collectionId]
        item.modifiedAt = now
      },
      options
    )
    return added.length
  })
}

/**
 * Takes papers out of a collection and its sub-collections, so they leave the
 * view the researcher is looking at; returns how many papers changed.
 */
export async function removeItemsFromCollection(db: NeurorefDb, collectionId: string, itemIds: string[]): Promise<number> {
  return write(db, [db.collections, db.items], async changes => {
    const gone = new Set([collectionId, ...descendantsOf(await db.collections.toArray(), collectionId)])
    const now = Date.now()
    const inside = itemsWithIds(db, itemIds, item => item.collectionIds.some(c => gone.has(c)))
    const removed = await changeItems(db, changes, inside, item => {
      item.collectionIds = item.collectionIds.filter(c => !gone.has(c))
      item.modifiedAt = now
    })
    return removed.length
  })
}
