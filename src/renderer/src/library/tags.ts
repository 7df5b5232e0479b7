// The researcher's own (manual) tags: add, remove, rename or merge, colour,
// delete. Only `item.tags` changes; keyword, MeSH and peptide tags come from
// the record and are never touched here. Each action is one transaction.
import type { Tag } from '@shared/model'
import { ServiceError } from '@shared/result'
import type { NeurorefDb } from './schema'
import { changeItems, inKeyOrder, itemsWithIds, write, type ChangeOptions } from './write'

/** A tag name as stored: spaces trimmed and collapsed. Throws when nothing is left. */
function cleanTagName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim()
  if (!clean) throw new ServiceError('INVALID_INPUT', 'A tag needs a name.')
  if (clean.length > 100) throw new ServiceError('INVALID_INPUT', 'A tag name can be at most 100 characters long.')
  return clean
}

// one collator for every comparison: localeCompare with options makes one per call, and tagging every paper of a
// 100,000-paper library compares each paper's tags with the new one in one task (2.6 s of such calls, traced under load)
const accentSensitive = new Intl.Collator(undefined, { sensitivity: 'accent' })
const sameName = (a: string, b: string): boolean => accentSensitive.compare(a, b) === 0

/**
 * The spelling the library already uses for this name ("stress" when
 * "Stress" exists), so one tag is not split by capitals.
 */
async function existingSpelling(db: NeurorefDb, name: string): Promise<string> {
  const used = (await db.items.orderBy('tags').uniqueKeys()) as string[]
  return used.find(tag => sameName(tag, name)) ?? name
}

/** Tags these items with a manual tag; returns how many items gained it. */
export async function addTag(db: NeurorefDb, itemIds: string[], name: string, options: ChangeOptions = {}): Promise<number> {
  const wanted = cleanTagName(name)
  itemIds = await inKeyOrder(itemIds)
  return write(db, [db.items], async changes => {
    const tag = await existingSpelling(db, wanted)
    const now = Date.now()
    const untagged = itemsWithIds(db, itemIds, item => !item.tags.some(t => sameName(t, tag)))
    const tagged = await changeItems(
      db,
      changes,
      untagged,
      item => {
        item.tags = [...item.tags, tag]
        item.modifiedAt = now
      },
      options
    )
    return tagged.length
  })
}

/** Takes a manual tag off these items; returns how many items lost it. */
export async function removeTag(db: NeurorefDb, itemIds: string[], name: string): Promise<number> {
  return write(db, [db.items], async changes => {
    const now = Date.now()
    const tagged = itemsWithIds(db, itemIds, item => item.tags.includes(name))
    const untagged = await changeItems(db, changes, tagged, item => {
      item.tags = item.tags.filter(t => t !== name)
      item.modifiedAt = now
    })
    return untagged.length
  })
}

export interface RenameOutcome {
  /** the name the tag now has */
  name: string
  /** items whose tags changed */
  items: number
  /** true when the new name was already a tag: the two are now one */
  merged: boolean
}

/**
 * Renames a manual tag across the library. Renaming to a name already in use
 * merges the two tags (an item with both keeps one); the colour stays with
 * the surviving tag, or moves over when it had none.
 */
export async function renameTag(db: NeurorefDb, from: string, to: string): Promise<RenameOutcome> {
  const wanted = cleanTagName(to)
  return write(db, [db.items, db.tags], async changes => {
    const used = (await db.items.orderBy('tags').uniqueKeys()) as string[]
    const target = used.find(tag => tag !== from && sameName(tag, wanted)) ?? wanted
    const merged = target !== from && used.includes(target)
    const now = Date.now()
    const items = await changeItems(db, changes, db.items.where('tags').equals(from), item => {
      const tags = item.tags.map(t => (t === from ? target : t))
      item.tags = [...new Set(tags)]
      item.modifiedAt = now
    })
    const [oldRecord, newRecord] = await Promise.all([db.tags.get(from), db.tags.get(target)])
    if (target !== from) {
      await db.tags.delete(from)
      if (oldRecord?.color && !newRecord?.color) await db.tags.put({ name: target, kind: 'manual', color: oldRecord.color })
      changes.record({ kind: 'tag', change: 'deleted', ids: [from] })
    }
    changes.record({ kind: 'tag', change: 'changed', ids: [target] })
    return { name: target, items: items.length, merged }
  })
}

/** Removes a manual tag from every item (the papers stay); returns how many items lost it. */
export async function deleteTag(db: NeurorefDb, name: string): Promise<number> {
  return write(db, [db.items, db.tags], async changes => {
    const now = Date.now()
    const untagged = await changeItems(db, changes, db.items.where('tags').equals(name), item => {
      item.tags = item.tags.filter(t => t !== name)
      item.modifiedAt = now
    })
    await db.tags.delete(name)
    changes.record({ kind: 'tag', change: 'deleted', ids: [name] })
    return untagged.length
  })
}

/** Gives a manual tag a colour (a CSS colour such as #c0392b), or takes it away. */
export async function setTagColor(db: NeurorefDb, name: string, color: string | undefined): Promise<void> {
  if (color !== undefined && !/^#[0-9a-f]{6}$/i.test(color)) {
    throw new ServiceError('INVALID_INPUT', 'A tag colour must be written like #c0392b.')
  }
  await write(db, [db.tags], async changes => {
    if (color) await db.tags.put({ name, kind: 'manual', color: color.toLowerCase() })
    else await db.tags.delete(name)
    changes.record({ kind: 'tag', change: 'changed', ids: [name] })
  })
}

/** Colours of the manual tags that have one, by tag name. */
export async function tagColors(db: NeurorefDb): Promise<Map<string, string>> {
  const rows: Tag[] = await db.tags.where('kind').equals('manual').toArray()
  return new Map(rows.filter(t => t.color).map(t => [t.name, t.color!]))
}
