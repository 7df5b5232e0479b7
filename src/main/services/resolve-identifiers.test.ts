// resolveIdentifiers with the app's real HTTP client (NCBI spacing and all)
// against the replay server: NCBI answered from the recorded PubMed records
// (e2e/replay/ncbi-corpus.ts), Crossref from the recorded works. Faults are
// routes put before the corpus routes, as the replay README shows.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadPubmedCorpus, ncbiRoutes, requestsPerSecondMax } from '../../../e2e/replay/ncbi-corpus'
import { crossrefWorkRoutes, replayEnvironment } from '../../../e2e/replay/recorded'
import { startReplayServer, type ReplayRequest, type ReplayRoute, type ReplayServer } from '../../../e2e/replay/server'
import type { Identifier } from '@shared/identifiers'
import { fillMissing } from '@shared/merge'
import { createNcbiAwareHttpClient } from '../app'
import { readConfig } from '../config'
import { mapWork } from './crossref/map-work'
import type { HttpClientOptions } from './http'
import { parsePubmedArticleSet } from './pubmed/parse-efetch'
import { resolveIdentifiers, type ResolveDeps } from './resolve-identifiers'

const FIXTURES = path.resolve(import.meta.dirname, '../../../e2e/fixtures')
const corpus = loadPubmedCorpus()
const recordedPmids = corpus.records.map(r => r.pmid)

const pmid = (value: string): Identifier => ({ kind: 'pmid', value })
const pmcid = (value: string): Identifier => ({ kind: 'pmcid', value })
const doi = (value: string): Identifier => ({ kind: 'doi', value })

// One recorded paper under its three identifiers (biopython pubmed4.xml).
const GUT_PMID = '27797938'
const GUT_DOI = '10.1136/gutjnl-2016-312510'
const GUT_PMCID = 'PMC5442267'
const GUT_TITLE = 'Leucocyte telomere length, genetic variants at the <i>TERT</i> gene region and risk of pancreatic cancer.'
// In the recorded Crossref works, not in the recorded PubMed records.
const CROSSREF_ONLY_DOI = '10.1038/srep16696'
const CONTACT = replayEnvironment('http://x').NEUROREF_EMAIL
/** Above every PMID PubMed has handed out (about 41 million): unknown to PubMed. */
const unknownPmid = (n: number): string => String(98_000_000 + n)

const EFETCH = /^\/eutils\/efetch\.fcgi$/
const efetchCalls = (server: ReplayServer): ReplayRequest[] => server.requests.filter(r => EFETCH.test(r.path))
const isNcbi = (r: ReplayRequest): boolean => r.path.startsWith('/eutils/') || r.path.startsWith('/idconv')
const recordedRoutes = (): ReplayRoute[] => [...ncbiRoutes(corpus), ...crossrefWorkRoutes()]

let replay: ReplayServer
beforeAll(async () => {
  replay = await startReplayServer(recordedRoutes())
})
afterEach(() => {
  replay.setRoutes(recordedRoutes())
  replay.requests.length = 0
})
afterAll(() => replay.close())

/** Services wired the way src/main/channels/ wires them, with the client app.ts builds. */
function services(options: HttpClientOptions = {}, env: Record<string, string> = {}, url = replay.url): ResolveDeps {
  const config = readConfig({ ...replayEnvironment(url), ...env })
  const http = createNcbiAwareHttpClient(config, options)
  return {
    eutils: { http, eutilsUrl: config.eutilsUrl, idconvUrl: config.idconvUrl, email: config.email, apiKey: config.ncbiApiKey },
    crossref: { http, crossrefUrl: config.crossrefUrl, doiUrl: config.doiUrl, email: config.email }
  }
}

/** Retries keep their number; only the pause before them is short, so fault tests stay quick. */
const quickRetries: HttpClientOptions = { backoffBaseMs: 20 }

