// "Find available PDF" against the replay server (e2e/replay/server.ts).
// There is no recorded Unpaywall answer in e2e/fixtures, so the Unpaywall
// replies below are minimal objects written here by hand in Unpaywall's
// documented shape (https://unpaywall.org/data-format: doi, is_oa,
// best_oa_location.url_for_pdf). The PDFs served as downloads are the real
// articles of e2e/fixtures/pdf/articles/ (see SOURCES.md there).
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startReplayServer, type ReplayServer } from '../../../../e2e/replay/server'
import { ServiceError } from '@shared/result'
import { createAttachmentStore, type AttachmentStore } from '../attachments/store'
import { createHttpClient } from '../http'
import { findFreePdf, LANDING_PAGE_MESSAGE, type FindFreePdfDeps } from './find-free-pdf'

const FIXTURES = path.resolve(import.meta.dirname, '../../../../e2e/fixtures')
const HINDAWI_FILE = 'pdf/articles/hindawi_rrp_2010_157939.pdf'
const HINDAWI_DOI = '10.1155/2010/157939'
const HINDAWI_SHA = createHash('sha256')
  .update(readFileSync(path.join(FIXTURES, HINDAWI_FILE)))
  .digest('hex')

/** Unpaywall's DOI object, reduced to the fields Neuroref reads. */
const unpaywallAnswer = (doi: string, pdfUrl: string | null) =>
  JSON.stringify({ doi, is_oa: pdfUrl !== null, best_oa_location: pdfUrl ? { url: pdfUrl, url_for_pdf: pdfUrl, host_type: 'publisher' } : null })

let replay: ReplayServer
let dataDir: string
let store: AttachmentStore

beforeAll(async () => {
  replay = await startReplayServer([])
})
afterAll(() => replay.close())
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'neuroref-free-pdf-'))
  store = createAttachmentStore({ dataDir })
})
afterEach(() => {
  replay.setRoutes([])
  replay.requests.length = 0
  rmSync(dataDir, { recursive: true, force: true })
})

const deps = (extra: Partial<FindFreePdfDeps> = {}): FindFreePdfDeps => ({
  http: createHttpClient({ retries: 0 }),
  store,
  unpaywallUrl: `${replay.url}/unpaywall/`,
  pmcPdfUrl: `${replay.url}/pmc/articles/`,
  email: 'lab@example.org',
  ...extra
})

async function errorOf(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ServiceError)
  return error as ServiceError
}

describe('find a free PDF', () => {
  it('asks Unpaywall with the contact email, downloads url_for_pdf and stores the real PDF', async () => {
    replay.setRoutes([
      { method: 'GET', path: `/unpaywall/${HINDAWI_DOI}`, body: unpaywallAnswer(HINDAWI_DOI, `${replay.url}/oa/157939.pdf`), contentType: 'application/json' },
      { method: 'GET', path: '/oa/157939.pdf', file: HINDAWI_FILE }
    ])
    const found = await findFreePdf({ doi: HINDAWI_DOI }, deps())
    expect(found).toMatchObject({ hash: HINDAWI_SHA, size: 493_322, source: 'Unpaywall', fileName: '10.1155_2010_157939.pdf', existed: false })
    expect(replay.requests[0].query.email).toBe('lab@example.org')
    expect(Buffer.from(await store.read(found.hash)).equals(readFileSync(path.join(FIXTURES, HINDAWI_FILE)))).toBe(true)
  })

  it('falls back to PubMed Central by PMCID when Unpaywall knows no free copy', async () => {
    replay.setRoutes([
      { method: 'GET', path: `/unpaywall/${HINDAWI_DOI}`, body: unpaywallAnswer(HINDAWI_DOI, null), contentType: 'application/json' },
      { method: 'GET', path: '/pmc/articles/PMC2923456/pdf/', file: HINDAWI_FILE }
    ])
    const found = await findFreePdf({ doi: HINDAWI_DOI, pmcid: 'pmc2923456' }, deps())
    expect(found).toMatchObject({ hash: HINDAWI_SHA, source: 'PubMed Central', fileName: 'PMC2923456.pdf' })
  })

  it('says so when the publisher answers with a landing page, and stores nothing', async () => {
    replay.setRoutes([
      { method: 'GET', path: `/unpaywall/${HINDAWI_DOI}`, body: unpaywallAnswer(HINDAWI_DOI, `${replay.url}/landing/157939`), contentType: 'application/json' },
      {
        method: 'GET',
        path: '/landing/157939',
        body: '<!DOCTYPE html><html><head><title>Article</title></head><body>Download PDF</body></html>',
        contentType: 'text/html; charset=utf-8'
      }
    ])
    const error = await errorOf(findFreePdf({ doi: HINDAWI_DOI }, deps()))
    expect(error.message).toBe(LANDING_PAGE_MESSAGE)
    expect(await store.sweep(new Set())).toBe(0)
  })

  it('refuses a download that is neither PDF nor HTML', async () => {
    replay.setRoutes([{ method: 'GET', path: '/pmc/articles/PMC1/pdf/', body: 'not a pdf at all', contentType: 'application/octet-stream' }])
    expect((await errorOf(findFreePdf({ pmcid: 'PMC1' }, deps()))).message).toBe('PubMed Central sent a file that is not a PDF.')
  })

  it('explains an unknown DOI, a DOI with no free copy and a missing contact email', async () => {
    expect((await errorOf(findFreePdf({ doi: '10.9999/none' }, deps()))).message).toBe('Unpaywall does not know the DOI 10.9999/none.')
    replay.setRoutes([{ method: 'GET', path: '/unpaywall/10.1/closed', body: unpaywallAnswer('10.1/closed', null), contentType: 'application/json' }])
    expect((await errorOf(findFreePdf({ doi: '10.1/closed' }, deps()))).message).toBe('Unpaywall knows no free PDF of 10.1/closed.')
    expect((await errorOf(findFreePdf({ doi: '10.1/closed' }, deps({ email: undefined })))).message).toMatch(/contact email/)
    expect((await errorOf(findFreePdf({}, deps()))).code).toBe('INVALID_INPUT')
  })
})
