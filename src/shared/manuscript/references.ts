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

/** "Cited 84, already in library 51, added 33, 2 without identifiers kept as they were embedded." */
export function referenceImportSummary(counts: { cited: number; already: number; added: number; withoutIdentifiers: number }): string {
  const parts = [`Cited ${counts.cited}`, `already in library ${counts.already}`, `added ${counts.added}`]
  if (counts.withoutIdentifiers) parts.push(`${counts.withoutIdentifiers} without identifiers kept as they were embedded`)
  return `${parts.join(', ')}.`
}
