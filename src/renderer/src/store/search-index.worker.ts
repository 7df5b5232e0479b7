// Brings the saved search index up to date (library/index-job.ts) away from
// the window: tokenising a large library takes tens of seconds. Answers with
// progress while rebuilding, then the index itself (its buffers transferred).
import { currentIndex } from '../library/index-job'
import { openLibrary } from '../library/schema'
import type { IndexJobReply, IndexJobRequest } from './index-jobs'

const post = (reply: IndexJobReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer)

self.onmessage = async (event: MessageEvent<IndexJobRequest>) => {
  const db = openLibrary(event.data.dbName)
  try {
    const result = await currentIndex(db, { onProgress: (done, total) => post({ kind: 'progress', done, total }) })
    const { years, postings, runs } = result.snapshot
    const buffers = new Set<ArrayBufferLike>([
      years.buffer,
      postings.offsets.buffer,
      postings.entries.buffer,
      runs.starts.buffer,
      runs.lengths.buffer,
      runs.words.buffer
    ])
    for (const page of runs.pages) buffers.add(page.buffer)
    post({ kind: 'done', result }, [...buffers] as ArrayBuffer[])
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  } finally {
    db.close()
  }
}
