// Collections: nested folders of papers. A paper can sit in many collections;
// deleting a collection never deletes a paper. Each action is one transaction.
import type { Collection } from '../../../shared/model'
import { ServiceError } from '../../../shared/result'
import type { NeurorefDb } from './schema'

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
  await db.transaction('rw', db.collections, async () => {
    if (parentId !== undefined) await mustExist(db, parentId)
    await db.collections.add(collection)
  })
  return collection
}

export async function renameCollection(db: NeurorefDb, id: string, name: string): Promise<void> {
  const clean = cleanName(name)
  await db.transaction('rw', db.collections, async () => {
    await mustExist(db, id)
    await db.collections.update(id, { name: clean })
  })
}

/** Moves a collection under `newParentId`, or to top level when it is undefined. */
export async function moveCollection(db: NeurorefDb, id: string, newParentId: string | undefined): Promise<void> {
  await db.transaction('rw', db.collections, async () => {
    const moving = await mustExist(db, id)
    if (newParentId !== undefined) {
      const target = await mustExist(db, newParentId)
      if (target.id === id || descendantsOf(await db.collections.toArray(), id).has(target.id)) {
        throw new ServiceError('INVALID_INPUT', `“${moving.name}” cannot be moved into itself or one of its own sub-collections.`)
      }
    }
    await db.collections
      .where('id')
      .equals(id)
      .modify(c => {
        if (newParentId === undefined) delete c.parentId
        else c.parentId = newParentId
      })
  })
}

/**
 * Deletes a collection and its sub-collections. The papers stay in the
 * library; they only stop being filed there. Returns how many collections
 * went and how many papers were in them.
 */
export async function deleteCollection(db: NeurorefDb, id: string): Promise<{ collections: number; items: number }> {
  return db.transaction('rw', db.collections, db.items, async () => {
    await mustExist(db, id)
    const gone = new Set([id, ...descendantsOf(await db.collections.toArray(), id)])
    const now = Date.now()
    const items = await db.items
      .where('collectionIds')
      .anyOf([...gone])
      .distinct()
      .modify(item => {
        item.collectionIds = item.collectionIds.filter(c => !gone.has(c))
        item.modifiedAt = now
      })
    await db.collections.bulkDelete([...gone])
    return { collections: gone.size, items }
  })
}

/** Files papers in a collection; returns how many were not there before. */
export async function addItemsToCollection(db: NeurorefDb, collectionId: string, itemIds: string[]): Promise<number> {
  return db.transaction('rw', db.collections, db.items, async () => {
    await mustExist(db, collectionId)
    const now = Date.now()
    return db.items
      .where('id')
      .anyOf(itemIds)
      .filter(item => !item.collectionIds.includes(collectionId))
      .modify(item => {
        item.collectionIds = [...item.collectionIds, collectionId]
        item.modifiedAt = now
      })
  })
}

/**
 * Takes papers out of a collection and its sub-collections, so they leave the
 * view the researcher is looking at; returns how many papers changed.
 */
export async function removeItemsFromCollection(db: NeurorefDb, collectionId: string, itemIds: string[]): Promise<number> {
  return db.transaction('rw', db.collections, db.items, async () => {
    const gone = new Set([collectionId, ...descendantsOf(await db.collections.toArray(), collectionId)])
    const now = Date.now()
    return db.items
      .where('id')
      .anyOf(itemIds)
      .filter(item => item.collectionIds.some(c => gone.has(c)))
      .modify(item => {
        item.collectionIds = item.collectionIds.filter(c => !gone.has(c))
        item.modifiedAt = now
      })
  })
}
