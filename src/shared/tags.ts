// Tags of four kinds: the researcher's own (manual), the author keywords and
// MeSH major topics that came with the paper, and peptide tags. Imported
// kinds are derived from the record, so editing manual tags never loses them.
import type { ItemBasics } from './model'
import { isMajorTopic } from './mesh-terms'

export type TagKind = 'manual' | 'keyword' | 'mesh' | 'peptide'

export interface ItemTag {
  kind: TagKind
  name: string
}

export const tagKey = (tag: ItemTag): string => `${tag.kind}:${tag.name}`

export function parseTagKey(key: string): ItemTag {
  const at = key.indexOf(':')
  return { kind: key.slice(0, at) as TagKind, name: key.slice(at + 1) }
}

/**
 * Where a copy of an item keeps its tag keys: on itself, under a symbol it does not enumerate, so no spread, clone,
 * JSON or IndexedDB write takes it. In a WeakMap, a whole-library change's 100,000 new copies each added an entry: its
 * table grew and was made again in one set (a slice of 150-200 ms CPU, traced at 100,000) and the collector walked it
 * (Node: 100,000 copies 210 ms CPU more than the copies alone, on the copy 5-35 ms).
 */
const TAG_KEYS = Symbol('tag keys')
/** the keys of items that cannot take a property (frozen) */
const frozenItems = new WeakMap<ItemBasics, string[]>()

type Keyed = ItemBasics & { [TAG_KEYS]?: string[] }

function keptKeys(item: ItemBasics): string[] | undefined {
  return (item as Keyed)[TAG_KEYS] ?? frozenItems.get(item)
}

function keepKeys(item: ItemBasics, keys: string[]): void {
  if (Object.isExtensible(item)) Object.defineProperty(item, TAG_KEYS, { value: keys, writable: true, configurable: true })
  else frozenItems.set(item, keys)
}

/** Every tag of an item as `kind:name` keys (kept per stored version of the item). */
export function itemTagKeys(item: ItemBasics): string[] {
  let keys = keptKeys(item)
  if (!keys) {
    keys = [...new Set(itemTags(item).map(tagKey))]
    keepKeys(item, keys)
  }
  return keys
}

/** The fields an item's tags are read from (`itemTags`). */
const TAG_FIELDS = new Set(['tags', 'keywords', 'mesh', 'peptideTags', 'removedPeptideTags'])

/**
 * A new copy of an item that differs from `before` only in these fields: when none of them holds tags (filed, trashed,
 * marked read), the copy's tag keys are those of `before`, not worked out again (a whole library's copies, each a
 * dozen keys made anew, after every paper was filed).
 */
export function keepTagKeys(before: ItemBasics, after: ItemBasics, fields: readonly string[]): void {
  const keys = keptKeys(before)
  if (keys && !fields.some(field => TAG_FIELDS.has(field))) keepKeys(after, keys)
}

export function itemTags(item: ItemBasics): ItemTag[] {
  const tags: ItemTag[] = item.tags.map(name => ({ kind: 'manual', name }))
  for (const keyword of item.keywords ?? []) tags.push({ kind: 'keyword', name: keyword.trim() })
  for (const heading of item.mesh ?? []) {
    if (isMajorTopic(heading)) tags.push({ kind: 'mesh', name: heading.descriptor })
  }
  for (const peptide of item.peptideTags ?? []) {
    if (!item.removedPeptideTags?.includes(peptide.peptide)) tags.push({ kind: 'peptide', name: peptide.peptide })
  }
  return tags
}
