// An item made from a PDF alone is flagged "Needs metadata". Once the paper
// is looked up, its record fills the item: what was guessed from the PDF
// gives way (fields the researcher edited by hand stay), the flag goes, the
// attachments stay. When the paper is already in the library, the PDF moves
// to that item and the placeholder goes.
import type { PaperFinder } from '@shared/duplicates'
import { makeCitationKey } from '@shared/export/citation-key'
import { mergeRecordIntoItem } from '@shared/merge'
import type { Item, ReferenceRecord } from '@shared/model'
import { findSamePaper } from './add-paper'
import { moveAttachments } from './attachments'
import { withIndexFields } from './index-fields'
import { loadPeptideTagger } from './peptide-tagger'
import type { NeurorefDb } from './schema'
import { write } from './write'

/** The flag on an item made from a PDF whose paper is not known yet. */
export const NEEDS_METADATA = 'needs-metadata'

export type FillOutcome = { ok: true; itemId: string; title: string; merged: boolean } | { ok: false; message: string }

export async function fillPlaceholder(db: NeurorefDb, itemId: string, record: ReferenceRecord, known?: PaperFinder): Promise<FillOutcome> {
  await loadPeptideTagger()
  return write(db, [db.items, db.attachments, db.fullTexts], async changes => {
    const placeholder = await db.items.get(itemId)
    if (!placeholder) return { ok: false, message: 'The item is no longer in the library.' }
    const now = Date.now()
    const same = await findSamePaper(db, record, known)
    if (same && same.id !== itemId) {
      await moveAttachments(db, changes, itemId, same.id)
      const merged = withIndexFields({ ...mergeRecordIntoItem(same, record), modifiedAt: now })
      await db.items.put(merged)
      await db.items.delete(itemId)
      changes.record({ kind: 'item', change: 'changed', ids: [merged.id], items: [merged] })
      changes.record({ kind: 'item', change: 'deleted', ids: [itemId] })
      return { ok: true, itemId: same.id, title: merged.csl.title ?? '', merged: true }
    }
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
    const filled = withIndexFields({ ...mergeRecordIntoItem(base, record), modifiedAt: now })
    if (!edited.has('citationKey')) {
      const taken = new Set(
        ((await db.items.where('citationKey').startsWithIgnoreCase(makeCitationKey(filled, new Set())).keys()) as string[]).map(k => k.toLowerCase())
      )
      taken.delete(placeholder.citationKey?.toLowerCase() ?? '')
      filled.citationKey = makeCitationKey(filled, taken)
    }
    await db.items.put(filled)
    changes.record({ kind: 'item', change: 'changed', ids: [itemId], items: [filled] })
    return { ok: true, itemId, title: filled.csl.title ?? '', merged: false }
  })
}
