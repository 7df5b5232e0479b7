// The window keeps a light copy of every paper: what the list, search, sort,
// facets and duplicates read. The long parts of a record (abstract, its
// sections, references, author details, investigators, grants, related
// records) stay in IndexedDB and are read where a paper is shown, exported,
// cited or written (library/queries.ts: fullItem, fullItems).
import type { Item, ItemBasics, LightItem } from '@shared/model'
import { keepTagKeys } from '@shared/tags'
import { basics, keptAsIs } from '../library/item-basics'

/** The mark of a light copy: a function, which IndexedDB cannot store. */
export const LIGHT = (): void => undefined

export function lighten(item: Item): LightItem {
  return markLight(basics(item))
}

/**
 * The light copy of a paper a change set only `fields` of (a tag, a collection, the Trash): the copy before with those
 * fields as the row has them now, its CSL, authors and headings shared. Made again from each row, a whole-library
 * change made 100,000 new copies of every part, all kept: the window's collections of new objects (scavenges) during
 * it copied them. Undefined when a field is not one the copy holds as it is.
 */
export function withFields(before: LightItem, item: Partial<Item>, fields: readonly string[]): LightItem | undefined {
  if (!fields.every(keptAsIs)) return undefined
  const row = item as unknown as Record<string, unknown>
  const light = withoutGone(before as unknown as Record<string, unknown>, row, fields)
  for (const field of fields) if (field in row) light[field] = row[field]
  keepTagKeys(before, light as unknown as LightItem, fields)
  return light as unknown as LightItem
}

/**
 * A copy of `before` without the fields of `fields` the row no longer has (a paper out of the Trash: its trashedAt).
 * Copied and then deleted from, every paper restored from the Trash became an object V8 keeps as a dictionary (its
 * fields looked up by name), larger and slower for every sort and count that read it after.
 */
function withoutGone(before: Record<string, unknown>, row: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const gone = fields.filter(field => !(field in row) && field in before)
  if (gone.length === 0) return { ...before }
  const light: Record<string, unknown> = {}
  for (const key in before) if (!gone.includes(key)) light[key] = before[key]
  return light
}

/** Marks a paper's basics as a light copy (the mark is what keeps IndexedDB from ever storing it). */
export function markLight(item: ItemBasics): LightItem {
  // a paper read at open is parsed with its mark in place (part-bytes.ts): not assigned again, an object each
  if ((item as Partial<LightItem>).light === LIGHT) return item as LightItem
  return Object.assign(item, { light: LIGHT })
}
