// Time in the replay NCBI (e2e/replay/ncbi-timeline.ts) over HTTP, read with
// the app's own parser: Entrez date ranges, papers held back and released
// later, and PubMed's complaint about a field-tagged phrase found nowhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPubmedCorpus, ncbiRoutes, type PubmedCorpus } from '../../e2e/replay/ncbi-corpus'
import { startReplayServer, type ReplayServer } from '../../e2e/replay/server'
import { parseSearchReply, parseSummaryReply } from '../main/services/pubmed/parse-eutils'
import { parsePubmedArticleSet } from '../main/services/pubmed/parse-efetch'

const SOCIAL_FEAR = '38147649' // Entrez date 2023/12/26 in its History
const BURNS = '36987902' // Entrez 2023/03/29
const SWEDISH = '29292925' // a record with no History at all

let corpus: PubmedCorpus
let server: ReplayServer

beforeAll(async () => {
  corpus = loadPubmedCorpus()
  server = await startReplayServer([])
})
afterAll(() => server.close())

async function esearch(form: Record<string, string>) {
  const res = await fetch(`${server.url}/eutils/esearch.fcgi`, { method: 'POST', body: new URLSearchParams({ db: 'pubmed', retmax: '100', ...form }) })
  return { body: await res.clone().text(), reply: parseSearchReply(await res.text()) }
}
const post = async (tool: string, form: Record<string, string>) =>
  (await fetch(`${server.url}/eutils/${tool}`, { method: 'POST', body: new URLSearchParams({ db: 'pubmed', ...form }) })).text()

describe('Entrez dates', () => {
  it('are read from the record: "entrez", else "pubmed", none without History', () => {
    expect(corpus.byPmid.get(SOCIAL_FEAR)?.entrezDate).toBe('2023/12/26')
    expect(corpus.byPmid.get(BURNS)?.entrezDate).toBe('2023/03/29')
    expect(corpus.byPmid.get(SWEDISH)?.entrezDate).toBeUndefined()
  })

  it('limit esearch with datetype=edat, mindate and maxdate (days, months or years)', async () => {
    server.setRoutes(ncbiRoutes(corpus))
    const all = (await esearch({ term: 'patients' })).reply.ids
    expect(all).toContain(SOCIAL_FEAR)
    const since = await esearch({ term: 'patients', datetype: 'edat', mindate: '2023/12/26', maxdate: '3000' })
    expect(since.reply.ids.sort()).toEqual(all.filter(id => corpus.byPmid.get(id)!.entrezDate! >= '2023/12/26').sort())
    expect(since.reply.ids).toContain(SOCIAL_FEAR)
    expect(since.reply.ids).not.toContain(BURNS)
    expect(since.body).toContain('AND 2023/12/26:3000/12/31[Date - Entrez]')
    const year2023 = await esearch({ term: 'patients', datetype: 'edat', mindate: '2023', maxdate: '2023/12' })
    expect(year2023.reply.ids.sort()).toEqual([BURNS, SOCIAL_FEAR].sort())
    const dayAfter = await esearch({ term: 'patients', datetype: 'edat', mindate: '2023/12/27', maxdate: '2024/01/01' })
    expect(dayAfter.reply).toMatchObject({ count: 0, ids: [], warnings: ['No items found.'] })
  })

  it('are ignored without both bounds, as NCBI ignores them', async () => {
    server.setRoutes(ncbiRoutes(corpus))
    const all = await esearch({ term: 'patients' })
    const half = await esearch({ term: 'patients', datetype: 'edat', mindate: '2024/01/01' })
    expect(half.reply.ids).toEqual(all.reply.ids)
  })
})

