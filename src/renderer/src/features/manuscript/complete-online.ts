// The references pulled out of a coauthor's draft, completed online: each one
// not yet in the library that carries a PMID or DOI is looked up (PubMed and
// Crossref, in batches, through the same lookup as "Add by identifier"; the
// transport adds the contact details) and merged with what the document
// carried. Offline, or when a service fails, the document's data stays and
// the summary says why.
import type { PaperFinder } from '@shared/duplicates'
import type { Identifier } from '@shared/identifiers'
import type { ImportedRecord } from '@shared/import/imported-record'
import { completeReferences, identifierToLookUp } from '@shared/manuscript/complete-references'
import type { IdentifierLookup, NeurorefApi } from '@shared/contract'
import { sentenceFor } from '../../messages'
import { lookUpInBatches } from '../import'

export interface OnlineCompletion {
  records: ImportedRecord[]
  completed: Set<ImportedRecord>
  /** looked up but unknown to PubMed and Crossref */
  notFound: number
  unreachable?: { count: number; reason: string }
}

export async function completeOnline(
  api: NeurorefApi,
  records: ImportedRecord[],
  known: PaperFinder,
  onStart?: (count: number) => void
): Promise<OnlineCompletion> {
  // papers already in the library stay as they are there: nothing to look up
  const lookedUp = new Map<ImportedRecord, Identifier>()
  for (const record of records) {
    const id = identifierToLookUp(record)
    if (id && !known.find(record)) lookedUp.set(record, id)
  }
  if (lookedUp.size) onStart?.(lookedUp.size)
  const found: IdentifierLookup['papers'] = []
  let notFound = 0
  let unreachable: OnlineCompletion['unreachable']
  let asked = 0
  for await (const { batch, found: answer } of lookUpInBatches(api, [...lookedUp.values()])) {
    asked += batch.length
    if (!answer.ok) {
      // offline: the batches still to come would fail the same way, after the same wait
      const offline = answer.error.code === 'OFFLINE'
      const count = offline ? lookedUp.size - asked + batch.length : batch.length
      unreachable = { count: (unreachable?.count ?? 0) + count, reason: sentenceFor(answer.error) }
      if (offline) break
      continue
    }
    found.push(...answer.value.papers)
    for (const failure of answer.value.failures) {
      if (failure.error.code === 'NOT_FOUND') notFound += 1
      else unreachable = { count: (unreachable?.count ?? 0) + 1, reason: sentenceFor(failure.error) }
    }
  }
  const { records: completedRecords, completed } = completeReferences(records, lookedUp, found)
  return { records: completedRecords, completed, notFound, unreachable }
}
