// Every stored paper, a chunk at a time in id order: what the worker jobs read
// when they build a derived form of the library from scratch (the search
// index, the saved light form). The next chunk is asked for as soon as this
// one is here, so IndexedDB reads it while the job works on this one (the
// index job's build of 100,000 papers waited on each read in turn).
import type { Item } from '@shared/model'
import type { NeurorefDb } from './schema'

export async function* itemChunks(db: NeurorefDb, size = 2000): AsyncGenerator<Item[]> {
  const read = (after?: string): Promise<Item[]> => (after === undefined ? db.items.orderBy('id') : db.items.where('id').above(after)).limit(size).toArray()
  let next = read()
  for (;;) {
    const chunk = await next
    if (chunk.length === size) {
      next = read(chunk[chunk.length - 1].id)
      // a job that stops early leaves this read unawaited: its failure is nobody's
      next.catch(() => {})
    }
    if (chunk.length > 0) yield chunk
    if (chunk.length < size) return
  }
}
