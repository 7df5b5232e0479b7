// The real client against the real replay server (e2e/replay/server.ts),
// serving recorded Crossref and NCBI answers from e2e/fixtures/.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from 'node:net'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { startReplayServer, type ReplayServer } from '../../../e2e/replay/server'
import { ServiceError } from '@shared/result'
import { createHttpClient, hostOf, neurorefUserAgent, type HttpClientOptions } from './http'

const FIXTURES = path.resolve(import.meta.dirname, '../../../e2e/fixtures')
const WORK = 'crossref/works/habanero_works_10.1371_journal.pone.0033693.json'
const WORK_PATH = '/works/10.1371/journal.pone.0033693'
const UA = neurorefUserAgent('0.1.0', 'lab@example.org')

let server: ReplayServer
let host: string
let slept: number[]

beforeAll(async () => {
  server = await startReplayServer([])
  host = hostOf(server.url)
})
afterAll(() => server.close())
afterEach(() => {
  server.setRoutes([])
  server.requests.length = 0
})

/** A client whose waits are recorded instead of slept, so retry tests run at once. */
function client(extra: HttpClientOptions = {}) {
  slept = []
  return createHttpClient({
    userAgent: UA,
    sleep: async ms => void slept.push(ms),
    random: () => 0,
    ...extra
  })
}

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(ServiceError)
  return err as ServiceError
}

describe('answers', () => {
  it('parses a recorded Crossref work, and names Neuroref in the User-Agent', async () => {
    server.setRoutes([{ method: 'GET', path: WORK_PATH, file: WORK }])
    const work = await client().getJson<{ message: { DOI: string; title: string[] } }>({ url: `${server.url}${WORK_PATH}` })
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, WORK), 'utf8'))
    expect(work).toEqual(expected)
    expect(work.message.DOI).toBe('10.1371/journal.pone.0033693')
    expect(server.requests[0].headers['user-agent']).toBe('Neuroref/0.1.0 (mailto:lab@example.org)')
  })

  it('sends a POST form as x-www-form-urlencoded and returns the XML text byte for byte', async () => {
    const file = 'pubmed/esearch/biopython_esearch1_count63.xml'
    server.setRoutes([{ method: 'POST', path: '/entrez/eutils/esearch.fcgi', query: { db: 'pubmed', term: '10.1/x[doi]' }, file }])
    const xml = await client().getText({
      url: `${server.url}/entrez/eutils/esearch.fcgi`,
      form: { db: 'pubmed', term: '10.1/x[doi]', tool: 'neuroref' }
    })
    expect(xml).toBe(readFileSync(path.join(FIXTURES, file), 'utf8'))
    const seen = server.requests[0]
    expect(seen.method).toBe('POST')
    expect(seen.headers['content-type']).toContain('application/x-www-form-urlencoded')
    expect(seen.query).toEqual({ db: 'pubmed', term: '10.1/x[doi]', tool: 'neuroref' })
  })
})

