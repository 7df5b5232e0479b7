// lookupDoi with a small stand-in HTTP client that answers from recorded
// files and fails the way the real client does (ServiceError), then once
// through the real client and the replay server.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crossrefWorkRoutes } from '../../../../e2e/replay/recorded'
import { startReplayServer, type ReplayServer } from '../../../../e2e/replay/server'
import { ServiceError } from '@shared/result'
import { createHttpClient } from '../http'
import type { HttpClient, HttpRequest, HttpResponse } from '../http-types'
import { lookupDoi } from './lookup-doi'

const FIXTURES = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/crossref')
const fixture = (file: string): string => readFileSync(path.join(FIXTURES, file), 'utf8')

const PLOS_WORK = fixture('works/habanero_works_10.1371_journal.pone.0033693.json')
const FOUR_DOIS = JSON.parse(fixture('content_negotiation/citationjs_doiorg_csljson_4dois.json')) as Record<string, unknown[]>
/** What doi.org sends for the Zenodo DOI: one CSL item (citation-js keeps it in a list). */
const ZENODO_CSL = JSON.stringify(FOUR_DOIS['10.5281/ZENODO.8242099'][0])

const CROSSREF = 'https://api.crossref.test/'
const DOI_ORG = 'https://doi.test/'

type Answer = string | ServiceError

/** Answers by exact URL; anything unknown is a 404, as Crossref and doi.org answer it. */
class FakeHttp implements HttpClient {
  readonly requests: HttpRequest[] = []
  constructor(private readonly answers: Record<string, Answer>) {}

  async request(req: HttpRequest): Promise<HttpResponse> {
    this.requests.push(req)
    const answer = this.answers[req.url] ?? new ServiceError('NOT_FOUND', `${new URL(req.url).host} has no record at this address (HTTP 404).`)
    if (answer instanceof ServiceError) throw answer
    return { status: 200, headers: new Headers({ 'content-type': 'application/json' }), text: answer, url: req.url }
  }

  async getText(req: HttpRequest): Promise<string> {
    return (await this.request(req)).text
  }

  async getJson<T = unknown>(req: HttpRequest): Promise<T> {
    const text = await this.getText(req)
    try {
      return JSON.parse(text) as T
    } catch {
      throw new ServiceError('BAD_RESPONSE', 'unreadable answer')
    }
  }
}

const deps = (http: HttpClient, email?: string) => ({ http, crossrefUrl: CROSSREF, doiUrl: DOI_ORG, email })

async function failure(pending: Promise<unknown>): Promise<ServiceError> {
  const err = await pending.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(ServiceError)
  return err as ServiceError
}

const PLOS_URL = `${CROSSREF}works/10.1371%2Fjournal.pone.0033693?mailto=lab%40example.org`

