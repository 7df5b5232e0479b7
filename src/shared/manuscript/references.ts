// "Import references from document": the papers a coauthor's draft cites,
// from the CSL-JSON its Zotero, Mendeley or Neuroref fields carry, one record
// per paper however often it is cited, ready for the library's own import
// (which merges what is already there).
import type { CslRecord } from '@citation-js/core'
import { parseCslJson } from '../import/csl-json'
import type { ImportedRecord } from '../import/imported-record'
import { ServiceError } from '../result'
import type { ManuscriptFile } from './model'
import { recordIdentifiers, resolveCitations } from './resolve'

export interface DocumentReferences {
  /** the document's name without its extension: the new collection's name */
  collectionName: string
  /** one record per cited paper, in order of first citation */
  records: ImportedRecord[]
  /** typed markers that carry no paper data (they name papers already in a library) */
  markers: number
}

/** The embedded data with the identifiers Zotero keeps in "note"/"extra" lines brought out. */
function withIdentifiers(record: CslRecord): CslRecord {
  const { pmid, pmcid } = recordIdentifiers(record)
  const out: CslRecord = { ...record }
  if (pmid) out.PMID = pmid
  if (pmcid) out.PMCID = pmcid
  return out
}

export function referencesInDocument(file: ManuscriptFile): DocumentReferences {
  const fields = file.citations.filter(citation => citation.embedded)
  if (fields.length === 0) {
    throw new ServiceError(
      'INVALID_INPUT',
      `“${file.name}” has no Zotero, Mendeley or Neuroref citations to import: its citations (if any) are plain text or typed markers, which carry no paper data.`
    )
  }
  const papers = [...resolveCitations(fields, []).records.values()].map(withIdentifiers)
  const { records } = parseCslJson(JSON.stringify(papers))
  const dot = file.name.lastIndexOf('.')
  return { collectionName: dot > 0 ? file.name.slice(0, dot) : file.name, records, markers: file.citations.length - fields.length }
}

export function hasIdentifier(record: ImportedRecord): boolean {
  return Boolean(record.doi || record.pmid || record.pmcid)
}

export interface ReferenceImportCounts {
  cited: number
  already: number
  added: number
  withoutIdentifiers: number
  /** added papers whose record PubMed or Crossref completed */
  completed?: number
  /** looked up, but PubMed and Crossref do not know them: kept as embedded */
  notFound?: number
  /** PubMed and Crossref could not be reached: how many stayed as embedded, and why */
  unreachable?: { count: number; reason: string }
}

/** "Cited 84, already in library 51, added 33, completed online 30, 2 without identifiers kept as they were embedded." */
export function referenceImportSummary(counts: ReferenceImportCounts): string {
  const parts = [`Cited ${counts.cited}`, `already in library ${counts.already}`, `added ${counts.added}`]
  if (counts.completed) parts.push(`completed online ${counts.completed}`)
  if (counts.notFound) parts.push(`${counts.notFound} not found online kept as they were embedded`)
  if (counts.withoutIdentifiers) parts.push(`${counts.withoutIdentifiers} without identifiers kept as they were embedded`)
  const summary = `${parts.join(', ')}.`
  const { unreachable } = counts
  if (!unreachable?.count) return summary
  const which = unreachable.count === 1 ? '1 paper with a PMID or DOI' : `${unreachable.count} papers with a PMID or DOI`
  return `${summary} ${which} could not be completed online and ${unreachable.count === 1 ? 'was' : 'were'} kept as embedded: ${unreachable.reason}`
}
