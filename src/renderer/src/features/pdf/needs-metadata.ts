// An item made from a PDF alone is flagged "Needs metadata". Pasting its DOI,
// PMID or PMCID looks the paper up; the library fills the item with the
// record (library/fill-placeholder.ts).
import type { NeurorefApi } from '@shared/contract'
import type { PaperFinder } from '@shared/duplicates'
import { findIdentifiers, identifierLabel } from '@shared/identifiers'
import type { Item } from '@shared/model'
import { fillPlaceholder, NEEDS_METADATA, type FillOutcome } from '../../library/fill-placeholder'
import type { NeurorefDb } from '../../library/schema'
import { sentenceFor } from '../../messages'

export interface FillDeps {
  api: Pick<NeurorefApi, 'lookup.identifiers'>
  db: NeurorefDb
  known?: PaperFinder
}

export function needsMetadata(item: Pick<Item, 'flags'>): boolean {
  return item.flags?.includes(NEEDS_METADATA) ?? false
}

export async function fillFromIdentifier(itemId: string, text: string, deps: FillDeps): Promise<FillOutcome> {
  const id = findIdentifiers(text)[0]
  if (!id) return { ok: false, message: 'No DOI, PMID or PMCID was found in what you entered.' }
  const found = await deps.api['lookup.identifiers']({ ids: [id] })
  if (!found.ok) return { ok: false, message: `${identifierLabel(id)}: ${sentenceFor(found.error)}` }
  const paper = found.value.papers[0]
  if (!paper) {
    const failure = found.value.failures[0]
    return { ok: false, message: `${identifierLabel(id)}: ${failure ? sentenceFor(failure.error) : 'not found.'}` }
  }
  return fillPlaceholder(deps.db, itemId, paper.record, deps.known)
}
