// "PMID/DOI looked up to complete the record when online": the identifier
// each reference pulled out of a document is looked up by, and the record
// PubMed or Crossref gave merged with what the document carried. What PubMed
// or Crossref say wins (as when the paper is added by its identifier); what
// only the document had (a field they lack, the citation key) is kept.
import type { IdentifierLookup } from '../contract'
import type { Identifier } from '../identifiers'
import type { ImportedRecord } from '../import/imported-record'
import { fillMissing } from '../merge'

/** PubMed's record is the fullest (MeSH, abstract, authors' affiliations): PMID first, then PMCID, then DOI. */
export function identifierToLookUp(record: ImportedRecord): Identifier | undefined {
  if (record.pmid) return { kind: 'pmid', value: record.pmid }
  if (record.pmcid) return { kind: 'pmcid', value: record.pmcid }
  if (record.doi) return { kind: 'doi', value: record.doi }
  return undefined
}

const keyOf = (id: Identifier) => `${id.kind}:${id.value.toLowerCase()}`

export interface CompletedReferences {
  /** the records in their order, each found one completed */
  records: ImportedRecord[]
  /** the records that were completed online */
  completed: Set<ImportedRecord>
}

/** Each record whose identifier was found, replaced by the online record with the document's data filling its gaps. */
export function completeReferences(
  records: ImportedRecord[],
  lookedUp: Map<ImportedRecord, Identifier>,
  found: IdentifierLookup['papers']
): CompletedReferences {
  const byIdentifier = new Map<string, IdentifierLookup['papers'][number]['record']>()
  for (const paper of found) for (const id of paper.ids) byIdentifier.set(keyOf(id), paper.record)
  const completed = new Set<ImportedRecord>()
  const out = records.map(record => {
    const id = lookedUp.get(record)
    const online = id && byIdentifier.get(keyOf(id))
    if (!online) return record
    const merged: ImportedRecord = fillMissing({ ...online }, record)
    if (record.citationKey) merged.citationKey = record.citationKey
    completed.add(merged)
    return merged
  })
  return { records: out, completed }
}
