// Copying papers from this library into another (the researcher's own and a
// lab library, both ways). The copy keeps every field of the paper — record,
// tags, reading status, rating, dates, hand edits — except what belongs to
// the library it came from: its collections (the other library has its own),
// who added and edited it there (the copy is added by whoever copies it), and
// sync conflicts still open there. Notes and PDFs stay: a note may be private.
// A paper the other library already has (same id, DOI or PMID) is left as it is.
import type { Item } from '@shared/model'
import { withIndexFields } from './index-fields'
import { loadPeptideTagger } from './peptide-tagger'
import type { NeurorefDb } from './schema'
import { fullItems } from './queries'
import { write } from './write'

export interface CopyOutcome {
  copied: number
  /** already in the other library */
  present: number
}

function copyOf(item: Item): Item {
  const { collectionIds: _collections, addedBy: _added, editedBy: _edited, syncConflicts: _conflicts, ...fields } = item
  return withIndexFields({ ...fields, collectionIds: [] })
}

export async function copyPapers(from: NeurorefDb, to: NeurorefDb, ids: readonly string[]): Promise<CopyOutcome> {
  await loadPeptideTagger()
  const items = await fullItems(from, ids)
  const tagNames = [...new Set(items.flatMap(item => item.tags))]
  const tags = (await from.tags.bulkGet(tagNames)).filter(tag => tag !== undefined)
  return write(to, [to.items, to.tags], async changes => {
    const copies: Item[] = []
    for (const item of items) {
      const there =
        (await to.items.get(item.id)) ??
        (item.doiKey ? await to.items.where('doiKey').equals(item.doiKey).first() : undefined) ??
        (item.pmid ? await to.items.where('pmid').equals(item.pmid).first() : undefined)
      if (!there) copies.push(copyOf(item))
    }
    await to.items.bulkAdd(copies)
    const newTags = tags.filter(tag => copies.some(item => item.tags.includes(tag.name)))
    const known = new Set((await to.tags.bulkGet(newTags.map(t => t.name))).flatMap(t => (t ? [t.name] : [])))
    const added = newTags.filter(t => !known.has(t.name))
    await to.tags.bulkAdd(added)
    changes.record({ kind: 'item', change: 'added', ids: copies.map(i => i.id), items: copies })
    changes.record({ kind: 'tag', change: 'changed', ids: added.map(t => t.name) })
    return { copied: copies.length, present: items.length - copies.length }
  })
}
