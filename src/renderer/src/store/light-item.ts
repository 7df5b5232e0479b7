// The window keeps a light copy of every paper: what the list, search, sort,
// facets and duplicates read. The long parts of a record (abstract, its
// sections, references, author details, investigators, grants, related
// records) stay in IndexedDB and are read where a paper is shown, exported,
// cited or written (library/queries.ts: fullItem, fullItems).
import type { Item, ItemBasics, LightItem } from '@shared/model'
import { basics } from '../library/item-basics'

/** The mark of a light copy: a function, which IndexedDB cannot store. */
export const LIGHT = (): void => undefined

export function lighten(item: Item): LightItem {
  return markLight(basics(item))
}

/** Marks a paper's basics as a light copy (the mark is what keeps IndexedDB from ever storing it). */
export function markLight(item: ItemBasics): LightItem {
  // a paper read at open is parsed with its mark in place (part-bytes.ts): not assigned again, an object each
  if ((item as Partial<LightItem>).light === LIGHT) return item as LightItem
  return Object.assign(item, { light: LIGHT })
}
