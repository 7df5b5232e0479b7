// Every stored paper, a chunk at a time in id order: what the worker jobs read
// when they build a derived form of the library from scratch (the search
// index, the saved light form).
import type { Item } from '@shared/model'
import type { NeurorefDb } from './schema'

export async function* itemChunks(db: NeurorefDb, size = 2000): AsyncGenerator<Item[]> {
  let after: string | undefined
  for (;;) {
    const chunk: Item[] = await (after === undefined ? db.items.orderBy('id') : db.items.where('id').above(after)).limit(size).toArray()
    if (chunk.length > 0) yield chunk
    if (chunk.length < size) return
    after = chunk[chunk.length - 1].id
  }
}
