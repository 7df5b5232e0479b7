// Requests to NCBI E-utilities and the PMC ID converter. Every request names
// the tool and the contact email (NCBI's rules); PMIDs travel in batches of
// 200 per POST, never one request per paper. The HTTP client spaces requests
// to NCBI (3/s, or 10/s with an API key).
import type { PaperSummary, ReferenceRecord } from '@shared/model'
import type { HttpClient } from '../http-types'
import { parsePubmedArticleSetInTurns } from './parse-efetch'
import { parseIdConverterReply, parseLinkReply, parseSearchReply, parseSummaryReply, type IdConversion, type Summary } from './parse-eutils'

export interface EutilsDeps {
  http: HttpClient
  eutilsUrl: string
  idconvUrl: string
  email?: string
  apiKey?: string
  signal?: AbortSignal
}

const EFETCH_BATCH = 200
const ESEARCH_DOI_BATCH = 50
const IDCONV_BATCH = 200

function ncbiParams(deps: EutilsDeps, params: Record<string, string>): Record<string, string> {
  return {
    ...params,
    tool: 'neuroref',
    ...(deps.email ? { email: deps.email } : {}),
    ...(deps.apiKey ? { api_key: deps.apiKey } : {})
  }
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/** POST to one E-utility with NCBI's tool/email/api_key parameters. */
export function postEutils(deps: EutilsDeps, tool: string, params: Record<string, string>): Promise<string> {
  return deps.http.getText({ url: `${deps.eutilsUrl}${tool}`, method: 'POST', form: ncbiParams(deps, params), signal: deps.signal })
}

/** A turn of main's event loop: timers (the next request's turn) and other answers go first. */
const nextTurn = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

/** The reply being read, after which the next one starts. */
let reading: Promise<unknown> = Promise.resolve()

/**
 * Reads efetch replies one at a time, in the order they arrive: the window stores lookups in order, so
 * several replies read in turns side by side (three lookups are under way) would all be done late, the
 * first no sooner than the last.
 */
function readInOrder(xml: string): Promise<ReferenceRecord[]> {
  const read = reading.then(() => parsePubmedArticleSetInTurns(xml, nextTurn))
  reading = read.catch(() => undefined)
  return read
}

/** Full PubMed records for these PMIDs (unknown PMIDs are simply absent). */
export async function fetchPubmedRecords(pmids: string[], deps: EutilsDeps): Promise<ReferenceRecord[]> {
  const records: ReferenceRecord[] = []
  const fetchBatch = (batch: string[]): Promise<string> => postEutils(deps, 'efetch.fcgi', { db: 'pubmed', retmode: 'xml', id: batch.join(',') })
  const batches = chunks(pmids, EFETCH_BATCH)
  let next = batches.length ? fetchBatch(batches[0]) : undefined
  for (let i = 0; next; i++) {
    const xml = await next
    // Ask for the next batch before reading this one, so NCBI's spacing and the network overlap the parse.
    next = i + 1 < batches.length ? fetchBatch(batches[i + 1]) : undefined
    next?.catch(() => undefined) // awaited next time round; a parse error here must not leave it unhandled
    records.push(...(await readInOrder(xml)))
  }
  return records
}

/** Which PMIDs PubMed has for these DOIs (esearch on the DOI field). */
export async function searchPmidsByDoi(dois: string[], deps: EutilsDeps): Promise<string[]> {
  const pmids: string[] = []
  for (const batch of chunks(dois, ESEARCH_DOI_BATCH)) {
    const term = batch.map(doi => `"${doi}"[doi]`).join(' OR ')
    const found = parseSearchReply(await postEutils(deps, 'esearch.fcgi', { db: 'pubmed', term, retmax: String(batch.length * 2) }))
    pmids.push(...found.ids)
  }
  return pmids
}

/** Short summaries (title, journal, year, authors) for result lists. */
async function summarisePmids(pmids: string[], deps: EutilsDeps): Promise<Summary[]> {
  const out: Summary[] = []
  for (const batch of chunks(pmids, EFETCH_BATCH)) {
    out.push(...parseSummaryReply(await postEutils(deps, 'esummary.fcgi', { db: 'pubmed', id: batch.join(',') })))
  }
  return out
}

/** One line per PMID for result lists, in the order given (PMIDs PubMed does not know are left out). */
export async function paperSummaries(pmids: string[], deps: EutilsDeps): Promise<PaperSummary[]> {
  const byPmid = new Map((pmids.length ? await summarisePmids(pmids, deps) : []).map(s => [s.pmid, s]))
  return pmids.flatMap(pmid => {
    const s = byPmid.get(pmid)
    return s ? [{ pmid, title: s.title, authors: shortAuthorList(s.authors), journal: s.journal, year: s.year, doi: s.doi }] : []
  })
}

function shortAuthorList(authors: string[]): string {
  return authors.length > 3 ? `${authors.slice(0, 3).join(', ')}, et al.` : authors.join(', ')
}

/** PMIDs linked to one paper: 'pubmed_pubmed' (similar), '…_citedin', '…_refs'. */
export async function linkedPmids(pmid: string, linkname: string, deps: EutilsDeps): Promise<string[]> {
  const links = parseLinkReply(await postEutils(deps, 'elink.fcgi', { dbfrom: 'pubmed', db: 'pubmed', id: pmid, linkname, cmd: 'neighbor' }))
  return links[linkname] ?? []
}

/** PMCIDs (or DOIs, PMIDs) → all three ids, through the PMC ID converter. */
export async function convertIds(ids: string[], deps: EutilsDeps): Promise<IdConversion[]> {
  const out: IdConversion[] = []
  for (const batch of chunks(ids, IDCONV_BATCH)) {
    const query = new URLSearchParams(ncbiParams(deps, { ids: batch.join(','), format: 'json' }))
    out.push(...parseIdConverterReply(await deps.http.getText({ url: `${deps.idconvUrl}?${query}`, signal: deps.signal })))
  }
  return out
}