describe('lookupDoi', () => {
  it('returns the Crossref record, asking politely with mailto', async () => {
    const http = new FakeHttp({ [PLOS_URL]: PLOS_WORK })
    const record = await lookupDoi('10.1371/journal.pone.0033693', deps(http, 'lab@example.org'))
    expect(record.csl.title).toBe('Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice')
    expect(record.csl.author?.[0].family).toBe('Sadasivan')
    expect(record.sources).toEqual(['crossref'])
    expect(http.requests.map(r => r.url)).toEqual([PLOS_URL])
  })

  it('sends no mailto when no email is known', async () => {
    const url = `${CROSSREF}works/10.1371%2Fjournal.pone.0033693`
    const http = new FakeHttp({ [url]: PLOS_WORK })
    await lookupDoi('10.1371/journal.pone.0033693', deps(http))
    expect(http.requests[0].url).toBe(url)
  })

  it('accepts the DOI as people paste it: doi: prefix, doi.org link, spaces, capitals', async () => {
    for (const typed of [
      '  doi:10.1371/journal.pone.0033693 ',
      'https://doi.org/10.1371/journal.pone.0033693',
      'http://dx.doi.org/10.1371%2Fjournal.pone.0033693'
    ]) {
      const http = new FakeHttp({ [PLOS_URL]: PLOS_WORK })
      const record = await lookupDoi(typed, deps(http, 'lab@example.org'))
      expect(record.doi).toBe('10.1371/journal.pone.0033693')
    }
  })

  it('falls back to doi.org content negotiation when Crossref does not know the DOI (DataCite/Zenodo)', async () => {
    const csl = `${DOI_ORG}10.5281/zenodo.8242099`
    const http = new FakeHttp({ [csl]: ZENODO_CSL })
    const record = await lookupDoi('10.5281/zenodo.8242099', deps(http, 'lab@example.org'))
    expect(http.requests.map(r => r.url)).toEqual([`${CROSSREF}works/10.5281%2Fzenodo.8242099?mailto=lab%40example.org`, csl])
    expect(http.requests[1].headers).toEqual({ Accept: 'application/vnd.citationstyles.csl+json' })
    expect(record.csl.title).toBe('Shield bugs (nymphs)')
    expect(record.csl.publisher).toBe('Zenodo')
    expect(record.doi).toBe('10.5281/zenodo.8242099')
    expect(record.sources).toEqual(['doi.org'])
  })

  it('says plainly when neither Crossref nor doi.org knows the DOI', async () => {
    const http = new FakeHttp({})
    const err = await failure(lookupDoi('10.1126/foo', deps(http)))
    expect(err.code).toBe('NOT_FOUND')
    expect(err.message).toBe('No paper with the DOI 10.1126/foo was found at Crossref or doi.org.')
    expect(http.requests).toHaveLength(2)
  })

  it('passes OFFLINE, TIMEOUT and RATE_LIMITED through unchanged, without trying doi.org', async () => {
    for (const code of ['OFFLINE', 'TIMEOUT', 'RATE_LIMITED'] as const) {
      const original = new ServiceError(code, `api.crossref.test: ${code}`)
      const http = new FakeHttp({ [`${CROSSREF}works/10.1371%2Fjournal.pone.0033693`]: original })
      expect(await failure(lookupDoi('10.1371/journal.pone.0033693', deps(http)))).toBe(original)
      expect(http.requests).toHaveLength(1)
    }
  })

  it('passes a doi.org failure through after a Crossref 404', async () => {
    const offline = new ServiceError('OFFLINE', 'Could not reach doi.test. Check your internet connection.')
    const http = new FakeHttp({ [`${DOI_ORG}10.5281/zenodo.8242099`]: offline })
    expect(await failure(lookupDoi('10.5281/zenodo.8242099', deps(http)))).toBe(offline)
  })

  it('refuses what is not a DOI, before asking anyone', async () => {
    const http = new FakeHttp({})
    for (const typed of ['foo', '', '10.1234', 'PMID: 22448270']) {
      const err = await failure(lookupDoi(typed, deps(http)))
      expect(err.code).toBe('INVALID_INPUT')
      expect(err.message.startsWith('That does not look like a DOI:')).toBe(true)
    }
    expect(http.requests).toHaveLength(0)
  })

  it('treats JSON that is not a work as a bad response (error envelope, agency answer, search list)', async () => {
    for (const file of [
      'errors/habanero_works_400_query_with_doi.json',
      'works/habanero_works_agency_10.1126_science.169.3946.635.json',
      'works/habanero_works_query_ecology_rows2.json'
    ]) {
      const http = new FakeHttp({ [`${CROSSREF}works/10.1126%2Fscience.169.3946.635`]: fixture(file) })
      expect((await failure(lookupDoi('10.1126/science.169.3946.635', deps(http)))).code).toBe('BAD_RESPONSE')
    }
    const http = new FakeHttp({ [`${DOI_ORG}10.1430/8105`]: fixture('errors/rcrossref_works_500_bad_cursor.json') })
    expect((await failure(lookupDoi('10.1430/8105', deps(http)))).code).toBe('BAD_RESPONSE')
  })
})

describe('lookupDoi through the real HTTP client and the replay server', () => {
  let server: ReplayServer
  beforeAll(async () => {
    server = await startReplayServer([
      ...crossrefWorkRoutes(),
      { method: 'GET', path: '/doi/10.5281/zenodo.8242099', body: ZENODO_CSL, contentType: 'application/vnd.citationstyles.csl+json' }
    ])
  })
  afterAll(() => server.close())

  it('finds a Crossref work and, for a DataCite DOI, falls back past Crossref’s real 404 to doi.org', async () => {
    const http = createHttpClient({ retries: 0, userAgent: 'Neuroref/test' })
    const real = { http, crossrefUrl: `${server.url}/crossref/`, doiUrl: `${server.url}/doi/`, email: 'e2e@neuroref.test' }

    const plos = await lookupDoi('https://doi.org/10.1371/journal.pone.0033693', real)
    expect(plos.csl['container-title']).toBe('PLoS ONE')
    expect(plos.flags).toEqual(['corrected'])
    expect(server.requests[0].query).toEqual({ mailto: 'e2e@neuroref.test' })

    const zenodo = await lookupDoi('10.5281/zenodo.8242099', real)
    expect(zenodo.csl.title).toBe('Shield bugs (nymphs)')
    expect(server.requests.slice(1).map(r => r.path)).toEqual(['/crossref/works/10.5281/zenodo.8242099', '/doi/10.5281/zenodo.8242099'])
    expect(server.requests[2].headers.accept).toBe('application/vnd.citationstyles.csl+json')

    const missing = await failure(lookupDoi('10.1126/foo', real))
    expect(missing.message).toBe('No paper with the DOI 10.1126/foo was found at Crossref or doi.org.')
  })
})
