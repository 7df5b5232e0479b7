// For tests of how papers are stored: the papers as IndexedDB holds them, without the reading hook or the grouped
// papers' middleware, and an import's groups spread as its announce lets them be.
import Dexie from 'dexie'
import type { StoredItem } from './row-read'
import { SCHEMA_V10, type NeurorefDb } from './schema'
import { spreadAnnouncedGroups } from './spread-groups'

/** Every paper as stored, by id: in its group (an import's, not spread yet) or its row. */
export async function storedPapers(name: string): Promise<Map<string, StoredItem>> {
  const plain = new Dexie(name)
  plain.version(10).stores(SCHEMA_V10)
  const groups = (await plain.table('paperGroups').toArray()) as { papers: StoredItem[] }[]
  const rows = [...groups.flatMap(group => group.papers), ...((await plain.table('items').toArray()) as StoredItem[])]
  plain.close()
  return new Map(rows.map(row => [row.id, row]))
}

/** The groups of imports written unannounced spread into rows, as once they are announced (their rows of ids gone). */
export async function spreadAsAnnounced(db: NeurorefDb): Promise<void> {
  await db.settings.where('key').startsWith('unfinished import ').delete()
  await spreadAnnouncedGroups(db)
}
