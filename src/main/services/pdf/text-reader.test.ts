// PDF text in a worker thread: real articles read as before, and a 1 MB PDF
// whose content stream inflates to 1 GB (issue 11 item 7: 16–60 s and 2.2 GB
// in main before) is skipped with a sentence while main's event loop keeps
// running and memory stays bounded.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ServiceError } from '@shared/result'
import { PASSWORD_NEEDED_MESSAGE, PdfPasswordError } from './extract-text'
import { pdfWithHugeStream } from './flate-bomb.test-support'
import { createPdfTextReader, type PdfTextReader } from './text-reader'
import { buildTextWorker } from './text-worker.test-support'

const PDF_DIR = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/pdf')
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(PDF_DIR, name)))

let workerFile: string
let reader: PdfTextReader
beforeAll(async () => {
  workerFile = await buildTextWorker()
  reader = createPdfTextReader({ workerFile, memoryCapMb: 256 })
}, 60_000)
afterAll(() => reader?.close())

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the read to fail')
    },
    (e: unknown) => e as ServiceError
  )

describe('PDF text in a worker thread', () => {
  it('reads a real article as before', async () => {
    const text = await reader.read(fixture('articles/hindawi_rrp_2010_157939.pdf'), { maxPages: 1 })
    expect(text.pageCount).toBe(6)
    expect(text.pages[0]).toContain('10.1155/2010/157939')
  })

  it('a 1 MB PDF with a 1 GB Flate stream is skipped with a sentence; the event loop runs on and memory stays bounded', async () => {
    const bomb = await pdfWithHugeStream(1024)
    expect(bomb.byteLength).toBeLessThan(1.2 * 1024 * 1024)
    const before = process.memoryUsage.rss()
    let peak = before
    let ticks = 0
    let longestGap = 0
    let last = performance.now()
    const beat = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
      ticks++
      peak = Math.max(peak, process.memoryUsage.rss())
    }, 10)
    const error = await errorOf(reader.read(bomb))
    clearInterval(beat)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe(
      'Neuroref skipped the text of this PDF: reading it needs more than 256 MB of memory (it may hold a hugely compressed stream). The file itself is kept.'
    )
    console.log(`flate bomb: main's longest event-loop gap ${Math.round(longestGap)} ms over ${ticks} ticks, RSS +${Math.round((peak - before) / 2 ** 20)} MB`)
    expect(ticks).toBeGreaterThan(5) // main's timers kept firing while the worker read
    expect(peak - before).toBeLessThan(1024 * 1024 * 1024) // 2.2 GB when read in main
    // The reader starts a fresh worker for the next PDF.
    expect((await reader.read(fixture('articles/hindawi_rrp_2010_157939.pdf'), { maxPages: 1 })).pageCount).toBe(6)
  }, 120_000)

  it('a PDF that takes too long is stopped and skipped with a sentence', async () => {
    const slow = createPdfTextReader({ workerFile, timeoutMs: 1 })
    const error = await errorOf(slow.read(fixture('articles/wiley_spe_2022_10.1002_spe.3169.pdf')))
    await slow.close()
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toBe('Neuroref skipped the text of this PDF: reading it took longer than 1 ms. It may be damaged; the file itself is kept.')
  })

  it('password and damage errors cross from the worker unchanged', async () => {
    const locked = await errorOf(reader.read(fixture('broken/jabref_encrypted_660B.pdf')))
    expect(locked).toBeInstanceOf(PdfPasswordError)
    expect(locked.message).toBe(PASSWORD_NEEDED_MESSAGE)
    const notPdf = await errorOf(reader.read(new TextEncoder().encode('hello, not a PDF')))
    expect(notPdf.message).toBe('This file is not a PDF.')
  })
})
