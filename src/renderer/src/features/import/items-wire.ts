// The reader worker's papers cross whole to the writer worker (or to the window,
// where it writes them) as JSON text rather than as objects: structured clone
// rebuilds every object on the receiving thread, and JSON.parse builds the same
// papers several times faster (opening a library
// found the same, before its papers crossed as bytes: store/part-bytes.ts). Papers are plain data: a field left
// undefined is left out, which reads the same.
import type { Item } from '@shared/model'

export const itemsToWire = (items: Item[]): string => JSON.stringify(items)

export const itemsFromWire = (json: string): Item[] => JSON.parse(json) as Item[]
