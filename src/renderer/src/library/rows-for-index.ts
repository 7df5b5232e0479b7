// The rows read at a first open (no usable saved light form: after a migration, or a crash that left the forms
// stale), handed by the rows worker (store/light-rows.ts) to the index job (index-job.ts) as it reads them. The job
// read every row again after the rows worker had, and built the index only then: at 100,000 papers the index came
// into use 20 s after the last paper was in. What crosses is what the rows worker makes for the window anyway — the
// light copies packed as a part of the form is (light-packing.ts), the abstracts as UTF-8 bytes (abstract-bytes.ts) —
// copied by the message, a chunk of rows at a time, over a MessageChannel between the two workers; the job takes
// each chunk as it comes, so only what it has not indexed yet waits in memory.
import type { Item } from '@shared/model'
import { abstractIn, type AbstractsOnTheWay } from './abstract-bytes'
import { SharedValues, unpackPapers, type PackedPapers } from './light-packing'

export type RowsForIndex =
  /** every row is read, from the change log's `seq` read before them */
  | { kind: 'every row'; seq: number; total: number }
  | { kind: 'papers'; papers: PackedPapers; abstracts: AbstractsOnTheWay }
  | { kind: 'end' }
  /** the saved light form is read, not every row: a job that must rebuild the index reads the rows itself */
  | { kind: 'not read' }
  | { kind: 'failed'; message: string }

/** In the rows reader: what it reads, sent on to the index job once it reads every row. */
export class RowsToIndex {
  private state: 'waiting' | 'sending' | 'told' = 'waiting'

  constructor(private readonly port?: MessagePort) {}

  /** whether the papers read go on to the index job: the job then waits for them (never for a reader that sends none) */
  get sending(): boolean {
    return this.state === 'sending' && this.port !== undefined
  }

  everyRow(seq: number, total: number): void {
    if (this.state === 'waiting') this.post({ kind: 'every row', seq, total }, 'sending')
  }

  /** The papers of a chunk of rows as they go to the window (its buffers are copied by this message: the window's are transferred). */
  papers(papers: PackedPapers, abstracts: AbstractsOnTheWay): void {
    if (this.state === 'sending') this.port?.postMessage({ kind: 'papers', papers, abstracts } satisfies RowsForIndex)
  }

  /** The saved form is read: the job need not wait for rows. */
  fromForm(): void {
    if (this.state === 'waiting') this.post({ kind: 'not read' }, 'told')
  }

  end(): void {
    if (this.state !== 'told') this.post(this.state === 'sending' ? { kind: 'end' } : { kind: 'not read' }, 'told')
  }

  failed(message: string): void {
    if (this.state !== 'told') this.post({ kind: 'failed', message }, 'told')
  }

  private post(message: RowsForIndex, next: RowsToIndex['state']): void {
    this.state = next
    this.port?.postMessage(message)
  }
}

/** Every row as the rows worker read it, a chunk at a time, from the change log's `seq` read before them. */
export interface RowsFromReader {
  seq: number
  total: number
  chunks: AsyncGenerator<Item[]>
}

/** In the index job: the rows the reader sends (`take`), or none wanted (`drop`: the saved index is sound). */
export interface RowsOnOffer {
  take(): Promise<RowsFromReader | null>
  drop(): void
}

/**
 * What the window hands the index job at a first open: the channel's end the reader sends on, and word that the
 * reader stopped (the window sees its worker fail or die: a worker killed, out of memory, says nothing on the channel).
 */
export interface RowsChannel {
  port: MessagePort
  readerStopped: AbortSignal
}

/** The reader failed, died or stopped part of the way: the job reads the rows itself (what came is dropped). */
export class ReaderStopped extends Error {}

/**
 * The rows the reader sends on `port`, or null when it reads the saved form instead (or failed before it read a
 * row). A paper is its light copy with its abstract: all that search reads of a row (SearchableItem) and all the
 * light form keeps (item-basics.ts), so the index and form are those every row gives. The chunks throw
 * ReaderStopped if the reader fails or stops before its last row.
 */
export function rowsFrom({ port, readerStopped }: RowsChannel): RowsOnOffer {
  const waiting: RowsForIndex[] = []
  let wake: (() => void) | undefined
  const arrive = (message: RowsForIndex) => {
    waiting.push(message)
    wake?.()
  }
  const next = async (): Promise<RowsForIndex> => {
    while (waiting.length === 0) await new Promise<void>(resolve => (wake = resolve))
    return waiting.shift()!
  }
  let asked: Promise<RowsFromReader | null> | undefined
  const ask = async (): Promise<RowsFromReader | null> => {
    port.addEventListener('message', (event: MessageEvent<RowsForIndex>) => arrive(event.data))
    port.start()
    // after what it sent, whichever came first: a reader that stopped once its last row was sent stopped too late to matter
    const stopped = () => arrive({ kind: 'failed', message: 'the rows reader stopped' })
    if (readerStopped.aborted) stopped()
    else readerStopped.addEventListener('abort', stopped, { once: true })
    const first = await next()
    if (first.kind !== 'every row') return null
    const chunks = async function* (): AsyncGenerator<Item[]> {
      // one copy of each journal, author… across chunks, as the window keeps
      const values = new SharedValues()
      for (let message = await next(); message.kind !== 'end'; message = await next()) {
        if (message.kind !== 'papers') throw new ReaderStopped(message.kind === 'failed' ? message.message : 'the rows reader stopped')
        const { papers, abstracts } = message
        yield unpackPapers(papers, values).papers.map((paper, i) => {
          const abstract = abstractIn(abstracts, i)
          // read by search as the row's abstract; the light form leaves it out again
          return (abstract === undefined ? paper : { ...paper, csl: { ...paper.csl, abstract } }) as unknown as Item
        })
      }
    }
    return { seq: first.seq, total: first.total, chunks: chunks() }
  }
  // dropped, what the reader sends is not kept waiting in the job's worker
  return { take: () => (asked ??= ask()), drop: () => port.close() }
}
