// The replay NCBI (e2e/replay/ncbi-corpus.ts) over HTTP, read back with the
// app's own parsers where the app will read it: what an end-to-end test of
// "Add by identifier" will get from it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import { loadPubmedCorpus, ncbiRoutes, requestsPerSecondMax, type PubmedCorpus } from '../../e2e/replay/ncbi-corpus'
import { startReplayServer, type ReplayServer } from '../../e2e/replay/server'
import { parsePubmedArticleSet } from '../main/services/pubmed/parse-efetch'
import { parseIdConverterReply, parseLinkReply, parseSearchReply, parseSummaryReply } from '../main/services/pubmed/parse-eutils'

const EFETCH = path.resolve(import.meta.dirname, '../../e2e/fixtures/pubmed/efetch')
const SOCIAL_FEAR = '38147649' // PNAS 2024, PMC10769841, a long ReferenceList
const ASPIRE = '23121403' // NEJM 2012, no PMCID
const NEJM_2018 = '29768149'

let corpus: PubmedCorpus
let server: ReplayServer

beforeAll(async () => {
  corpus = loadPubmedCorpus()
  server = await startReplayServer(ncbiRoutes(corpus))
})
afterAll(() => server.close())
afterEach(() => {
  server.setRoutes(ncbiRoutes(corpus))
  server.requests.length = 0
})

async function post(tool: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/eutils/${tool}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ tool: 'neuroref', email: 'e2e@neuroref.test', ...form })
  })
}
const postText = async (tool: string, form: Record<string, string>): Promise<string> => (await post(tool, form)).text()
const get = (url: string): Promise<Response> => fetch(`${server.url}${url}`)

/** PMIDs of every PubmedArticle/PubmedBookArticle xmldom finds in a whole file: an independent count. */
function pmidsInFile(text: string): string[] {
  const doc = new DOMParser().parseFromString(text, 'text/xml')
  const set = doc.documentElement
  const out: string[] = []
  for (let n = set?.firstChild; n; n = n.nextSibling) {
    if (n.nodeName !== 'PubmedArticle' && n.nodeName !== 'PubmedBookArticle') continue
    out.push((n as unknown as Element).getElementsByTagName('PMID')[0]?.textContent ?? '')
  }
  return out
}

describe('the recorded corpus', () => {
  it('holds the 31 recorded records, each the exact text of its file', () => {
    expect(corpus.records).toHaveLength(31)
    for (const name of readdirSync(EFETCH).filter(n => n.endsWith('.xml') && !n.includes('malformed'))) {
      const text = readFileSync(path.join(EFETCH, name), 'utf8')
      const mine = corpus.records.filter(r => r.file === name)
      expect(mine.map(r => r.pmid)).toEqual(pmidsInFile(text))
      for (const r of mine) expect(text.includes(r.xml) && r.xml.startsWith(`<${r.kind}`) && r.xml.endsWith(`</${r.kind}>`)).toBe(true)
    }
  })

  it('is indexed by PMID, lower-case DOI and PMCID', () => {
    expect(corpus.byDoi.get('10.1056/nejmoa1210384')?.pmid).toBe(ASPIRE)
    expect(corpus.byPmcid.get('PMC10769841')?.pmid).toBe(SOCIAL_FEAR)
    expect(corpus.byPmid.get('20301577')?.kind).toBe('PubmedBookArticle')
  })
})

