// Reads PDF text in a worker thread, one PDF at a time, so that a hostile or
// broken PDF can neither block main's event loop nor take the machine's memory:
// the worker has a memory cap (its JS heap through resourceLimits, its typed
// arrays through its own watch, text-worker.ts) and a time limit, after which
// it is stopped and the PDF is skipped with a sentence.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { ServiceError } from '@shared/result'
import { extractPdfText, PdfPasswordError, type ExtractOptions } from './extract-text'
import type { ExtractedText } from '@shared/contract'
import { TOO_MUCH_MEMORY, type TextReply } from './text-worker-protocol'

export interface PdfTextReaderOptions {
  /** The built worker; by default pdf-text-worker.js beside the main bundle (electron.vite.config.ts). */
  workerFile?: string
  /** Memory one PDF may use while it is read; 512 MB by default. */
  memoryCapMb?: number
  /** Time one PDF may take; 60 s by default. */
  timeoutMs?: number
  /** The worker is stopped after this long without work, freeing its memory; 30 s by default. */
  idleMs?: number
}

export interface PdfTextReader {
  read(bytes: Uint8Array, options?: Omit<ExtractOptions, 'timeoutMs'>): Promise<ExtractedText>
  close(): Promise<void>
}

export function createPdfTextReader(opts: PdfTextReaderOptions = {}): PdfTextReader {
  const workerFile = opts.workerFile ?? builtWorker()
  // Unit tests run main from its TypeScript sources, where no worker is built: there
  // (and only there) PDFs are read on the calling thread. text-reader.test.ts builds the worker.
  if (!workerFile) return { read: (bytes, options) => extractPdfText(bytes, { ...options, timeoutMs: opts.timeoutMs }), close: async () => undefined }
  const memoryCapMb = opts.memoryCapMb ?? 512
  const timeoutMs = opts.timeoutMs ?? 60_000
  const idleMs = opts.idleMs ?? 30_000
  let worker: Worker | undefined
  let idleTimer: NodeJS.Timeout | undefined
  let nextId = 1
  let queue: Promise<unknown> = Promise.resolve()
  const file: string = workerFile

  function start(): Worker {
    const started = new Worker(file, {
      workerData: { memoryCapBytes: memoryCapMb * 1024 * 1024 },
      resourceLimits: { maxOldGenerationSizeMb: memoryCapMb, maxYoungGenerationSizeMb: 32 }
    })
    started.once('exit', () => {
      if (worker === started) worker = undefined
    })
    return started
  }

  function stop(): Promise<void> {
    clearTimeout(idleTimer)
    const stopping = worker
    worker = undefined
    return stopping ? stopping.terminate().then(() => undefined) : Promise.resolve()
  }

  function readOne(bytes: Uint8Array, options: Omit<ExtractOptions, 'timeoutMs'>): Promise<ExtractedText> {
    clearTimeout(idleTimer)
    const current = (worker ??= start())
    current.ref()
    const id = nextId++
    return new Promise<ExtractedText>((resolve, reject) => {
      let settled = false
      const finish = (outcome: () => void): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        current.off('message', onMessage).off('error', onError).off('exit', onExit)
        outcome()
      }
      const timer = setTimeout(() => {
        finish(() => reject(new ServiceError('TIMEOUT', tookTooLong(timeoutMs))))
        void stop()
      }, timeoutMs)
      const onMessage = (reply: TextReply): void => {
        if (reply.id !== id) return
        finish(() => (reply.ok ? resolve(reply.text) : reject(errorOf(reply))))
      }
      const onError = (error: Error & { code?: string }): void =>
        finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig(memoryCapMb) : readerFailed(error)))
      const onExit = (code: number): void => finish(() => reject(code === TOO_MUCH_MEMORY ? tooBig(memoryCapMb) : readerFailed(`exit code ${code}`)))
      current.on('message', onMessage).on('error', onError).on('exit', onExit)
      // The bytes are handed over, not copied, when they own their whole buffer.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
      current.postMessage({ id, bytes: own, options }, [own.buffer as ArrayBuffer])
    }).finally(() => {
      if (worker !== current) return
      current.unref()
      idleTimer = setTimeout(() => void stop(), idleMs)
      idleTimer.unref()
    })
  }

  return {
    // One PDF at a time: a batch of dropped PDFs never runs several pdf.js at once.
    read: (bytes, options = {}) => {
      const run = queue.then(() => readOne(bytes, options))
      queue = run.catch(() => undefined)
      return run
    },
    close: () => queue.then(stop)
  }
}

/** out/main/pdf-text-worker.js, seen from out/main or from a shared chunk in out/main/chunks; undefined only when running from sources. */
function builtWorker(): string | undefined {
  const candidates = [join(__dirname, 'pdf-text-worker.js'), join(__dirname, '..', 'pdf-text-worker.js')]
  const found = candidates.find(file => existsSync(file))
  return found ?? (__filename.endsWith('.ts') ? undefined : candidates[0])
}

function tooBig(memoryCapMb: number): ServiceError {
  return new ServiceError(
    'INVALID_INPUT',
    `Neuroref skipped the text of this PDF: reading it needs more than ${memoryCapMb} MB of memory (it may hold a hugely compressed stream). The file itself is kept.`
  )
}

function tookTooLong(ms: number): string {
  const limit = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} seconds`
  return `Neuroref skipped the text of this PDF: reading it took longer than ${limit}. It may be damaged; the file itself is kept.`
}

function readerFailed(detail: unknown): ServiceError {
  return new ServiceError('INTERNAL', `The PDF reader stopped unexpectedly (${detail instanceof Error ? detail.message : String(detail)}).`)
}

function errorOf(reply: Extract<TextReply, { ok: false }>): ServiceError {
  if (reply.code === 'PASSWORD_REQUIRED') return new PdfPasswordError(!!reply.passwordWasWrong)
  return new ServiceError(reply.code, reply.message)
}
