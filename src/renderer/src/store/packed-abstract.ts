// Abstracts are most of a library's memory: one Greek letter makes V8 keep a
// whole abstract as two bytes per character. The store keeps each abstract as
// UTF-8 bytes (about half) and decodes it on reading, which only the item
// pane, exports and re-indexing do. The property stays an own, enumerable
// field, so spreading, JSON and structured clone (writing the item back to
// IndexedDB) all see the full text.
import type { Item } from '@shared/model'

const BYTES = Symbol('abstract as UTF-8')
const encoder = new TextEncoder()
const decoder = new TextDecoder()
/** Short abstracts are not worth a byte array of their own. */
const PACK_FROM = 256

type Packed = { [BYTES]?: Uint8Array }

const accessor: PropertyDescriptor = {
  get(this: Packed): string {
    return decoder.decode(this[BYTES])
  },
  set(this: Packed & Record<string, unknown>, value: unknown): void {
    delete this[BYTES]
    Object.defineProperty(this, 'abstract', { value, writable: true, enumerable: true, configurable: true })
  },
  enumerable: true,
  configurable: true
}

/** Packs the item's abstract in place (the item is the store's own copy) and returns it. */
export function packAbstract(item: Item): Item {
  const csl = item.csl as typeof item.csl & Packed
  const text = csl.abstract
  if (typeof text !== 'string' || text.length < PACK_FROM) return item
  // Plain Latin-1 text is already one byte per character in V8: nothing to gain.
  if (!/[^\x00-\xff]/.test(text)) return item
  csl[BYTES] = encoder.encode(text)
  Object.defineProperty(csl, 'abstract', accessor)
  return item
}