describe('resolveIdentifiers: what the researcher gets', () => {
  it('gives one paper for the PMID, DOI and PMCID of the same paper, holding all three', async () => {
    const ids = [pmid(GUT_PMID), doi(GUT_DOI), pmcid(GUT_PMCID)]
    const result = await resolveIdentifiers(ids, services())
    expect(result.failures).toEqual([])
    expect(result.papers).toHaveLength(1)
    const [paper] = result.papers
    expect(paper.ids).toEqual(expect.arrayContaining(ids))
    expect(paper.ids).toHaveLength(3)
    expect(paper.record).toMatchObject({ pmid: GUT_PMID, doi: GUT_DOI, pmcid: GUT_PMCID })
    expect(paper.record.csl.title).toBe(GUT_TITLE)
    expect(paper.record.abstractSections?.length).toBe(4)
    // Crossref has no record of this DOI (none recorded), so PubMed's stands alone.
    expect(paper.record.sources).toEqual(['pubmed'])
    expect(efetchCalls(replay)).toHaveLength(1)
  })

  it('names the identifiers nobody knows: a PMID, a PMCID and a DOI', async () => {
    const missingDoi = '10.1234/neuroref.no-such-paper'
    const ids = [pmid(unknownPmid(1)), pmcid('PMC999999999'), doi(missingDoi), pmid(GUT_PMID)]
    const result = await resolveIdentifiers(ids, services())
    expect(result.papers.map(p => p.record.pmid)).toEqual([GUT_PMID])
    expect(result.failures).toEqual([
      { id: ids[0], error: { code: 'NOT_FOUND', message: 'PubMed has no paper with PMID 98000001.' } },
      { id: ids[1], error: { code: 'NOT_FOUND', message: 'PubMed Central has no paper with PMCID PMC999999999.' } },
      { id: ids[2], error: { code: 'NOT_FOUND', message: `No paper with the DOI ${missingDoi} was found at Crossref or doi.org.` } }
    ])
  })

  it('takes a DOI PubMed lacks from Crossref', async () => {
    const result = await resolveIdentifiers([doi(CROSSREF_ONLY_DOI)], services())
    expect(result.failures).toEqual([])
    const [paper] = result.papers
    expect(paper.ids).toEqual([doi(CROSSREF_ONLY_DOI)])
    expect(paper.record.csl.title).toBe('Single-molecule FRET studies on alpha-synuclein oligomerization of Parkinson’s disease genetically related mutants')
    expect(paper.record.csl.author?.[0]).toMatchObject({ family: 'Tosatto', given: 'Laura' })
    expect(paper.record.sources).toEqual(['crossref'])
    expect(efetchCalls(replay)).toHaveLength(0) // esearch found no PMID, so nothing to fetch
  })

  it('merges Crossref into the PubMed record: PubMed wins, Crossref fills the gaps', () => {
    // No recorded Crossref work is also among the recorded PubMed records (checked: no DOI in common),
    // so the merge resolveIdentifiers applies (fillMissing) is shown on two recorded records.
    const read = (file: string): string => readFileSync(path.join(FIXTURES, file), 'utf8')
    const [pubmed] = parsePubmedArticleSet(read('pubmed/efetch/biopython_pubmed4_structured_abstract_grants_coi.xml'))
    const crossref = mapWork(JSON.parse(read('crossref/works/habanero_works_10.1136_jclinpath-2020-206745_abstract_orcid_funder.json')).message)
    const merged = fillMissing(pubmed, crossref)
    expect(merged.csl.title).toBe(GUT_TITLE)
    expect(merged.csl.author).toEqual(pubmed.csl.author)
    expect(merged).toMatchObject({ pmid: GUT_PMID, doi: GUT_DOI, mesh: pubmed.mesh, grants: pubmed.grants, coi: pubmed.coi })
    expect(merged.csl.publisher).toBe('BMJ')
    expect(merged.license).toBe('http://creativecommons.org/licenses/by-nc/4.0/')
    expect(merged.funders?.[0].name).toBe('National Key Research and Development Program')
    expect(merged.sources).toEqual(['pubmed', 'crossref'])
  })
})

describe('resolveIdentifiers: when the network misbehaves', () => {
  const someRecorded = recordedPmids.slice(0, 5)

  it('waits as long as a 429 Retry-After asks, then gets the papers', async () => {
    replay.setRoutes([{ path: EFETCH, status: 429, headers: { 'retry-after': '1' }, body: '', times: 1 }, ...recordedRoutes()])
    const result = await resolveIdentifiers(someRecorded.map(pmid), services())
    expect(result.failures).toEqual([])
    expect(result.papers.map(p => p.record.pmid)).toEqual(someRecorded)
    const [refused, retried] = efetchCalls(replay)
    expect(retried.receivedAt - refused.receivedAt).toBeGreaterThanOrEqual(990)
  })

  it('tries again after a 500 and gets the papers', async () => {
    replay.setRoutes([{ path: EFETCH, status: 500, body: '', times: 1 }, ...recordedRoutes()])
    const result = await resolveIdentifiers(someRecorded.map(pmid), services(quickRetries))
    expect(result.failures).toEqual([])
    expect(result.papers).toHaveLength(5)
    expect(efetchCalls(replay)).toHaveLength(2)
  })

  it('reports a cut-off efetch answer as BAD_RESPONSE for those PMIDs, and still takes DOIs from Crossref', async () => {
    // Cut short on the first attempt and on all three retries.
    replay.setRoutes([{ ...ncbiRoutes(corpus)[0], fault: 'truncate', times: 4 }, ...recordedRoutes()])
    const ids = [...someRecorded.map(pmid), doi(CROSSREF_ONLY_DOI)]
    const result = await resolveIdentifiers(ids, services(quickRetries))
    expect(result.failures.map(f => f.id)).toEqual(ids.slice(0, 5))
    for (const { error } of result.failures) {
      expect(error).toEqual({ code: 'BAD_RESPONSE', message: `${new URL(replay.url).host} sent an incomplete or unreadable answer. Please try again later.` })
    }
    expect(result.papers.map(p => p.ids)).toEqual([[doi(CROSSREF_ONLY_DOI)]])
    expect(result.papers[0].record.sources).toEqual(['crossref'])
    expect(efetchCalls(replay)).toHaveLength(4)
  })

  it('reports TIMEOUT for each PMID when PubMed never answers', async () => {
    replay.setRoutes([{ path: EFETCH, fault: 'timeout' }, ...recordedRoutes()])
    const result = await resolveIdentifiers(someRecorded.slice(0, 2).map(pmid), services({ ...quickRetries, timeoutMs: 300 }))
    expect(result.papers).toEqual([])
    expect(result.failures.map(f => f.error.code)).toEqual(['TIMEOUT', 'TIMEOUT'])
    expect(result.failures[0].error.message).toMatch(/did not answer within 0\.3 seconds/)
  })

  it('reports OFFLINE for every identifier when the server is gone', async () => {
    const gone = await startReplayServer([])
    await gone.close()
    const ids = [pmid(GUT_PMID), pmcid(GUT_PMCID), doi(CROSSREF_ONLY_DOI)]
    const result = await resolveIdentifiers(ids, services({ ...quickRetries, retries: 1 }, {}, gone.url))
    expect(result.papers).toEqual([])
    expect(result.failures.map(f => f.id)).toEqual(ids)
    for (const { error } of result.failures) {
      expect(error).toEqual({ code: 'OFFLINE', message: `Could not reach ${new URL(gone.url).host}. Check your internet connection.` })
    }
  })
})

