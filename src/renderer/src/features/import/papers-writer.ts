// The window's side of the worker that writes an import's new papers
// (write-papers.worker.ts): the reader sends it the papers too, on a channel
// of their own (passing on 100,000 papers' JSON took the window 3 s), and each batch is one small
// message of ids and citation keys, answered once its write has committed
// (unannounced: the window announces the import when all are written).
import type { BatchWriter } from '../../library/import-file'
import type { WriterReply, WriterRequest } from './write-papers'

export class PapersWriter {
  private readonly worker = new Worker(new URL('./write-papers.worker.ts', import.meta.url), { type: 'module', name: 'write imported papers' })
  private readonly waiting = new Map<number, { resolve(): void; reject(error: Error): void }>()
  private broken: Error | undefined

  /** the reader's end of the channel the papers come by: handed to the reader with the file */
  readonly papers: MessagePort

  constructor(dbName: string) {
    const channel = new MessageChannel()
    this.papers = channel.port1
    this.worker.onmessage = (event: MessageEvent<WriterReply>) => {
      const reply = event.data
      const waiting = this.waiting.get(reply.batch)
      this.waiting.delete(reply.batch)
      if (reply.kind === 'written') waiting?.resolve()
      else waiting?.reject(new Error(reply.message))
    }
    // the writer could not start or crashed: every batch waiting fails, and any after it
    this.worker.onerror = event => {
      event.preventDefault()
      this.broken = new Error(event.message || 'the writer stopped unexpectedly')
      for (const { reject } of this.waiting.values()) reject(this.broken)
      this.waiting.clear()
    }
    this.worker.postMessage({ kind: 'open', dbName, papers: channel.port2 } satisfies WriterRequest, [channel.port2])
  }

  write: BatchWriter = ({ importId, number, keys }) =>
    new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken)
      this.waiting.set(number, { resolve, reject })
      const request: WriterRequest = { kind: 'write', importId, batch: number, keys }
      this.worker.postMessage(request)
    })

  stop(): void {
    this.worker.terminate()
    this.papers.close()
  }
}
