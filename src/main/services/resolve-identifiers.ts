// Turns pasted identifiers into papers: PMCIDs through the PMC ID converter,
// DOIs through esearch, then every PMID in batched efetch requests; DOIs also
// through Crossref, merged into the PubMed record. Several identifiers of the
// same paper give one paper; one bad identifier never sinks the others.
import type { IdentifierLookup } from '@shared/contract'
import { identifierLabel, type Identifier } from '@shared/identifiers'
import { fillMissing } from '@shared/merge'
import type { ReferenceRecord } from '@shared/model'
import { ServiceError, type AppError } from '@shared/result'
import { lookupDoi, type DoiLookupDeps } from './crossref/lookup-doi'
import { convertIds, fetchPubmedRecords, searchPmidsByDoi, type EutilsDeps } from './pubmed/eutils'

export interface ResolveDeps {
  eutils: EutilsDeps
  crossref: DoiLookupDeps
}

function asAppError(error: unknown): AppError {
  if (error instanceof ServiceError) return { code: error.code, message: error.message }
  return { code: 'INTERNAL', message: 'Something went wrong while looking this up.' }
}

/** Runs a step; on failure remembers why, so later steps can report it per identifier. */
async function attempt<T>(step: () => Promise<T>, fallback: T): Promise<{ value: T; error?: AppError }> {
  try {
    return { value: await step() }
  } catch (error) {
    return { value: fallback, error: asAppError(error) }
  }
}

export async function resolveIdentifiers(ids: Identifier[], deps: ResolveDeps): Promise<IdentifierLookup> {
  const dois = ids.filter(id => id.kind === 'doi').map(id => id.value.toLowerCase())
  const pmcids = ids.filter(id => id.kind === 'pmcid').map(id => id.value.toUpperCase())
  const pmids = ids.filter(id => id.kind === 'pmid').map(id => id.value)

  const converted = pmcids.length ? await attempt(() => convertIds(pmcids, deps.eutils), []) : { value: [] }
  const doiPmids = dois.length ? await attempt(() => searchPmidsByDoi(dois, deps.eutils), []) : { value: [] }
  const wanted = [...new Set([...pmids, ...converted.value.flatMap(c => (c.pmid ? [c.pmid] : [])), ...doiPmids.value])]
  const fetched = wanted.length ? await attempt(() => fetchPubmedRecords(wanted, deps.eutils), []) : { value: [] }

  const byPmid = new Map(fetched.value.filter(r => r.pmid).map(r => [r.pmid!, r]))
  const byDoi = new Map(fetched.value.filter(r => r.doi).map(r => [r.doi!.toLowerCase(), r]))
  const papers = new Map<ReferenceRecord, Identifier[]>()
  const failures: IdentifierLookup['failures'] = []
  const found = (record: ReferenceRecord, id: Identifier): void => void papers.set(record, [...(papers.get(record) ?? []), id])

  for (const id of ids) {
    if (id.kind === 'pmid') {
      const record = byPmid.get(id.value)
      if (record) found(record, id)
      else failures.push({ id, error: fetched.error ?? notFound(id, 'PubMed') })
    } else if (id.kind === 'pmcid') {
      const conversion = converted.value.find(c => c.pmcid?.toUpperCase() === id.value.toUpperCase())
      const record = (conversion?.pmid && byPmid.get(conversion.pmid)) || (conversion?.doi && byDoi.get(conversion.doi.toLowerCase()))
      if (record) found(record, id)
      else failures.push({ id, error: converted.error ?? fetched.error ?? notFound(id, 'PubMed Central') })
    }
  }

  for (const id of ids.filter(i => i.kind === 'doi')) {
    const fromPubmed = byDoi.get(id.value.toLowerCase())
    const crossref = await attempt(() => lookupDoi(id.value, deps.crossref), undefined)
    if (fromPubmed) {
      const merged = crossref.value ? fillMissing(fromPubmed, crossref.value) : fromPubmed
      if (merged !== fromPubmed) replaceKey(papers, fromPubmed, merged)
      found(merged, id)
    } else if (crossref.value) {
      found(crossref.value, id)
    } else {
      failures.push({ id, error: crossref.error ?? notFound(id, 'Crossref') })
    }
  }

  return { papers: [...papers].map(([record, paperIds]) => ({ ids: paperIds, record })), failures }
}

/** Keeps the identifiers already gathered for a record when it is replaced by a merged one. */
function replaceKey(papers: Map<ReferenceRecord, Identifier[]>, from: ReferenceRecord, to: ReferenceRecord): void {
  const ids = papers.get(from)
  papers.delete(from)
  if (ids) papers.set(to, ids)
}

function notFound(id: Identifier, where: string): AppError {
  return { code: 'NOT_FOUND', message: `${where} has no paper with ${identifierLabel(id)}.` }
}
