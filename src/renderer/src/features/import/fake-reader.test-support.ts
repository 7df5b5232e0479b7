// Stand-ins for the import's workers in Node (which has no Web Workers): the reader reads the file with the worker's
// own code and sends the same messages, or fails as told; the writer writes with the writer's own code.
import { afterEach, beforeEach, vi } from 'vitest'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { readAndSend, type ReaderMessage, type ReadRequest } from './read-file'
import { paperWriter, type WriterReply, type WriterRequest } from './write-papers'

type Behaviour = 'reads' | 'crashes' | 'crashes midway' | 'never answers'

export class FakeReader {
  static started: FakeReader[] = []
  /** how the next workers started will behave (then 'reads') */
  static next: Behaviour[] = []
  readonly behaviour = FakeReader.next.shift() ?? 'reads'
  terminated = false
  readFiles: string[] = []
  onmessage: ((event: { data: unknown }) => void) | null = null
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null

  constructor() {
    FakeReader.started.push(this)
  }

  postMessage(request: ReadRequest): void {
    if (this.terminated) throw new Error('a stopped worker was handed a file')
    this.readFiles.push(request.name)
    setTimeout(async () => {
      if (this.terminated || this.behaviour === 'never answers') return
      if (this.behaviour === 'crashes') return this.fail('out of memory')
      const messages: ReaderMessage[] = []
      await readAndSend(request, message => messages.push(message))
      // 'crashes midway': the first half of the papers sent, then the worker stops
      const sent = this.behaviour === 'crashes midway' ? messages.slice(0, Math.ceil(messages.length / 2)) : messages
      for (const message of sent) {
        // a turn between messages, as between a worker's messages
        await new Promise(resolve => setTimeout(resolve, 0))
        if (!this.terminated) this.onmessage?.({ data: message })
      }
      if (sent !== messages) this.fail('out of memory')
    })
  }

  /** The worker's script stops with an error (as a crash or a script that does not load reports it). */
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined })
  }

  terminate(): void {
    this.terminated = true
  }
}

/** Stands in for the worker that writes an import's papers: the worker's own code, on the same (fake) IndexedDB. */
export class FakeWriter {
  static started: FakeWriter[] = []
  onmessage: ((event: { data: WriterReply }) => void) | null = null
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null
  terminated = false
  /** batches written */
  written = 0
  private readonly handle = paperWriter(reply => {
    if (reply.kind === 'written') this.written++
    setTimeout(() => !this.terminated && this.onmessage?.({ data: reply }))
  })
  private queue = Promise.resolve()

  constructor() {
    FakeWriter.started.push(this)
  }

  postMessage(request: WriterRequest): void {
    // one request after another, as a worker takes its messages
    this.queue = this.queue.then(() => this.handle(request))
  }

  terminate(): void {
    this.terminated = true
  }
}

/** `Worker` for tests: the reader or the writer, by the name the app gives each. */
class FakeWorkers {
  constructor(_url: URL, options: { name?: string }) {
    return options.name === 'write imported papers' ? new FakeWriter() : new FakeReader()
  }
}

/**
 * Each test of the file gets fresh stand-in workers (the import modules loaded again, so none is kept from a test
 * before) and a library of its own, named after `name`, handed to `opened`; deleted after the test.
 */
export function withStandInWorkers(name: string, opened: (db: NeurorefDb) => void): void {
  let db: NeurorefDb
  beforeEach(() => {
    vi.resetModules()
    FakeReader.started = []
    FakeReader.next = []
    FakeWriter.started = []
    vi.stubGlobal('Worker', FakeWorkers)
    db = openLibrary(`${name}-${Math.random()}`)
    opened(db)
  })
  afterEach(async () => {
    vi.unstubAllGlobals()
    await db.delete()
  })
}
