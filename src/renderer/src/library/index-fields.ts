// The one place an item's derived index fields are set. Every write that
// stores an item (add, merge, edit, fill from an identifier, retag, sync) passes it
// through here, so the indexes always agree with the record. Peptide tags need
// the tagger loaded first (peptide-tagger.ts): await it before the transaction.
import type { Item } from '@shared/model'
import { yearOf } from '@shared/display'
import { peptideTagsOf } from './peptide-tagger'

/** What `withIndexFields` sets: worked out elsewhere (the sync worker) and handed over, they are set as they are. */
export type IndexFields = Pick<Item, 'year' | 'doiKey' | 'doi' | 'pmcid' | 'peptideTags'>

/**
 * The item with its index fields worked out again from its record: DOI
 * lower-cased (and `doiKey`), PMCID upper-cased, year (through `yearOf`) and
 * peptide tags; the title words an older row or document carries are dropped
 * (nothing reads them, and each row's copy in IndexedDB cost an import's
 * write). Everything else is kept as it is. `fields`: those `indexFieldsOf`
 * gave for this same record.
 */
export function withIndexFields<T extends Item>(item: T, fields?: IndexFields): T {
  if (fields) return withFields({ ...item }, fields)
  const doi = item.doi?.toLowerCase()
  const next = withFields({ ...item }, { year: yearOf(item), doiKey: doi, doi, pmcid: item.pmcid?.toUpperCase() })
  next.peptideTags = peptideTagsOf(next)
  return next
}

/** The index fields of an item, for `withIndexFields` to set on that same item elsewhere. */
export function indexFieldsOf(item: Item): IndexFields {
  const { year, doiKey, doi, pmcid, peptideTags } = withIndexFields(item)
  return { year, doiKey, doi, pmcid, peptideTags }
}

function withFields<T extends Item>(next: T, { year, doiKey, doi, pmcid, peptideTags }: IndexFields): T {
  Object.assign(next, { year, doiKey })
  delete next.titleWords
  if (doi) next.doi = doi
  else delete next.doi
  if (pmcid) next.pmcid = pmcid
  else delete next.pmcid
  next.peptideTags = peptideTags
  return next
}
