// getBytes: downloads (PDFs) come back byte for byte, with the same errors
// and retries as text answers. Real client, real replay server, a real PDF
// from e2e/fixtures/pdf/articles/ (see SOURCES.md there).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReplayServer, type ReplayServer } from '../../../e2e/replay/server'
import { ServiceError } from '@shared/result'
import { createHttpClient } from './http'

const FIXTURES = path.resolve(import.meta.dirname, '../../../e2e/fixtures')
const PDF = 'pdf/articles/cambridge_intpsychogeriatr_2014_S1041610213001804.pdf'

let server: ReplayServer
beforeAll(async () => {
  server = await startReplayServer([
    { method: 'GET', path: '/paper.pdf', file: PDF },
    { method: 'GET', path: '/busy.pdf', status: 503, body: 'busy', times: 1 },
    { method: 'GET', path: '/busy.pdf', file: PDF },
    { method: 'GET', path: '/cut.pdf', file: PDF, fault: 'truncate' }
  ])
})
afterAll(() => server.close())

const client = () => createHttpClient({ retries: 1, sleep: async () => undefined })

describe('getBytes', () => {
  it('returns the body byte for byte with its content type', async () => {
    const got = await client().getBytes({ url: `${server.url}/paper.pdf` })
    expect(Buffer.from(got.bytes).equals(readFileSync(path.join(FIXTURES, PDF)))).toBe(true)
    expect(got.contentType).toBe('application/pdf')
    expect(got.url).toBe(`${server.url}/paper.pdf`)
  })

  it('retries a busy server and reports a missing file as NOT_FOUND', async () => {
    expect((await client().getBytes({ url: `${server.url}/busy.pdf` })).bytes.byteLength).toBe(194_431)
    const error = await client()
      .getBytes({ url: `${server.url}/none.pdf` })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).code).toBe('NOT_FOUND')
  })

  it('says a cut-off download is incomplete', async () => {
    const error = await client()
      .getBytes({ url: `${server.url}/cut.pdf` })
      .catch((e: unknown) => e)
    expect((error as ServiceError).code).toBe('BAD_RESPONSE')
    expect((error as ServiceError).message).toMatch(/incomplete or unreadable/)
  })
})