describe('resolveIdentifiers: asking NCBI politely', () => {
  it('fetches 500 PMIDs in 3 efetch requests, names tool and email every time, at most 3 requests a second', async () => {
    const pmids = [...recordedPmids, ...Array.from({ length: 500 - recordedPmids.length }, (_, i) => unknownPmid(i + 2))]
    const ids = [...pmids.map(pmid), pmcid(GUT_PMCID), doi(GUT_DOI)]
    const result = await resolveIdentifiers(ids, services())

    expect(result.papers).toHaveLength(recordedPmids.length)
    expect(result.papers.find(p => p.record.pmid === GUT_PMID)?.ids).toHaveLength(3)
    expect(result.failures).toHaveLength(500 - recordedPmids.length)
    expect(new Set(result.failures.map(f => f.error.code))).toEqual(new Set(['NOT_FOUND']))

    const efetch = efetchCalls(replay)
    expect(efetch.map(r => r.query.id.split(',').length)).toEqual([200, 200, 100])
    expect(efetch.every(r => r.method === 'POST')).toBe(true)
    const ncbi = replay.requests.filter(isNcbi)
    expect(ncbi.map(r => r.path)).toEqual(['/idconv/', '/eutils/esearch.fcgi', '/eutils/efetch.fcgi', '/eutils/efetch.fcgi', '/eutils/efetch.fcgi'])
    for (const r of ncbi) expect(r.query).toMatchObject({ tool: 'neuroref', email: CONTACT })
    expect(ncbi.some(r => 'api_key' in r.query)).toBe(false)
    expect(requestsPerSecondMax(ncbi, '/')).toBeLessThanOrEqual(3)
  })

  it('lookups asked for at once (Add by identifier keeps three under way) still reach NCBI at most 3 times in any second, in the order asked', async () => {
    const deps = services()
    const batches = [0, 1, 2, 3, 4].map(n => recordedPmids.slice(n * 5, n * 5 + 5).map(pmid))
    const results = await Promise.all(batches.map(batch => resolveIdentifiers(batch, deps)))
    expect(results.map(r => r.papers.length)).toEqual([5, 5, 5, 5, 5])
    const efetch = efetchCalls(replay)
    expect(efetch.map(r => r.query.id)).toEqual(batches.map(batch => batch.map(id => id.value).join(',')))
    expect(requestsPerSecondMax(efetch, '/')).toBeLessThanOrEqual(3)
  })

  it('with an API key, sends it on every NCBI request and keeps under 10 a second', async () => {
    const ids = [...recordedPmids.map(pmid), pmcid(GUT_PMCID), doi(GUT_DOI)]
    await resolveIdentifiers(ids, services({}, { NEUROREF_NCBI_API_KEY: 'key-from-settings' }))
    const ncbi = replay.requests.filter(isNcbi)
    expect(ncbi).toHaveLength(3)
    for (const r of ncbi) expect(r.query).toMatchObject({ tool: 'neuroref', email: CONTACT, api_key: 'key-from-settings' })
    expect(requestsPerSecondMax(ncbi, '/')).toBeLessThanOrEqual(10)
  })
})
