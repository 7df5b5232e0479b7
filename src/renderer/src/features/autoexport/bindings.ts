// Which collection each auto-export file exports. Main knows the files (by
// id); the library knows what goes in them, so the binding lives in the
// library's settings, with a fingerprint of what was last written.
import type { Collection, ItemBasics } from '@shared/model'
import { byDateAdded } from '@shared/date-added'
import { descendantsOf } from '../../library/collections'
import type { NeurorefDb } from '../../library/schema'
import { readSetting, updateSetting } from '../../library/settings'

export interface AutoExportBinding {
  /** null: the whole library */
  collectionId: string | null
  /** SHA-256 of the content last written, so an unchanged library is not rewritten at start */
  contentHash?: string
}

export type Bindings = Record<string, AutoExportBinding>

const KEY = 'autoexport.bindings'

export async function readBindings(db: NeurorefDb): Promise<Bindings> {
  return readSetting<Bindings>(db, KEY, {})
}

/** Read and write in one transaction, so two quick changes never lose each other. */
export async function updateBindings(db: NeurorefDb, change: (bindings: Bindings) => void): Promise<void> {
  await updateSetting<Bindings>(db, KEY, {}, saved => {
    const bindings = { ...saved }
    change(bindings)
    return bindings
  })
}

/**
 * The papers a binding exports, oldest first (a stable order keeps the file's
 * diffs small): not in the Trash, and in the collection or one of its
 * sub-collections (a collection's view shows those too). Undefined when the
 * collection was deleted.
 */
export function itemsToExport<T extends ItemBasics>(items: Iterable<T>, collections: readonly Collection[], collectionId: string | null): T[] | undefined {
  if (collectionId !== null && !collections.some(c => c.id === collectionId)) return undefined
  const inside = collectionId === null ? null : new Set([collectionId, ...descendantsOf(collections, collectionId)])
  const chosen: T[] = []
  for (const item of items) {
    if (item.trashedAt !== undefined) continue
    if (inside && !item.collectionIds.some(id => inside.has(id))) continue
    chosen.push(item)
  }
  return chosen.sort(byDateAdded)
}

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), byte => byte.toString(16).padStart(2, '0')).join('')
}
