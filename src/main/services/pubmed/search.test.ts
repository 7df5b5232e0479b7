// "Search PubMed" against the replay NCBI (e2e/replay), answering from the
// recorded PubMed records: pages, one line per paper, `since` (Entrez date),
// and a query PubMed cannot use explained in PubMed's words.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadPubmedCorpus, ncbiRoutes, type PubmedCorpus } from '../../../../e2e/replay/ncbi-corpus'
import { startReplayServer, type ReplayServer } from '../../../../e2e/replay/server'
import { ServiceError } from '@shared/result'
import { createHttpClient } from '../http'
import type { EutilsDeps } from './eutils'
import { searchPubmedPage } from './search'

const SOCIAL_FEAR = '38147649' // PNAS 2024, "Social anxiety disorder-associated gut microbiota …", Entrez 2023/12/26

let corpus: PubmedCorpus
let server: ReplayServer
let deps: EutilsDeps

beforeAll(async () => {
  corpus = loadPubmedCorpus()
  server = await startReplayServer(ncbiRoutes(corpus))
  deps = {
    http: createHttpClient({ sleep: async () => undefined }),
    eutilsUrl: `${server.url}/eutils/`,
    idconvUrl: `${server.url}/idconv/`,
    email: 'lab@example.org'
  }
})
afterAll(() => server.close())
afterEach(() => {
  server.setRoutes(ncbiRoutes(corpus))
  server.requests.length = 0
})

const esearches = () => server.requests.filter(r => r.path === '/eutils/esearch.fcgi')

describe('searchPubmedPage', () => {
  it('gives one page of papers with title, authors, journal and year, and the total', async () => {
    const page = await searchPubmedPage({ query: 'patients', start: 0, size: 4 }, deps)
    expect(page.count).toBe(9)
    expect(page.pmids).toHaveLength(4)
    expect(page.papers.map(p => p.pmid)).toEqual(page.pmids)
    const socialFear = page.papers.find(p => p.pmid === SOCIAL_FEAR)
    expect(socialFear).toMatchObject({
      title: expect.stringMatching(/^Social anxiety disorder-associated gut microbiota/),
      journal: 'Proc Natl Acad Sci U S A',
      year: 2024,
      authors: expect.stringMatching(/, et al\.$/)
    })
    const [search] = esearches()
    expect(search.query).toMatchObject({
      db: 'pubmed',
      term: 'patients',
      retstart: '0',
      retmax: '4',
      usehistory: 'y',
      tool: 'neuroref',
      email: 'lab@example.org'
    })
    expect(search.query.datetype).toBeUndefined()
  })

  it('pages through every match without repeats', async () => {
    const seen: string[] = []
    for (let start = 0; start < 9; start += 4) {
      const page = await searchPubmedPage({ query: 'patients', start, size: 4 }, deps)
      seen.push(...page.pmids)
    }
    expect(seen).toHaveLength(9)
    expect(new Set(seen).size).toBe(9)
    expect(esearches().map(r => r.query.retstart)).toEqual(['0', '4', '8'])
  })

  it('with `since`, asks for the Entrez date range and gets only papers added since', async () => {
    const routes = ncbiRoutes(corpus, { heldBack: [SOCIAL_FEAR] })
    server.setRoutes(routes)
    const before = await searchPubmedPage({ query: 'patients', start: 0, size: 20, since: '2026/03/02' }, deps)
    expect(before).toMatchObject({ count: 0, pmids: [], papers: [], notes: ['No items found.'] })
    routes.release(SOCIAL_FEAR, new Date('2026-03-02T10:00:00Z'))
    const after = await searchPubmedPage({ query: 'patients', start: 0, size: 20, since: '2026/03/02' }, deps)
    expect(after.pmids).toEqual([SOCIAL_FEAR])
    expect(esearches()[1].query).toMatchObject({ datetype: 'edat', mindate: '2026/03/02', maxdate: '3000' })
  })

  it('explains a query PubMed cannot use in PubMed’s words', async () => {
    const error = await searchPubmedPage({ query: 'fleegle[MeSH Terms]', start: 0, size: 20 }, deps).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'PubMed could not use this query: Phrase not found: fleegle[MeSH Terms].' })
    expect(server.requests.some(r => r.path === '/eutils/esummary.fcgi')).toBe(false)
  })

  it('keeps PubMed’s notes when part of a query was not found but papers were', async () => {
    const page = await searchPubmedPage({ query: '"10.1073/pnas.2308706120"[doi] OR "10.9999/not-recorded"[doi]', start: 0, size: 20 }, deps)
    expect(page.pmids).toEqual([SOCIAL_FEAR])
    expect(page.notes).toEqual(['Phrase not found: 10.9999/not-recorded'])
  })
})
