// An item made from a PDF alone is flagged "Needs metadata". Pasting its DOI,
// PMID or PMCID looks the paper up and fills the item: the looked-up record
// replaces what was guessed from the PDF (fields the researcher edited by
// hand stay), the flag goes, and the attachments stay. When the paper is
// already in the library, the PDF moves to that item and the placeholder goes.
import type { NeurorefApi } from '../../../../shared/contract'
import type { DuplicateFinder } from '../../../../shared/duplicates'
import { makeCitationKey } from '../../../../shared/export/citation-key'
import { findIdentifiers, identifierLabel } from '../../../../shared/identifiers'
import { mergeRecordIntoItem } from '../../../../shared/merge'
import type { Contact, Item, ReferenceRecord } from '../../../../shared/model'
import { peptideMatcher } from '../../../../shared/peptides/default-matcher'
import { wordsOf } from '../../../../shared/text'
import { findSamePaper } from '../../library/add-paper'
import { yearOf } from '../../../../shared/display'
import type { NeurorefDb } from '../../library/schema'
import { sentenceFor } from '../../messages'
import { moveAttachments } from './attachments-db'
import { NEEDS_METADATA } from './pdf-to-item'

export interface FillDeps {
  api: Pick<NeurorefApi, 'lookup.identifiers'>
  db: NeurorefDb
  contact?: Contact
  known?: DuplicateFinder
}

export type FillOutcome = { ok: true; itemId: string; title: string; merged: boolean } | { ok: false; message: string }

export function needsMetadata(item: Pick<Item, 'flags'>): boolean {
  return item.flags?.includes(NEEDS_METADATA) ?? false
}

export async function fillFromIdentifier(itemId: string, text: string, deps: FillDeps): Promise<FillOutcome> {
  const id = findIdentifiers(text)[0]
  if (!id) return { ok: false, message: 'No DOI, PMID or PMCID was found in what you entered.' }
  const found = await deps.api['lookup.identifiers']({ ids: [id], contact: deps.contact })
  if (!found.ok) return { ok: false, message: `${identifierLabel(id)}: ${sentenceFor(found.error)}` }
  const paper = found.value.papers[0]
  if (!paper) {
    const failure = found.value.failures[0]
    return { ok: false, message: `${identifierLabel(id)}: ${failure ? sentenceFor(failure.error) : 'not found.'}` }
  }
  // The callback is async so Dexie keeps the transaction across fill's awaits.
  return deps.db.transaction('rw', [deps.db.items, deps.db.attachments, deps.db.fullTexts], async () => await fill(itemId, paper.record, deps))
}

async function fill(itemId: string, record: ReferenceRecord, deps: FillDeps): Promise<FillOutcome> {
  const { db } = deps
  const placeholder = await db.items.get(itemId)
  if (!placeholder) return { ok: false, message: 'The item is no longer in the library.' }
  const now = Date.now()
  const same = await findSamePaper(db, record, deps.known)
  if (same && same.id !== itemId) {
    await moveAttachments(db, itemId, same.id)
    const merged = refreshDerived(mergeRecordIntoItem(same, record), now)
    await db.items.put(merged)
    await db.items.delete(itemId)
    return { ok: true, itemId: same.id, title: merged.csl.title ?? '', merged: true }
  }
  // What was guessed from the PDF gives way to the record; hand edits stay.
  const edited = new Set(placeholder.editedFields ?? [])
  const keptCsl = Object.fromEntries(Object.entries(placeholder.csl).filter(([field]) => edited.has(field)))
  const guessed = (field: 'doi' | 'pmid' | 'pmcid') => (edited.has(field) ? placeholder[field] : undefined)
  const base: Item = {
    ...placeholder,
    doi: guessed('doi'),
    pmid: guessed('pmid'),
    pmcid: guessed('pmcid'),
    csl: { type: record.csl.type, ...keptCsl },
    flags: (placeholder.flags ?? []).filter(flag => flag !== NEEDS_METADATA),
    sources: (placeholder.sources ?? []).filter(source => source !== 'file')
  }
  const filled = refreshDerived(mergeRecordIntoItem(base, record), now)
  if (!edited.has('citationKey')) {
    const taken = new Set(
      ((await db.items.where('citationKey').startsWithIgnoreCase(makeCitationKey(filled, new Set())).keys()) as string[]).map(k => k.toLowerCase())
    )
    taken.delete(placeholder.citationKey?.toLowerCase() ?? '')
    filled.citationKey = makeCitationKey(filled, taken)
  }
  await db.items.put(filled)
  return { ok: true, itemId, title: filled.csl.title ?? '', merged: false }
}

function refreshDerived(item: Item, now: number): Item {
  return {
    ...item,
    modifiedAt: now,
    titleWords: wordsOf(item.csl.title),
    year: yearOf(item),
    doi: item.doi?.toLowerCase(),
    doiKey: item.doi?.toLowerCase(),
    pmcid: item.pmcid?.toUpperCase(),
    peptideTags: peptideMatcher().tag(item)
  }
}