describe('efetch', () => {
  it('answers the recorded records that exist, byte-exact, in the order asked', async () => {
    const res = await post('efetch.fcgi', { db: 'pubmed', retmode: 'xml', id: `${SOCIAL_FEAR},99999999,${ASPIRE}` })
    expect(res.headers.get('content-type')).toBe('text/xml; charset=UTF-8')
    const body = await res.text()
    expect(body.startsWith('<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN"')).toBe(true)
    const social = readFileSync(path.join(EFETCH, 'metapub_38147649_oxytocin_vasopressin_social_fear.xml'), 'utf8')
    const aspire = readFileSync(path.join(EFETCH, 'biocommons_23121403_investigators_RCT.xml'), 'utf8')
    const cut = (text: string) => text.slice(text.indexOf('<PubmedArticle>'), text.indexOf('</PubmedArticle>') + '</PubmedArticle>'.length)
    expect(body.indexOf(cut(social))).toBeGreaterThan(0)
    expect(body.indexOf(cut(aspire))).toBeGreaterThan(body.indexOf(cut(social)))
    expect(parsePubmedArticleSet(body).map(r => r.pmid)).toEqual([SOCIAL_FEAR, ASPIRE])
    expect(server.requests.filter(r => r.path === '/eutils/efetch.fcgi')).toHaveLength(1)
  })

  it('answers a GET too, and an efetch with no id like NCBI', async () => {
    const body = await (await get(`/eutils/efetch.fcgi?db=pubmed&retmode=xml&id=20301577`)).text()
    expect(parsePubmedArticleSet(body)[0].pmid).toBe('20301577')
    const empty = await post('efetch.fcgi', { db: 'pubmed' })
    expect(await empty.text()).toContain('<ERROR>Empty id list - nothing todo</ERROR>')
  })
})

describe('esearch', () => {
  it('finds PMIDs by DOI, quoted or not, any case, [doi] or [AID]', async () => {
    const term = `"10.1056/NEJMOA1210384"[doi] OR 10.1073/pnas.2308706120[AID] OR "10.9999/not-recorded"[DOI]`
    const body = await postText('esearch.fcgi', { db: 'pubmed', term, retmax: '6' })
    const found = parseSearchReply(body)
    expect(found.ids).toEqual([ASPIRE, SOCIAL_FEAR])
    expect(found.count).toBe(2)
    expect(found.errors).toEqual(['Phrase not found: 10.9999/not-recorded'])
  })

  it('says "No items found" in the zero-results shape', async () => {
    const body = await postText('esearch.fcgi', { db: 'pubmed', term: '"10.9999/nothing"[doi]' })
    expect(body).toContain('<Count>0</Count><RetMax>0</RetMax><RetStart>0</RetStart><IdList/><TranslationSet/>')
    expect(parseSearchReply(body)).toMatchObject({ count: 0, ids: [], warnings: ['No items found.'] })
    const words = await postText('esearch.fcgi', { db: 'pubmed', term: 'abcXYZ' })
    const recorded = readFileSync(path.resolve(EFETCH, '../esearch/biopython_esearch8_zero_results_ErrorList.xml'), 'utf8')
    const tail = (xml: string) => xml.slice(xml.indexOf('<ErrorList>'), xml.indexOf('</eSearchResult>'))
    expect(tail(words)).toBe(tail(recorded))
  })

  it('matches free text in titles and abstracts and pages it through the history server', async () => {
    const all = parseSearchReply(await postText('esearch.fcgi', { db: 'pubmed', term: 'patients', retmax: '100' }))
    expect(all.count).toBeGreaterThan(4)
    for (const id of all.ids) {
      const r = corpus.byPmid.get(id)!
      expect(`${r.title} ${r.abstract}`.toLowerCase()).toMatch(/\bpatients\b/)
    }
    const first = parseSearchReply(await postText('esearch.fcgi', { db: 'pubmed', term: 'patients', retmax: '2', usehistory: 'y' }))
    expect(first).toMatchObject({ count: all.count, ids: all.ids.slice(0, 2), queryKey: '1' })
    const history = { query_key: '1', WebEnv: first.webEnv!, retstart: '2', retmax: '2' }
    const page = parseSummaryReply(await postText('esummary.fcgi', { db: 'pubmed', ...history }))
    expect(page.map(s => s.pmid)).toEqual(all.ids.slice(2, 4))
    const fetched = parsePubmedArticleSet(await postText('efetch.fcgi', { db: 'pubmed', retmode: 'xml', ...history }))
    expect(fetched.map(r => r.pmid)).toEqual(all.ids.slice(2, 4))
    const lost = await postText('esummary.fcgi', { db: 'pubmed', query_key: '1', WebEnv: 'MCID_unknown' })
    expect(lost).toContain('<ERROR>Unable to obtain query #1</ERROR>')
  })
})

