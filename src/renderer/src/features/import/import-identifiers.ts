// "Add by identifier": find the identifiers in what was pasted, look each up
// in main, store each paper whole. One failure never sinks the rest.
import { findIdentifiers, identifierLabel, type Identifier } from '../../../../shared/identifiers'
import type { AppError } from '../../../../shared/result'
import type { NeurorefApi } from '../../../../shared/contract'
import type { ReferenceRecord } from '../../../../shared/model'
import type { NeurorefDb } from '../../db/schema'
import { addRecordToLibrary } from '../../db/library'

export type IdentifierOutcome =
  | { id: Identifier; label: string; status: 'added' | 'existing'; itemId: string; title: string }
  | { id: Identifier; label: string; status: 'failed'; error: AppError }

export interface ImportSummary {
  outcomes: IdentifierOutcome[]
  added: number
  existing: number
  failed: number
}

async function lookup(api: NeurorefApi, id: Identifier, email?: string) {
  if (id.kind === 'doi') return api['lookup.doi']({ doi: id.value, email })
  return {
    ok: false as const,
    error: { code: 'UNSUPPORTED' as const, message: `Looking up ${identifierLabel(id)} in PubMed is not available yet.` }
  }
}

export async function importIdentifiers(
  text: string,
  deps: { api: NeurorefApi; db: NeurorefDb; email?: string; onProgress?: (done: number, total: number) => void }
): Promise<ImportSummary> {
  const ids = findIdentifiers(text)
  const outcomes: IdentifierOutcome[] = []
  for (const id of ids) {
    const label = identifierLabel(id)
    const found = await lookup(deps.api, id, deps.email)
    if (!found.ok) {
      outcomes.push({ id, label, status: 'failed', error: found.error })
    } else {
      outcomes.push(await store(deps.db, id, label, found.value))
    }
    deps.onProgress?.(outcomes.length, ids.length)
  }
  return {
    outcomes,
    added: outcomes.filter((o) => o.status === 'added').length,
    existing: outcomes.filter((o) => o.status === 'existing').length,
    failed: outcomes.filter((o) => o.status === 'failed').length
  }
}

async function store(db: NeurorefDb, id: Identifier, label: string, record: ReferenceRecord): Promise<IdentifierOutcome> {
  try {
    const { status, item } = await addRecordToLibrary(db, record)
    return { id, label, status, itemId: item.id, title: item.csl.title ?? label }
  } catch (error) {
    return { id, label, status: 'failed', error: { code: 'IO', message: `The library could not save it: ${(error as Error).message}` } }
  }
}
