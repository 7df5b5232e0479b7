// The parse step of "Import file", the same in the worker and (where no
// worker can start) in the window: bytes → records and problems, or the
// sentence that says why nothing can be imported. The records are handed on as
// they are read, as items ready to store, a hundred at a time, so the first are
// written while the rest of the file is read: of each, what the window keeps
// (papers-for-window.ts), and that again with what the rows need besides to the
// worker that writes them (items-wire.ts); whole to the window where it writes
// them itself.
import { readBibliographyFile, type ImportResult, type RecordSink } from '@shared/import'
import type { Item } from '@shared/model'
import { ServiceError } from '@shared/result'
import { toItem } from '../../library/add-paper'
import { loadPeptideTagger } from '../../library/peptide-tagger'
import { itemsToWire, WriterSender, writerTransfer } from './items-wire'
import { PapersSender, papersTransfer, type PapersOnTheWay } from './papers-for-window'

export interface ReadRequest {
  name: string
  /**
   * The file's bytes, or the file chosen or dropped, read here: reading a file's bytes into the window was its thread's
   * work, not JavaScript, in long tasks (4–6 of 70–240 ms for a 30 MB .nbib) before the reader had a byte.
   */
  bytes: Uint8Array | Blob
  encoding?: string
  /** where the papers also go, as they are read: the worker that writes them (the window does not copy them on) */
  writer?: MessagePort
}

export type ReadOutcome = { ok: true; result: ImportResult } | { ok: false; sentence: string }

/**
 * What the reader sends: how many papers the file holds, the papers a hundred at a time as they are read — as the
 * window keeps them (`papers`) where a writer has them whole, else whole (`items`, JSON) —, then how the read went
 * (its records already sent).
 */
export type ReaderMessage =
  { kind: 'read'; total: number } | { kind: 'items'; json: string } | ({ kind: 'papers' } & PapersOnTheWay) | { kind: 'done'; outcome: ReadOutcome }

/** Sends a message, handing over `transfer` (the papers' bytes) rather than copying it. */
export type SendToWindow = (message: ReaderMessage, transfer?: Transferable[]) => void

/**
 * Papers per message: the window takes each message in one task, and
 * 10,000 papers in one message kept it busy for most of a second.
 */
const SEND_CHUNK = 100

function readFileInWords({ name, encoding }: ReadRequest, bytes: Uint8Array, sink?: RecordSink): ReadOutcome {
  try {
    return { ok: true, result: readBibliographyFile(bytes, name, { encoding, sink }) }
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, sentence: error.message }
    if (error instanceof RangeError) return { ok: false, sentence: `${name} is nested too deeply or is too large to be read.` }
    return { ok: false, sentence: `${name} could not be read (${error instanceof Error ? error.message : String(error)}).` }
  }
}

/** Reads the file and sends what it holds as it is read: the papers as items (index fields and peptide tags worked out here). */
export async function readAndSend(request: ReadRequest, send: SendToWindow): Promise<void> {
  let bytes: Uint8Array
  try {
    bytes = request.bytes instanceof Uint8Array ? request.bytes : new Uint8Array(await request.bytes.arrayBuffer())
  } catch (error) {
    return send({
      kind: 'done',
      outcome: { ok: false, sentence: `${request.name} could not be read (${error instanceof Error ? error.message : String(error)}).` }
    })
  }
  try {
    await loadPeptideTagger()
  } catch (error) {
    return send({ kind: 'done', outcome: { ok: false, sentence: error instanceof Error ? error.message : String(error) } })
  }
  const now = Date.now()
  let chunk: Item[] = []
  const papers = new PapersSender()
  const forWriter = new WriterSender()
  const sendChunk = () => {
    if (!chunk.length) return
    if (request.writer) {
      const message = { kind: 'papers', ...papers.onTheWay(chunk) } as const
      // before the window's message hands its bytes over: the writer's are a copy of them
      const whole = forWriter.forWriter(chunk, message)
      request.writer.postMessage(whole, writerTransfer(whole))
      send(message, papersTransfer(message))
    } else send({ kind: 'items', json: itemsToWire(chunk) })
    chunk = []
  }
  const outcome = readFileInWords(request, bytes, {
    total: total => send({ kind: 'read', total }),
    record(record) {
      chunk.push(toItem(record, now))
      if (chunk.length === SEND_CHUNK) sendChunk()
    }
  })
  sendChunk()
  send({ kind: 'done', outcome })
}
