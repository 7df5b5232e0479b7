// Test support: a paper with only an id and its CSL fields, as tests of
// searching and recognising make by the thousand (nothing filed, tagged or dated).
import type { Item } from './model'

export function bareItem(id: string, csl: Item['csl'], more: Partial<Item> = {}): Item {
  return { id, csl, sources: [], titleWords: [], tags: [], collectionIds: [], addedAt: 0, modifiedAt: 0, ...more }
}