describe('failures a researcher sees', () => {
  it('404 from Crossref → NOT_FOUND at once, no retry', async () => {
    server.setRoutes([{ path: '/works/10.1371/notarealdoi', status: 404, file: 'crossref/errors/habanero_works_404_notarealdoi.txt' }])
    const err = await failure(client().getJson({ url: `${server.url}/works/10.1371/notarealdoi` }))
    expect(err.code).toBe('NOT_FOUND')
    expect(err.message).toContain(host)
    expect(server.requests).toHaveLength(1)
  })

  it("an unknown path gets the replay server's Crossref-style 404", async () => {
    const res = await fetch(`${server.url}/nowhere`)
    expect(res.status).toBe(404)
    expect(await res.text()).toBe('Resource not found.')
  })

  it('400 → INVALID_INPUT without retry', async () => {
    server.setRoutes([{ path: /^\/works\//, status: 400, file: 'crossref/errors/habanero_works_400_query_with_doi.json' }])
    const err = await failure(client().getJson({ url: `${server.url}/works/10.1371/journal.pone.0033693?query.author=x` }))
    expect(err.code).toBe('INVALID_INPUT')
    expect(server.requests).toHaveLength(1)
  })

  it('429 with Retry-After: 1, then 200 → waits at least a second, then succeeds', async () => {
    server.setRoutes([
      { path: WORK_PATH, status: 429, headers: { 'Retry-After': '1' }, body: 'Too Many Requests', times: 1 },
      { path: WORK_PATH, file: WORK }
    ])
    const work = await client().getJson<{ message: { DOI: string } }>({ url: `${server.url}${WORK_PATH}` })
    expect(work.message.DOI).toBe('10.1371/journal.pone.0033693')
    expect(slept).toEqual([1000])
    expect(server.requests).toHaveLength(2)
  })

  it('429 with an HTTP-date Retry-After is honoured, capped at a minute', async () => {
    const t0 = Date.parse('2025-01-01T00:00:00Z')
    server.setRoutes([
      { path: WORK_PATH, status: 429, headers: { 'Retry-After': 'Wed, 01 Jan 2025 00:00:05 GMT' }, times: 1 },
      { path: WORK_PATH, status: 429, headers: { 'Retry-After': '3600' }, times: 1 },
      { path: WORK_PATH, file: WORK }
    ])
    await client({ now: () => t0 }).getJson({ url: `${server.url}${WORK_PATH}` })
    expect(slept).toEqual([5000, 60_000])
  })

  it('429 forever → RATE_LIMITED after the retries, naming the host', async () => {
    server.setRoutes([{ path: WORK_PATH, status: 429, body: 'Too Many Requests' }])
    const err = await failure(client({ retries: 2 }).getJson({ url: `${server.url}${WORK_PATH}` }))
    expect(err.code).toBe('RATE_LIMITED')
    expect(err.message).toContain(host)
    expect(server.requests).toHaveLength(3)
    expect(slept).toEqual([500, 1000]) // exponential backoff without Retry-After
  })

  it('500 then success → the answer', async () => {
    server.setRoutes([
      { path: '/works', status: 500, file: 'crossref/errors/rcrossref_works_500_bad_cursor.json', times: 1 },
      { path: '/works', file: 'crossref/works/habanero_works_query_ecology_rows2.json' }
    ])
    const res = await client().getJson<{ status: string }>({ url: `${server.url}/works?query=ecology&rows=2` })
    expect(res.status).toBe('ok')
    expect(server.requests).toHaveLength(2)
  })

  it('500 forever → SERVER_ERROR with host and status', async () => {
    server.setRoutes([{ path: '/works', status: 500, file: 'crossref/errors/rcrossref_works_500_bad_cursor.json' }])
    const err = await failure(client({ retries: 3 }).getJson({ url: `${server.url}/works?cursor=5` }))
    expect(err.code).toBe('SERVER_ERROR')
    expect(err.message).toContain(host)
    expect(err.message).toContain('500')
    expect(server.requests).toHaveLength(4)
  })

  it('a server that never answers → TIMEOUT after the retries', async () => {
    server.setRoutes([{ path: WORK_PATH, fault: 'timeout' }])
    const started = Date.now()
    const err = await failure(client({ timeoutMs: 150, retries: 1 }).getJson({ url: `${server.url}${WORK_PATH}` }))
    expect(err.code).toBe('TIMEOUT')
    expect(err.message).toContain(host)
    expect(server.requests).toHaveLength(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  it('a slow answer within the time limit still arrives', async () => {
    server.setRoutes([{ path: WORK_PATH, fault: 'slow', delayMs: 100, file: WORK }])
    const work = await client({ timeoutMs: 2000 }).getJson<{ message: { DOI: string } }>({ url: `${server.url}${WORK_PATH}` })
    expect(work.message.DOI).toBe('10.1371/journal.pone.0033693')
  })

  it('a body cut off half way → BAD_RESPONSE ("incomplete or unreadable")', async () => {
    server.setRoutes([{ path: WORK_PATH, fault: 'truncate', file: WORK }])
    const err = await failure(client({ retries: 1 }).getJson({ url: `${server.url}${WORK_PATH}` }))
    expect(err.code).toBe('BAD_RESPONSE')
    expect(err.message).toBe(`${host} sent an incomplete or unreadable answer. Please try again later.`)
    expect(server.requests).toHaveLength(2) // a cut-off answer is worth one more try
  })

  it('XML where JSON was expected → BAD_RESPONSE', async () => {
    server.setRoutes([{ path: WORK_PATH, file: 'pubmed/esearch/biopython_esearch1_count63.xml', contentType: 'application/json' }])
    const err = await failure(client().getJson({ url: `${server.url}${WORK_PATH}` }))
    expect(err.code).toBe('BAD_RESPONSE')
    expect(server.requests).toHaveLength(1)
  })

  it('a dropped connection is retried, then succeeds', async () => {
    server.setRoutes([
      { path: WORK_PATH, fault: 'reset', times: 1 },
      { path: WORK_PATH, file: WORK }
    ])
    const work = await client().getJson<{ message: { DOI: string } }>({ url: `${server.url}${WORK_PATH}` })
    expect(work.message.DOI).toBe('10.1371/journal.pone.0033693')
    expect(server.requests).toHaveLength(2)
  })

  it('a connection dropped every time → OFFLINE, saying it was cut off', async () => {
    server.setRoutes([{ path: WORK_PATH, fault: 'reset' }])
    const err = await failure(client({ retries: 1 }).getJson({ url: `${server.url}${WORK_PATH}` }))
    expect(err.code).toBe('OFFLINE')
    expect(err.message).toBe(`The connection to ${host} was cut off before it answered. Check your internet connection.`)
  })

  it('nobody listening → OFFLINE, naming the host', async () => {
    const port = await freePort()
    const err = await failure(client({ retries: 1 }).getJson({ url: `http://127.0.0.1:${port}/works/x` }))
    expect(err.code).toBe('OFFLINE')
    expect(err.message).toBe(`Could not reach 127.0.0.1:${port}. Check your internet connection.`)
  })

  it('an external abort → CANCELLED at once, no retry', async () => {
    server.setRoutes([{ path: WORK_PATH, fault: 'timeout' }])
    const stop = new AbortController()
    const pending = client({ timeoutMs: 10_000 }).getJson({ url: `${server.url}${WORK_PATH}`, signal: stop.signal })
    setTimeout(() => stop.abort(), 50)
    const started = Date.now()
    const err = await failure(pending)
    expect(err.code).toBe('CANCELLED')
    expect(Date.now() - started).toBeLessThan(2000)
    expect(server.requests).toHaveLength(1)
  })

  it('a non-web address → INVALID_INPUT without any request', async () => {
    const err = await failure(client().getText({ url: 'file:///etc/passwd' }))
    expect(err.code).toBe('INVALID_INPUT')
  })
})

describe('politeness', () => {
  // Timed as each request leaves the client, on the real clock and timers: the
  // server's arrival times also carry this shared machine's scheduling jitter
  // (a 150 ms spacing arrived as 110 ms at load 12), which is not ours to keep.
  it('spaces requests to one host by minIntervalMs as they leave, and queues rather than drops', async () => {
    server.setRoutes([{ path: '/entrez/eutils/esummary.fcgi', file: 'pubmed/esummary/biopython_esummary1_pubmed_docsum.xml' }])
    const left: number[] = []
    const http = createHttpClient({
      userAgent: UA,
      minIntervalMs: 150,
      fetch: (input, init) => {
        left.push(performance.now())
        return fetch(input, init)
      }
    })
    const url = `${server.url}/entrez/eutils/esummary.fcgi`
    const answers = await Promise.all([1, 2, 3].map(id => http.getText({ url: `${url}?id=${id}` })))
    expect(answers).toHaveLength(3)
    expect(server.requests.map(r => r.query.id)).toEqual(['1', '2', '3'])
    // a timer may fire up to a millisecond before the clock it was set by says
    expect(left[1] - left[0]).toBeGreaterThanOrEqual(148)
    expect(left[2] - left[1]).toBeGreaterThanOrEqual(148)
  })

  it("keeps NCBI's 3 a second with room to spare: the 4th request waits until 1.1 s after the 1st", async () => {
    server.setRoutes([{ path: '/x', body: 'ok' }])
    const http = client({ minIntervalMs: 340, now: () => 0 })
    for (let i = 0; i < 5; i++) await http.getText({ url: `${server.url}/x` })
    expect(slept).toEqual([340, 680, 1100, 1440])
  })

  it('spaces a request from when the one before really left: a timer that fires late does not bring the next closer', async () => {
    server.setRoutes([{ path: '/x', body: 'ok' }])
    let clock = 0
    const waits: number[] = []
    // every wait ends 60 ms late, as a timer does on a busy machine
    const http = createHttpClient({ userAgent: UA, minIntervalMs: 150, now: () => clock, sleep: async ms => void (waits.push(ms), (clock += ms + 60)) })
    const url = `${server.url}/x`
    await Promise.all([1, 2, 3].map(() => http.getText({ url })))
    // asked together: the 2nd waits 150 ms and leaves at 210; the 3rd waits from there, not from its planned 300
    expect(waits).toEqual([150, 150])
  })

  it('spacing is per host: another host is not held up', async () => {
    const other = await startReplayServer([{ path: '/x', body: 'ok' }])
    try {
      server.setRoutes([{ path: '/x', body: 'ok' }])
      let clock = 0
      const http = client({ minIntervalMs: 400, now: () => clock })
      await http.getText({ url: `${server.url}/x` })
      await http.getText({ url: `${other.url}/x` })
      expect(slept).toEqual([])
      clock = 100
      await http.getText({ url: `${server.url}/x` })
      expect(slept).toEqual([300])
    } finally {
      await other.close()
    }
  })

  it("slows down to Crossref's X-Rate-Limit headers", async () => {
    server.setRoutes([{ path: WORK_PATH, file: WORK, headers: { 'X-Rate-Limit-Limit': '5', 'X-Rate-Limit-Interval': '1s' } }])
    const http = client({ now: () => 0 })
    await http.getJson({ url: `${server.url}${WORK_PATH}` })
    await http.getJson({ url: `${server.url}${WORK_PATH}` })
    expect(slept).toEqual([200])
  })
})

function freePort(): Promise<number> {
  return new Promise(resolve => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}
