// The worker thread that reads a PDF's text (built as out/main/pdf-text-worker.js).
// pdf.js holds decoded streams in typed arrays, outside the JS heap that
// resourceLimits caps, so the worker also watches its own typed-array memory
// and stops itself (exit code TOO_MUCH_MEMORY) before one PDF can take the
// machine's memory.
import { parentPort, workerData } from 'node:worker_threads'
import { ServiceError } from '@shared/result'
import { extractPdfText, PdfPasswordError, type ExtractOptions } from './extract-text'
import { TOO_MUCH_MEMORY, type TextJob, type TextReply } from './text-worker-protocol'

const { memoryCapBytes } = workerData as { memoryCapBytes: number }

setInterval(() => {
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  if (heapUsed + arrayBuffers > memoryCapBytes) process.exit(TOO_MUCH_MEMORY)
}, 20).unref()

parentPort?.on('message', async ({ id, bytes, options }: TextJob) => {
  let reply: TextReply
  try {
    reply = { id, ok: true, text: await extractPdfText(bytes, options as ExtractOptions) }
  } catch (error) {
    const known = error instanceof ServiceError ? error : new ServiceError('INTERNAL', String(error))
    reply = {
      id,
      ok: false,
      code: known.code,
      message: known.message,
      passwordWasWrong: error instanceof PdfPasswordError ? error.passwordWasWrong : undefined
    }
  }
  parentPort?.postMessage(reply)
})
