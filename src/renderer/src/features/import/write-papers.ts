// The worker side of writing an import's new papers (write-papers.worker.ts):
// the papers arrive from the reader as it sends them (items-wire.ts),
// and are kept by id until the window says which are new and under which
// citation keys; then they are written, unannounced, in one transaction
// (library/unfinished-import.ts), and the window told.
import type { StoredItem } from '../../library/row-read'
import { writeUnannounced } from '../../library/unfinished-import'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { WriterReceiver, type PapersForWriter } from './items-wire'

export type WriterRequest =
  /** `papers`: where the reader sends the papers (PapersForWriter), as it reads them */
  | { kind: 'open'; dbName: string; papers: MessagePort }
  /** write these papers (ids) with these citation keys, as batch `batch` */
  | { kind: 'write'; importId: string; batch: number; keys: [id: string, citationKey: string][] }

export type WriterReply = { kind: 'written'; batch: number } | { kind: 'failed'; batch: number; message: string }

/** What a writer does with each request; `reply` carries its answers to the window. */
export function paperWriter(reply: (message: WriterReply) => void): (request: WriterRequest) => Promise<void> {
  let db: NeurorefDb | undefined
  const papers = new Map<string, StoredItem>()
  // the window names papers it had from the reader; the writer's copy comes on another channel, and may come later
  // (to more than one batch waiting: the window hands the next batch over while the one before is written)
  let waiting: (() => void)[] = []
  const arrival = () => new Promise<void>(resolve => waiting.push(resolve))
  const arrived = () => {
    const woken = waiting
    waiting = []
    for (const wake of woken) wake()
  }
  return async request => {
    if (request.kind === 'open') {
      db = openLibrary(request.dbName)
      // the reader's messages come in the order sent: each numbers its values on from the ones before
      const receiver = new WriterReceiver()
      request.papers.onmessage = (event: MessageEvent<PapersForWriter>) => {
        for (const item of receiver.papers(event.data)) papers.set(item.id, item)
        arrived()
      }
    } else {
      try {
        while (!request.keys.every(([id]) => papers.has(id))) await arrival()
        const items = request.keys.map(([id, citationKey]) => {
          const item = papers.get(id)!
          papers.delete(id)
          return { ...item, citationKey }
        })
        if (!db) throw new Error('the writer was not told which library to write')
        await writeUnannounced(db, { importId: request.importId, number: request.batch, items })
        reply({ kind: 'written', batch: request.batch })
      } catch (error) {
        reply({ kind: 'failed', batch: request.batch, message: error instanceof Error ? error.message : String(error) })
      }
    }
  }
}