describe('esummary', () => {
  it('summarises a record with the values it holds', async () => {
    const body = await postText('esummary.fcgi', { db: 'pubmed', id: SOCIAL_FEAR })
    expect(body).toContain('<Item Name="PubDate" Type="Date">2024 Jan 2</Item>')
    expect(body).toContain('<Item Name="Source" Type="String">Proc Natl Acad Sci U S A</Item>')
    expect(body).toContain('<Item Name="ELocationID" Type="String">pii: e2308706120. doi: 10.1073/pnas.2308706120</Item>')
    expect(body).toContain('<Item Name="SO" Type="String">2024 Jan 2;121(1):e2308706120</Item>')
    const [summary] = parseSummaryReply(body)
    expect(summary).toMatchObject({
      pmid: SOCIAL_FEAR,
      title: 'Social anxiety disorder-associated gut microbiota increases social fear.',
      journal: 'Proc Natl Acad Sci U S A',
      year: 2024,
      doi: '10.1073/pnas.2308706120'
    })
    expect(summary.authors.slice(0, 2)).toEqual(['Ritz NL', 'Brocka M'])
    expect(summary.authors).toHaveLength(23)
  })

  it('summarises every recorded record in a form the app reads, one batch, one request', async () => {
    const ids = corpus.records.map(r => r.pmid)
    const summaries = parseSummaryReply(await postText('esummary.fcgi', { db: 'pubmed', id: ids.join(',') }))
    expect(summaries.map(s => s.pmid)).toEqual(ids)
    for (const s of summaries) expect(s.title).toBe(corpus.byPmid.get(s.pmid)!.title)
    expect(parsePubmedArticleSet(await postText('efetch.fcgi', { db: 'pubmed', id: ids.join(',') }))).toHaveLength(31)
  })

  it('writes a collective author, a season date and a title without markup as NCBI does', async () => {
    const [kie, rct, panel] = parseSummaryReply(await postText('esummary.fcgi', { db: 'pubmed', id: `12091962,${ASPIRE},34843274` }))
    expect(kie.year).toBe(1990)
    expect([rct.authors[0], rct.authors.at(-1)]).toEqual(['Brighton TA', 'ASPIRE Investigators'])
    expect(panel.authors).toEqual(['Guideline Development Panel for the Treatment of Depressive Disorders'])
    const body = await postText('esummary.fcgi', { db: 'pubmed', id: '12091962,27797938' })
    expect(body).toContain('<Item Name="PubDate" Type="Date">1990 Spring</Item>')
    expect(body).toContain('Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.</Item>')
    expect(body).not.toMatch(/<Item Name="Title" Type="String">[^<]*&lt;i&gt;/)
  })

  it("answers an unknown PMID with NCBI's per-id ERROR", async () => {
    const body = await postText('esummary.fcgi', { db: 'pubmed', id: `${ASPIRE},99999999` })
    expect(body).toContain('<Id>23121403</Id>')
    expect(body).toContain('<ERROR>UID=99999999: cannot get document summary</ERROR>')
  })
})

