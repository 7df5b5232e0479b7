// Saved PubMed searches on fake-indexeddb. Checks go through the app's real
// handlers to the replay NCBI (e2e/replay), where a test releases a recorded
// paper "later"; a fake api stands in where only the calls matter (paging,
// offline, failures).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadPubmedCorpus, ncbiRoutes, type PubmedCorpus } from '../../../../e2e/replay/ncbi-corpus'
import { startReplayServer, type ReplayServer } from '../../../../e2e/replay/server'
import { CHANNELS, type NeurorefApi, type PubmedSearchPage } from '@shared/contract'
import type { Item } from '@shared/model'
import { fail, ok } from '@shared/result'
import { readConfig } from '../../../main/config'
import { createHandlers } from '../../../main/channels'
import { invokeChannel } from '../../../main/invoke'
import { createHttpClient } from '../../../main/services/http'
import { checkDueSearches, checkPubmedSearch, entrezDate, forgetNewPmids, savePubmedSearch } from './pubmed-searches'
import { withContact } from '../with-contact'
import { openLibrary, type NeurorefDb } from './schema'

const SOCIAL_FEAR = '38147649' // matches "patients"; Entrez date 2023/12/26 as recorded
const DERMATOMYOSITIS = '38909159' // matches "patients" too
const DAY = 24 * 3600 * 1000
const SAVED_AT = Date.parse('2026-03-02T08:00:00Z')
const contact = { email: 'lab@example.org' }

let corpus: PubmedCorpus
let server: ReplayServer
let db: NeurorefDb

beforeAll(async () => {
  corpus = loadPubmedCorpus()
  server = await startReplayServer([])
})
afterAll(() => server.close())
afterEach(async () => {
  server.requests.length = 0
  await db?.delete()
})

/** The api as the web edition serves it: every channel through main's handlers, with the contact added as the window's transport does. */
function replayApi(): NeurorefApi {
  const config = readConfig({ NEUROREF_EUTILS_URL: `${server.url}/eutils/`, NEUROREF_IDCONV_URL: `${server.url}/idconv/` })
  const platform = { edition: 'web' as const, saveFile: async () => null, openExternal: async () => undefined }
  const handlers = createHandlers({ config, http: createHttpClient({ sleep: async () => undefined }), platform, version: 'test' })
  const api = Object.fromEntries(CHANNELS.map(c => [c, (arg: unknown) => invokeChannel(handlers, c, arg)])) as unknown as NeurorefApi
  return withContact(api, async () => contact)
}

/** Only 'pubmed.search', answering from a list of PMIDs; records each call. */
function fakeApi(answer: (arg: { start: number; size: number }) => ReturnType<NeurorefApi['pubmed.search']>) {
  const calls: Parameters<NeurorefApi['pubmed.search']>[0][] = []
  const api = { 'pubmed.search': (arg: Parameters<NeurorefApi['pubmed.search']>[0]) => (calls.push(arg), answer(arg)) }
  return { api: api as unknown as NeurorefApi, calls }
}

function pageOf(all: string[], start: number, size: number): PubmedSearchPage {
  const pmids = all.slice(start, start + size)
  return { count: all.length, pmids, papers: [], notes: [] }
}

async function ownPaper(pmid: string): Promise<void> {
  const item: Item = {
    id: `item-${pmid}`,
    pmid,
    csl: { type: 'article-journal', title: `Paper ${pmid}` },
    titleWords: [],
    tags: [],
    collectionIds: [],
    addedAt: 1,
    modifiedAt: 1,
    sources: ['pubmed']
  }
  await db.items.add(item)
}

