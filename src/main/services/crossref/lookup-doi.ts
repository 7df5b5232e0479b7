// Everything known about one DOI: Crossref first (richest: ORCIDs, funders,
// cited works, corrections), then doi.org content negotiation for DOIs that
// other agencies registered (DataCite, mEDRA, …).
import { normaliseDoi } from '@shared/identifiers'
import type { ReferenceRecord } from '@shared/model'
import { ServiceError } from '@shared/result'
import type { HttpClient } from '../http-types'
import { isCslItem, mapCsl } from './map-csl'
import { mapWork, type CrossrefWork } from './map-work'

export interface DoiLookupDeps {
  http: HttpClient
  /** e.g. https://api.crossref.org/ (with the trailing slash) */
  crossrefUrl: string
  /** e.g. https://doi.org/ (with the trailing slash) */
  doiUrl: string
  /** sent as Crossref's `mailto` (its "polite pool") */
  email?: string
}

const CSL_JSON = 'application/vnd.citationstyles.csl+json'

/** Look a DOI up at Crossref, then at doi.org; throws ServiceError (NOT_FOUND, INVALID_INPUT, OFFLINE, …). */
export async function lookupDoi(input: string, deps: DoiLookupDeps): Promise<ReferenceRecord> {
  const doi = normaliseDoi(input)
  if (!doi) {
    throw new ServiceError(
      'INVALID_INPUT',
      `That does not look like a DOI: "${input.trim()}". A DOI starts with "10." and contains a slash, like 10.1038/srep16696.`
    )
  }
  const work = await notFoundAsUndefined(fetchCrossrefWork(doi, deps))
  if (work) return mapWork(work)
  const csl = await notFoundAsUndefined(fetchDoiOrgCsl(doi, deps))
  if (csl) return csl
  throw new ServiceError('NOT_FOUND', `No paper with the DOI ${doi} was found at Crossref or doi.org.`)
}

async function fetchCrossrefWork(doi: string, deps: DoiLookupDeps): Promise<CrossrefWork> {
  const query = deps.email ? `?mailto=${encodeURIComponent(deps.email)}` : ''
  const body = await deps.http.getJson({ url: `${deps.crossrefUrl}works/${encodeURIComponent(doi)}${query}` })
  const envelope = body as { status?: unknown; 'message-type'?: unknown; message?: { DOI?: unknown } } | null
  const ok = envelope?.status === 'ok' && envelope['message-type'] === 'work' && typeof envelope.message?.DOI === 'string'
  if (!ok) throw new ServiceError('BAD_RESPONSE', `Crossref answered, but not with the record of a paper for ${doi}.`)
  return envelope.message as CrossrefWork
}

async function fetchDoiOrgCsl(doi: string, deps: DoiLookupDeps): Promise<ReferenceRecord> {
  // Slashes stay (doi.org reads the DOI as a path); ?, #, ; and friends are escaped.
  const path = doi.split('/').map(encodeURIComponent).join('/')
  const body = await deps.http.getJson({ url: `${deps.doiUrl}${path}`, headers: { Accept: CSL_JSON } })
  const item = Array.isArray(body) && body.length === 1 ? body[0] : body
  if (!isCslItem(item)) throw new ServiceError('BAD_RESPONSE', `doi.org answered, but not with citation data for ${doi}.`)
  return mapCsl(item, doi)
}

async function notFoundAsUndefined<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'NOT_FOUND') return undefined
    throw err
  }
}
