// Replay routes that answer E-utilities (efetch, esearch, esummary, elink) and
// the PMC ID converter for whatever ids the app asks, from the recorded corpus
// (see ncbi-corpus.ts for what is recorded and what is generated). Papers held
// back are absent from every answer until released (ncbi-timeline.ts).
import { isIdentifierValue } from '@shared/identifiers'
import type { ReplayAnswer, ReplayRequest, ReplayRoute } from './server'
import type { PubmedCorpus, PubmedRecord } from './ncbi-corpus'
import { citationGraph, similarTo, type LinkName } from './ncbi-links'
import { findByIds, searchText } from './ncbi-search'
import { entrezRange, timeline, type ReleaseControl } from './ncbi-timeline'
import { elinkXml, esearchXml, esummaryXml, idconvJson, JSON_TYPE, pubmedArticleSet, utilityError, XML_TYPE, type IdconvRecord } from './ncbi-replies'

export type { LinkName }

export interface NcbiRouteOptions {
  /** where E-utilities live on the replay server; default '/eutils/' (replayEnvironment) */
  eutilsPath?: string
  /** where the ID converter lives; default '/idconv/' */
  idconvPath?: string
  /** links no record holds, merged in: { pmid: { pubmed_pubmed_citedin: [...] } } */
  links?: Record<string, Partial<Record<LinkName, string[]>>>
  /** the converter's responseDate and the default release day; default the real clock */
  now?: () => Date
  /** PMIDs absent from every answer until `routes.release(pmid, date?)` */
  heldBack?: string[]
}

/** The routes, and the handle that releases held-back papers. */
export type NcbiRoutes = ReplayRoute[] & ReleaseControl

const DEFAULT_RETMAX = 20

const xml = (body: string, status = 200): ReplayAnswer => ({ status, body, contentType: XML_TYPE })

/** ids from `id=1,2, 3`, without repeats, in the order asked */
function idList(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map(s => s.trim())
        .filter(Boolean)
    )
  ]
}