describe('papers held back and released later', () => {
  it('are absent from every answer until released, then dated on the release day', async () => {
    const routes = ncbiRoutes(corpus, { heldBack: [SOCIAL_FEAR] })
    server.setRoutes([...routes])
    const before = await esearch({ term: 'patients' })
    expect(before.reply.ids).not.toContain(SOCIAL_FEAR)
    expect((await esearch({ term: `${SOCIAL_FEAR}[pmid]` })).reply).toMatchObject({ count: 0, errors: [`Phrase not found: ${SOCIAL_FEAR}`] })
    expect(parsePubmedArticleSet(await post('efetch.fcgi', { retmode: 'xml', id: SOCIAL_FEAR }))).toEqual([])
    expect(await post('esummary.fcgi', { id: SOCIAL_FEAR })).toContain(`<ERROR>UID=${SOCIAL_FEAR}: cannot get document summary</ERROR>`)

    routes.release(SOCIAL_FEAR, new Date('2026-03-02T09:00:00Z'))
    const after = await esearch({ term: 'patients' })
    expect(after.reply.count).toBe(before.reply.count + 1)
    const news = await esearch({ term: 'patients', datetype: 'edat', mindate: '2026/03/02', maxdate: '3000' })
    expect(news.reply.ids).toEqual([SOCIAL_FEAR])
    const old = await esearch({ term: 'patients', datetype: 'edat', mindate: '2023/12/26', maxdate: '2023/12/26' })
    expect(old.reply.ids).toEqual([])
    expect(parsePubmedArticleSet(await post('efetch.fcgi', { retmode: 'xml', id: SOCIAL_FEAR })).map(r => r.pmid)).toEqual([SOCIAL_FEAR])
    expect(parseSummaryReply(await post('esummary.fcgi', { id: SOCIAL_FEAR }))[0].title).toMatch(/^Social anxiety disorder/)
  })

  it('hides them from links and the ID converter too', async () => {
    const routes = ncbiRoutes(corpus, { heldBack: [SOCIAL_FEAR], links: { '27797938': { pubmed_pubmed_citedin: [SOCIAL_FEAR, '39382274'] } } })
    server.setRoutes(routes)
    const citedIn = await post('elink.fcgi', { dbfrom: 'pubmed', id: '27797938', linkname: 'pubmed_pubmed_citedin', cmd: 'neighbor' })
    expect(citedIn).toContain('<Id>39382274</Id>')
    expect(citedIn).not.toContain(SOCIAL_FEAR)
    const idconv = await (await fetch(`${server.url}/idconv/?ids=PMC10769841&format=json`)).json()
    expect(idconv.records[0]).toMatchObject({ status: 'error', errmsg: 'Identifier not found in PMC' })
    routes.release(SOCIAL_FEAR)
    expect((await (await fetch(`${server.url}/idconv/?ids=PMC10769841&format=json`)).json()).records[0].pmid).toBe(SOCIAL_FEAR)
  })

  it('refuses to hold back or release what is not recorded or not held', () => {
    expect(() => ncbiRoutes(corpus, { heldBack: ['99999999'] })).toThrow(/99999999/)
    expect(() => ncbiRoutes(corpus).release(SOCIAL_FEAR)).toThrow(/not held back/)
  })
})

describe('a phrase found nowhere', () => {
  it('is named with its field tag in ErrorList/PhraseNotFound, as NCBI does', async () => {
    server.setRoutes(ncbiRoutes(corpus))
    const { body, reply } = await esearch({ term: 'fleegle[MeSH Terms]' })
    expect(body).toContain('<ErrorList><PhraseNotFound>fleegle[MeSH Terms]</PhraseNotFound></ErrorList>')
    expect(body).toContain('<QueryTranslation>"fleegle"[MeSH Terms]</QueryTranslation>')
    expect(reply).toMatchObject({ count: 0, errors: ['Phrase not found: fleegle[MeSH Terms]'] })
    const mixed = await esearch({ term: '(oxytocin[tiab] OR fleegle)[tiab] AND "social fear"' })
    expect(mixed.reply.errors).toEqual(['Phrase not found: fleegle'])
  })
})