describe('elink', () => {
  const link = async (id: string, linkname: string) =>
    parseLinkReply(await postText('elink.fcgi', { dbfrom: 'pubmed', db: 'pubmed', id, linkname, cmd: 'neighbor' }))[linkname] ?? []

  it("lists the PMIDs a record's ReferenceList names as its references", async () => {
    const record = corpus.byPmid.get(SOCIAL_FEAR)!
    const refList = record.xml.slice(record.xml.indexOf('<ReferenceList>'))
    const named = [...refList.matchAll(/<ArticleId IdType="pubmed">(\d+)<\/ArticleId>/g)].map(m => m[1]).filter(id => id !== SOCIAL_FEAR)
    expect(named.length).toBeGreaterThan(40)
    expect(await link(SOCIAL_FEAR, 'pubmed_pubmed_refs')).toEqual(named)
  })

  it('keeps "cited by" and "references" consistent, injected links included', async () => {
    server.setRoutes(ncbiRoutes(corpus, { links: { [SOCIAL_FEAR]: { pubmed_pubmed_citedin: [NEJM_2018, ASPIRE] } } }))
    expect(await link(SOCIAL_FEAR, 'pubmed_pubmed_citedin')).toEqual([NEJM_2018, ASPIRE])
    expect(await link(NEJM_2018, 'pubmed_pubmed_refs')).toEqual([SOCIAL_FEAR])
    for (const r of corpus.records) {
      for (const ref of r.references.filter(id => corpus.byPmid.has(id))) {
        expect(await link(ref, 'pubmed_pubmed_citedin')).toContain(r.pmid)
      }
    }
  })

  it('lists similar articles (shared MeSH), the paper itself first; none for an unknown PMID', async () => {
    const similar = await link(ASPIRE, 'pubmed_pubmed')
    expect(similar[0]).toBe(ASPIRE)
    expect(similar).toContain(NEJM_2018) // five shared descriptors
    const body = await postText('elink.fcgi', { dbfrom: 'pubmed', id: '99999999', cmd: 'neighbor' })
    expect(body).toContain('<Id>99999999</Id>')
    expect(parseLinkReply(body)).toEqual({})
  })
})

describe('the PMC ID converter', () => {
  it('converts a PMCID, a DOI and a PMID it knows, and says which it does not', async () => {
    const res = await get('/idconv/?ids=PMC10769841,10.1136/GUTJNL-2016-312510,23121403,nonsense&format=json&tool=neuroref&email=e2e%40neuroref.test')
    expect(res.headers.get('content-type')).toBe('application/json')
    const json = await res.json()
    expect(json).toMatchObject({
      status: 'ok',
      request: 'ids=PMC10769841%2C10.1136%2FGUTJNL-2016-312510%2C23121403%2Cnonsense;format=json;tool=neuroref;email=e2e%40neuroref.test'
    })
    expect(parseIdConverterReply(json)).toEqual([
      { pmcid: 'PMC10769841', pmid: SOCIAL_FEAR, doi: '10.1073/pnas.2308706120' },
      { pmcid: 'PMC5442267', pmid: '27797938', doi: '10.1136/gutjnl-2016-312510' },
      { pmid: ASPIRE, error: 'Identifier not found in PMC' },
      { error: 'invalid article id' }
    ])
  })
})

describe('politeness', () => {
  it('counts the most requests seen in any one second', () => {
    const at = (path: string, receivedAt: number) => ({ method: 'POST', path, query: {}, body: '', headers: {}, receivedAt })
    const requests = [
      at('/eutils/efetch.fcgi', 0),
      at('/eutils/esearch.fcgi', 400),
      at('/crossref/works/x', 500),
      at('/eutils/efetch.fcgi', 999),
      at('/eutils/efetch.fcgi', 1000),
      at('/eutils/efetch.fcgi', 2100)
    ]
    expect(requestsPerSecondMax(requests, '/eutils/')).toBe(3)
    expect(requestsPerSecondMax(requests, '/crossref/')).toBe(1)
    expect(requestsPerSecondMax([], '/eutils/')).toBe(0)
  })
})

describe('computed answers in the replay server', () => {
  it('passes over a route whose respond gives nothing, counts times, and still applies faults', async () => {
    const [efetchRoute] = ncbiRoutes(corpus)
    server.setRoutes([
      { path: '/x', respond: () => undefined },
      { path: '/x', respond: req => ({ body: `second ${req.query.n}`, headers: { 'x-replay': 'yes' } }), times: 1 },
      { path: '/x', body: 'fixed' },
      { ...efetchRoute, fault: 'truncate' }
    ])
    const first = await get('/x?n=1')
    expect([await first.text(), first.headers.get('x-replay'), first.headers.get('content-type')]).toEqual(['second 1', 'yes', 'text/plain'])
    expect(await (await get('/x?n=2')).text()).toBe('fixed')
    await expect(post('efetch.fcgi', { db: 'pubmed', id: ASPIRE }).then(r => r.text())).rejects.toThrow()
  })
})