describe('saving and checking a PubMed search', () => {
  it('a saved search starts from the day it was saved and lists papers PubMed adds later', async () => {
    db = openLibrary(`pubmed-searches-${Math.random()}`)
    const routes = ncbiRoutes(corpus, { heldBack: [SOCIAL_FEAR] })
    server.setRoutes(routes)
    const saved = await savePubmedSearch(db, 'Patients', 'patients', SAVED_AT)
    expect(saved).toMatchObject({ name: 'Patients', query: 'patients', checkFrom: '2026/03/02', newPmids: [], lastCheckedAt: SAVED_AT })

    const api = replayApi()
    expect(await checkPubmedSearch(db, api, saved.id, SAVED_AT + 3600_000)).toEqual({ found: 0 })
    routes.release(SOCIAL_FEAR, new Date(SAVED_AT + 2 * 3600_000))
    expect(await checkPubmedSearch(db, api, saved.id, SAVED_AT + 4 * 3600_000)).toEqual({ found: 1 })
    expect(await db.pubmedSearches.get(saved.id)).toMatchObject({ newPmids: [SOCIAL_FEAR], lastCheckedAt: SAVED_AT + 4 * 3600_000, checkFrom: '2026/03/02' })
    const asked = server.requests.filter(r => r.path === '/eutils/esearch.fcgi').map(r => r.query)
    expect(asked.at(-1)).toMatchObject({ term: 'patients', datetype: 'edat', mindate: '2026/03/02' })

    // Checked again the same day: the paper is found again but listed once.
    expect(await checkPubmedSearch(db, api, saved.id, SAVED_AT + 5 * 3600_000)).toEqual({ found: 0 })
    expect((await db.pubmedSearches.get(saved.id))?.newPmids).toEqual([SOCIAL_FEAR])
    await forgetNewPmids(db, saved.id, [SOCIAL_FEAR])
    expect((await db.pubmedSearches.get(saved.id))?.newPmids).toEqual([])
  })

  it('new papers leave out those already in the library', async () => {
    db = openLibrary(`pubmed-searches-${Math.random()}`)
    const routes = ncbiRoutes(corpus, { heldBack: [SOCIAL_FEAR, DERMATOMYOSITIS] })
    server.setRoutes(routes)
    const saved = await savePubmedSearch(db, 'Patients', 'patients', SAVED_AT)
    await ownPaper(DERMATOMYOSITIS)
    routes.release(SOCIAL_FEAR, new Date(SAVED_AT + DAY))
    routes.release(DERMATOMYOSITIS, new Date(SAVED_AT + DAY))
    expect(await checkPubmedSearch(db, replayApi(), saved.id, SAVED_AT + DAY)).toEqual({ found: 1 })
    const after = await db.pubmedSearches.get(saved.id)
    expect(after?.newPmids).toEqual([SOCIAL_FEAR])
    expect(after?.checkFrom).toBe(entrezDate(SAVED_AT + DAY))

    // Added meanwhile: the next check drops it from the list.
    await ownPaper(SOCIAL_FEAR)
    await checkPubmedSearch(db, replayApi(), saved.id, SAVED_AT + DAY + 1000)
    expect((await db.pubmedSearches.get(saved.id))?.newPmids).toEqual([])
  })

  it('pages through more new papers than one request returns', async () => {
    db = openLibrary(`pubmed-searches-${Math.random()}`)
    const all = Array.from({ length: 450 }, (_, i) => String(40_000_000 + i))
    const { api, calls } = fakeApi(async ({ start, size }) => ok(pageOf(all, start, size)))
    const saved = await savePubmedSearch(db, 'Many', 'oxytocin', SAVED_AT)
    expect(await checkPubmedSearch(db, api, saved.id, SAVED_AT + DAY)).toEqual({ found: 450 })
    expect(calls.map(c => [c.start, c.since])).toEqual([
      [0, '2026/03/02'],
      [200, '2026/03/02'],
      [400, '2026/03/02']
    ])
    expect((await db.pubmedSearches.get(saved.id))?.newPmids).toEqual(all)
  })

  it('a failed check is stored as lastError, changes nothing else, and a good check clears it', async () => {
    db = openLibrary(`pubmed-searches-${Math.random()}`)
    const saved = await savePubmedSearch(db, 'Oxytocin', 'oxytocin', SAVED_AT)
    const message = 'Could not reach PubMed. Check the internet connection.'
    const down = fakeApi(async () => fail('OFFLINE', message))
    expect(await checkPubmedSearch(db, down.api, saved.id, SAVED_AT + DAY)).toEqual({ error: { code: 'OFFLINE', message } })
    expect(await db.pubmedSearches.get(saved.id)).toMatchObject({ lastError: message, lastCheckedAt: SAVED_AT, checkFrom: '2026/03/02', newPmids: [] })

    const up = fakeApi(async ({ start, size }) => ok(pageOf(['40000001'], start, size)))
    await checkPubmedSearch(db, up.api, saved.id, SAVED_AT + DAY + 1)
    const after = await db.pubmedSearches.get(saved.id)
    expect(after?.lastError).toBeUndefined()
    expect(after?.newPmids).toEqual(['40000001'])
  })

  it('a query PubMed cannot use is stored in PubMed’s words', async () => {
    db = openLibrary(`pubmed-searches-${Math.random()}`)
    server.setRoutes(ncbiRoutes(corpus))
    const saved = await savePubmedSearch(db, 'Typo', 'fleegle[MeSH Terms]', SAVED_AT)
    const result = await checkPubmedSearch(db, replayApi(), saved.id, SAVED_AT + DAY)
    expect(result).toMatchObject({ error: { code: 'INVALID_INPUT' } })
    expect((await db.pubmedSearches.get(saved.id))?.lastError).toBe('PubMed could not use this query: Phrase not found: fleegle[MeSH Terms].')
  })
})

describe('checks at start-up', () => {
  it('never happen offline', async () => {
    db = openLibrary(`pubmed-searches-${Math.random()}`)
    const { api, calls } = fakeApi(async ({ start, size }) => ok(pageOf([], start, size)))
    await savePubmedSearch(db, 'Oxytocin', 'oxytocin', SAVED_AT)
    await checkDueSearches(db, api, false, SAVED_AT + 3 * DAY)
    expect(calls).toHaveLength(0)
  })

  it('happen at most once a day per search', async () => {
    db = openLibrary(`pubmed-searches-${Math.random()}`)
    const { api, calls } = fakeApi(async ({ start, size }) => ok(pageOf([], start, size)))
    const fresh = await savePubmedSearch(db, 'Fresh', 'vasopressin', SAVED_AT)
    const stale = await savePubmedSearch(db, 'Stale', 'oxytocin', SAVED_AT - DAY)
    await checkDueSearches(db, api, true, SAVED_AT + DAY - 60_000)
    expect(calls.map(c => c.query)).toEqual(['oxytocin'])
    expect((await db.pubmedSearches.get(stale.id))?.lastCheckedAt).toBe(SAVED_AT + DAY - 60_000)
    expect((await db.pubmedSearches.get(fresh.id))?.lastCheckedAt).toBe(SAVED_AT)

    await checkDueSearches(db, api, true, SAVED_AT + DAY)
    expect(calls.map(c => c.query)).toEqual(['oxytocin', 'vasopressin'])
  })
})
