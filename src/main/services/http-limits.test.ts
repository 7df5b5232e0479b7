// Byte caps on every HTTP body (issue 11 item 6): a "Find available PDF" link
// that streams 2 GB drove main to 6.2 GB RSS before; now the download stops
// at the cap with a sentence, and so does a text (JSON/XML) answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ServiceError } from '@shared/result'
import { createHttpClient, MAX_DOWNLOAD_BYTES, MAX_TEXT_BYTES } from './http'
import { startEndlessServer, type EndlessServer } from './endless-server.test-support'

const GB2 = 2 * 1024 ** 3
const MB = 1024 ** 2

let server: EndlessServer
beforeAll(async () => (server = await startEndlessServer()))
afterAll(() => server.close())

const client = () => createHttpClient({ retries: 2, sleep: async () => undefined, timeoutMs: 120_000 })
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the request to fail')
    },
    (e: unknown) => e as ServiceError
  )
const host = () => new URL(server.url).host

describe('byte caps on HTTP bodies', () => {
  it('a 2 GB download without a Content-Length stops at 200 MB with a sentence, and memory stays bounded', async () => {
    const sentBefore = server.sent()
    const rssBefore = process.memoryUsage.rss()
    let peak = rssBefore
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20)
    const error = await failure(client().getBytes({ url: `${server.url}/stream?bytes=${GB2}` }))
    clearInterval(watch)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.message).toBe(`The file at ${host()} is larger than the 200 MB limit; Neuroref stopped the download.`)
    // One attempt only (a too-large answer is not retried), stopped soon after the cap.
    expect(server.sent() - sentBefore).toBeLessThan(MAX_DOWNLOAD_BYTES + 64 * MB)
    console.log(`2 GB stream: stopped after ${Math.round((server.sent() - sentBefore) / MB)} MB sent, RSS +${Math.round((peak - rssBefore) / MB)} MB`)
    expect(peak - rssBefore).toBeLessThan(700 * MB) // 6.2 GB before
  }, 120_000)

  it('a declared Content-Length over the cap is refused before the body is read', async () => {
    const sentBefore = server.sent()
    const error = await failure(client().getBytes({ url: `${server.url}/stream?bytes=${GB2}&length=1` }))
    expect(error.message).toBe(`The file at ${host()} is larger than the 200 MB limit; Neuroref stopped the download.`)
    expect(server.sent() - sentBefore).toBeLessThan(64 * MB)
  })

  it('a JSON or XML answer stops at 50 MB', async () => {
    const url = `${server.url}/stream?bytes=${GB2}&type=application/json`
    const error = await failure(client().getJson({ url }))
    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.message).toBe(`${host()} sent an answer larger than 50 MB; Neuroref stopped reading it. Please try a smaller request.`)
    expect(MAX_TEXT_BYTES).toBe(50 * MB)
    await expect(client().getText({ url: `${server.url}/stream?bytes=${60 * MB}&type=text/xml` })).rejects.toThrow(/larger than 50 MB/)
  }, 60_000)

  it('a body within the cap arrives whole, and a request may set its own cap', async () => {
    expect((await client().getBytes({ url: `${server.url}/stream?bytes=${3 * MB}` })).bytes.byteLength).toBe(3 * MB)
    expect((await client().getText({ url: `${server.url}/stream?bytes=1000&type=text/plain` })).length).toBe(1000)
    await expect(client().getBytes({ url: `${server.url}/stream?bytes=${2 * MB}`, maxBytes: MB })).rejects.toThrow(/larger than the 1 MB limit/)
  })
})
