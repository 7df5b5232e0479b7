// "Search PubMed" inside the app: a PubMed query (PubMed syntax), one page of
// results with a line per paper. A query PubMed cannot use is explained in
// words. `since` limits to papers that entered PubMed after a date (how a
// saved search finds what is new).
import type { PubmedSearchPage } from '@shared/contract'
import { ServiceError } from '@shared/result'
import { paperSummaries, postEutils, type EutilsDeps } from './eutils'
import { parseSearchReply } from './parse-eutils'

export interface PubmedQuery {
  query: string
  start: number
  size: number
  /** YYYY/MM/DD: only papers added to PubMed (Entrez date) on or after this day */
  since?: string
}

export async function searchPubmedPage(q: PubmedQuery, deps: EutilsDeps): Promise<PubmedSearchPage> {
  const form: Record<string, string> = {
    db: 'pubmed',
    term: q.query,
    retstart: String(q.start),
    retmax: String(q.size),
    usehistory: 'y',
    sort: 'pub_date'
  }
  if (q.since) Object.assign(form, { datetype: 'edat', mindate: q.since, maxdate: '3000' })
  const reply = parseSearchReply(await postEutils(deps, 'esearch.fcgi', form))
  if (reply.count === 0 && reply.errors.length > 0) {
    throw new ServiceError('INVALID_INPUT', `PubMed could not use this query: ${reply.errors.join('; ')}.`)
  }
  return {
    count: reply.count,
    pmids: reply.ids,
    papers: await paperSummaries(reply.ids, deps),
    notes: [...reply.errors, ...reply.warnings]
  }
}
