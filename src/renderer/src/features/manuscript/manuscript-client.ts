// The window's side of the manuscript worker. Documents stay files here (a
// handle each); the worker opens, reviews and formats them with progress. A
// cancel stops the worker outright (citeproc cannot be interrupted) and the
// next call starts a new one, which opens the documents it needs again from
// their files.
import type { ExportItem } from '@shared/export/bibtex-fields'
import { styleSource } from '@shared/export/styles'
import type { FormatProgress, FormattedDocument, ManuscriptReview } from '@shared/manuscript/manuscript'
import { ManuscriptWork, type OpenedManuscript } from '@shared/manuscript/manuscript-work'
import type { DocumentReferences } from '@shared/manuscript/references'
import type { Choices } from '@shared/manuscript/resolve'
import { ServiceError } from '@shared/result'
import type { FromManuscriptWorker, ToManuscriptWorker } from './manuscript-messages'

export type { OpenedManuscript } from '@shared/manuscript/manuscript-work'

interface Waiting {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  onProgress?: (progress: FormatProgress) => void
}

let worker: Worker | undefined
/** the documents the current worker has opened */
let known = new Set<number>()
let nextId = 1
let nextKey = 1
const waiting = new Map<number, Waiting>()
const files = new Map<number, Blob & { name: string }>()

function stop(error: ServiceError): void {
  worker?.terminate()
  worker = undefined
  known = new Set()
  for (const call of waiting.values()) call.reject(error)
  waiting.clear()
}

function theWorker(): Worker {
  if (worker) return worker
  const started = new Worker(new URL('./manuscript.worker.ts', import.meta.url), { type: 'module', name: 'manuscript' })
  started.onmessage = (event: MessageEvent<FromManuscriptWorker>) => {
    const message = event.data
    const call = waiting.get(message.id)
    if (!call) return
    if (message.kind === 'progress') return call.onProgress?.(message.progress)
    waiting.delete(message.id)
    if (message.kind === 'done') call.resolve(message.value)
    else call.reject(new ServiceError(message.code, message.message))
  }
  started.onerror = event => {
    event.preventDefault()
    stop(new ServiceError('INTERNAL', `The manuscript could not be processed (${event.message || 'the formatter stopped unexpectedly'}).`))
  }
  worker = started
  return started
}

type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never

function ask<T>(message: Unnumbered<ToManuscriptWorker>, transfer: Transferable[] = [], onProgress?: (progress: FormatProgress) => void): Promise<T> {
  const id = nextId++
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress })
    theWorker().postMessage({ ...message, id }, transfer)
  })
}

/** Where there are no workers (unit tests in Node) the work is done on this thread. */
const here = typeof Worker === 'undefined' ? new ManuscriptWork() : undefined

/** Sends the document to a worker that has not seen it (a new one after a cancel). */
async function ensureOpen(key: number): Promise<void> {
  if (known.has(key)) return
  const file = files.get(key)
  if (!file) throw new ServiceError('INTERNAL', 'The document is no longer open: choose it again.')
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (here) here.open(key, bytes, file.name)
  else await ask({ kind: 'open', key, bytes, name: file.name }, [bytes.buffer])
  known.add(key)
}

/** Opens a .docx or .odt; a ServiceError's message says why one cannot be read. */
export async function openManuscriptFile(file: Blob & { name: string }): Promise<OpenedManuscript> {
  const key = nextKey++
  const bytes = new Uint8Array(await file.arrayBuffer())
  const opened = here ? here.open(key, bytes, file.name) : await ask<OpenedManuscript>({ kind: 'open', key, bytes, name: file.name }, [bytes.buffer])
  known.add(key)
  files.set(key, file)
  // the dialog's document and the one before it, as the worker keeps them
  for (const old of files.keys()) if (files.size > 2) files.delete(old)
  return opened
}

export async function reviewManuscriptFile(doc: OpenedManuscript, library: ExportItem[], choices?: Choices): Promise<ManuscriptReview> {
  await ensureOpen(doc.key)
  return here ? here.review(doc.key, library, choices) : ask({ kind: 'review', key: doc.key, library, choices })
}

export async function referencesOf(doc: OpenedManuscript): Promise<DocumentReferences> {
  await ensureOpen(doc.key)
  return here ? here.references(doc.key) : ask({ kind: 'references', key: doc.key })
}

/** Builds the style's engine in the worker while the researcher is still choosing and reviewing. */
export function warmManuscriptStyle(styleId: string, lang?: string): void {
  const style = styleSource(styleId, lang)
  if (here) return
  void ask({ kind: 'warm', style, lang }).catch(() => undefined)
}

export interface Formatting {
  done: Promise<FormattedDocument>
  /** stops the work: `done` rejects with CANCELLED and nothing is written */
  cancel(): void
}

export function formatManuscriptFile(
  doc: OpenedManuscript,
  library: ExportItem[],
  styleId: string,
  opts: { choices?: Choices; lang?: string },
  onProgress?: (progress: FormatProgress) => void
): Formatting {
  let cancelled = false
  const done = (async () => {
    const style = styleSource(styleId, opts.lang)
    await ensureOpen(doc.key)
    if (cancelled) throw cancelledError()
    if (here) return here.format(doc.key, library, style, opts, onProgress)
    return ask<FormattedDocument>({ kind: 'format', key: doc.key, library, style, opts }, [], onProgress)
  })()
  return {
    done,
    cancel() {
      cancelled = true
      if (!here) stop(cancelledError())
    }
  }
}

function cancelledError(): ServiceError {
  return new ServiceError('CANCELLED', 'Formatting stopped: nothing was written.')
}