function paging(q: Record<string, string>): { start: number; max: number } {
  const start = Math.max(0, Number.parseInt(q.retstart ?? '0', 10) || 0)
  const max = q.retmax === undefined ? DEFAULT_RETMAX : Math.max(0, Number.parseInt(q.retmax, 10) || 0)
  return { start, max }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function ncbiRoutes(recorded: PubmedCorpus, opts: NcbiRouteOptions = {}): NcbiRoutes {
  const eutils = opts.eutilsPath ?? '/eutils/'
  const idconv = opts.idconvPath ?? '/idconv/'
  const now = opts.now ?? (() => new Date())
  const time = timeline(recorded, opts.heldBack ?? [], now)
  const graph = citationGraph(recorded, opts.links ?? {})
  /** what each answer may show: papers still held back are left out */
  let corpus = time.shown()
  const held = (id: string): boolean => recorded.byPmid.has(id) && !corpus.byPmid.has(id)
  const visible = (ids: string[]): string[] => ids.filter(id => !held(id))
  /** the history server: WebEnv → result lists by query key */
  const history = new Map<string, string[][]>()

  const isPubmed = (q: Record<string, string>, key = 'db'): boolean => (q[key] ?? 'pubmed') === 'pubmed'

  /** PMIDs named by `id`, or by `query_key` + `WebEnv` (paged by retstart/retmax like NCBI). */
  function askedIds(q: Record<string, string>): string[] | { error: string } {
    if (q.id !== undefined) return idList(q.id)
    if (q.query_key === undefined || q.WebEnv === undefined) return { error: 'Empty id list - nothing todo' }
    const stored = history.get(q.WebEnv)?.[Number(q.query_key) - 1]
    if (!stored) return { error: `Unable to obtain query #${q.query_key}` }
    const { start, max } = paging(q)
    return stored.slice(start, start + max)
  }

  function remember(ids: string[], webEnvAsked: string | undefined): { queryKey: number; webEnv: string } {
    const webEnv = webEnvAsked && history.has(webEnvAsked) ? webEnvAsked : `MCID_replay_${String(history.size + 1).padStart(4, '0')}`
    const lists = history.get(webEnv) ?? []
    lists.push(ids)
    history.set(webEnv, lists)
    return { queryKey: lists.length, webEnv }
  }

  const efetch = ({ query: q }: ReplayRequest): ReplayAnswer | undefined => {
    if (!isPubmed(q) || (q.retmode ?? 'xml') !== 'xml' || !['', 'xml', 'full'].includes(q.rettype ?? '')) return undefined
    const ids = askedIds(q)
    if ('error' in ids) return xml(utilityError('eFetchResult', ids.error), 400)
    return xml(pubmedArticleSet(ids.map(id => corpus.byPmid.get(id)).filter((r): r is PubmedRecord => !!r)))
  }

  const esearch = ({ query: q }: ReplayRequest): ReplayAnswer | undefined => {
    if (!isPubmed(q)) return undefined
    const term = q.term ?? ''
    const found = findByIds(corpus, term) ?? searchText(corpus, term)
    const range = entrezRange(q)
    const ids = range ? found.ids.filter(id => time.inRange(id, range)) : found.ids
    const translation = range ? `(${found.translation}) AND ${range.min}:${range.max}[Date - Entrez]` : found.translation
    const { start, max } = paging(q)
    return xml(
      esearchXml({
        count: ids.length,
        retStart: start,
        ids: ids.slice(start, start + max),
        translation,
        notFound: found.notFound,
        ...(q.usehistory === 'y' ? { history: remember(ids, q.WebEnv) } : {})
      })
    )
  }

  const esummary = ({ query: q }: ReplayRequest): ReplayAnswer | undefined => {
    if (!isPubmed(q)) return undefined
    const ids = askedIds(q)
    if ('error' in ids) return xml(utilityError('eSummaryResult', ids.error))
    const found = ids.map(id => corpus.byPmid.get(id)).filter((r): r is PubmedRecord => !!r)
    return xml(
      esummaryXml(
        found,
        ids.filter(id => !corpus.byPmid.has(id))
      )
    )
  }

  const elink = ({ query: q }: ReplayRequest): ReplayAnswer | undefined => {
    if (!isPubmed(q, 'dbfrom') || !isPubmed(q) || (q.cmd ?? 'neighbor') !== 'neighbor') return undefined
    const ids = idList(q.id)
    if (!ids.length) return xml(utilityError('eLinkResult', 'Empty id list - nothing todo'))
    const names: LinkName[] = q.linkname ? (q.linkname.split(',') as LinkName[]) : ['pubmed_pubmed', 'pubmed_pubmed_citedin', 'pubmed_pubmed_refs']
    const linksOf = (pmid: string, name: LinkName): string[] => {
      if (held(pmid)) return []
      if (name === 'pubmed_pubmed') return [...new Set([...similarTo(corpus, pmid), ...visible(graph.extraSimilar(pmid))])]
      if (name === 'pubmed_pubmed_refs') return visible(graph.refs(pmid))
      if (name === 'pubmed_pubmed_citedin') return visible(graph.citedIn(pmid))
      return []
    }
    return xml(elinkXml(ids.map(pmid => ({ pmid, links: names.map((n): [string, string[]] => [n, linksOf(pmid, n)]) }))))
  }

  const idconverter = (req: ReplayRequest): ReplayAnswer | undefined => {
    const asked = idList(req.query.ids)
    const records = asked.map(id => convert(corpus, id))
    // "tool=…;email=…;ids=…;format=json", as the converter echoes the request
    const request = Object.entries(req.query)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join(';')
    return { body: idconvJson(request, records, now()), contentType: JSON_TYPE }
  }

  const at = (base: string, tool: string): RegExp => new RegExp(`^${escapeRegExp(base)}${escapeRegExp(tool)}$`)
  const routes: ReplayRoute[] = [
    { path: at(eutils, 'efetch.fcgi'), respond: efetch },
    { path: at(eutils, 'esearch.fcgi'), respond: esearch },
    { path: at(eutils, 'esummary.fcgi'), respond: esummary },
    { path: at(eutils, 'elink.fcgi'), respond: elink },
    { method: 'GET', path: new RegExp(`^${escapeRegExp(idconv.replace(/\/$/, ''))}/?$`), respond: idconverter }
  ]
  const release: ReleaseControl['release'] = (pmid, date) => {
    time.release(pmid, date)
    corpus = time.shown()
  }
  return Object.assign(routes, { release })
}

/** One line of the converter's answer: all three ids when the paper is in PMC. */
function convert(corpus: PubmedCorpus, id: string): IdconvRecord {
  // The converter also takes a versioned PMCID ("PMC7956822.1").
  const isPmcid = isIdentifierValue('pmcid', id.replace(/\.\d+$/, ''))
  const isPmid = isIdentifierValue('pmid', id)
  const isDoi = isIdentifierValue('doi', id)
  if (!isPmcid && !isPmid && !isDoi) return { 'requested-id': id, status: 'error', errmsg: 'invalid article id' }
  const record = isPmcid ? corpus.byPmcid.get(id.toUpperCase().replace(/\.\d+$/, '')) : isPmid ? corpus.byPmid.get(id) : corpus.byDoi.get(id.toLowerCase())
  if (record?.pmcid) {
    return { 'requested-id': id, pmcid: record.pmcid, pmid: record.pmid, ...(record.doi ? { doi: record.doi } : {}) }
  }
  return { 'requested-id': id, ...(isPmid ? { pmid: id } : {}), ...(isDoi ? { doi: id } : {}), status: 'error', errmsg: 'Identifier not found in PMC' }
}

/** The most requests under `pathPrefix` that arrived within any one second (NCBI allows 3 without an API key). */
export function requestsPerSecondMax(requests: ReplayRequest[], pathPrefix: string): number {
  const times = requests
    .filter(r => r.path.startsWith(pathPrefix))
    .map(r => r.receivedAt)
    .sort((a, b) => a - b)
  let best = 0
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last] - times[first] >= 1000) first++
    best = Math.max(best, last - first + 1)
  }
  return best
}
