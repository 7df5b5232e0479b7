// The one place an item's derived index fields are set. Every write that
// stores an item (add, merge, edit, fill from an identifier, retag) passes it
// through here, so the indexes always agree with the record.
import type { Item } from '@shared/model'
import { yearOf } from '@shared/display'
import { wordsOf } from '@shared/text'
import { peptideMatcher } from '@shared/peptides/default-matcher'

/** What `withIndexFields` sets: worked out elsewhere (the sync worker) and handed over, they are set as they are. */
export type IndexFields = Pick<Item, 'titleWords' | 'year' | 'doiKey' | 'doi' | 'pmcid' | 'peptideTags'>

/**
 * The item with its index fields worked out again from its record: DOI
 * lower-cased (and `doiKey`), PMCID upper-cased, title words, year (through
 * `yearOf`) and peptide tags. Everything else is kept as it is. `fields`:
 * those `indexFieldsOf` gave for this same record.
 */
export function withIndexFields<T extends Item>(item: T, fields?: IndexFields): T {
  if (fields) return withFields({ ...item }, fields)
  const doi = item.doi?.toLowerCase()
  const next = withFields({ ...item }, { titleWords: wordsOf(item.csl.title), year: yearOf(item), doiKey: doi, doi, pmcid: item.pmcid?.toUpperCase() })
  next.peptideTags = peptideMatcher().tag(next)
  return next
}

/** The index fields of an item, for `withIndexFields` to set on that same item elsewhere. */
export function indexFieldsOf(item: Item): IndexFields {
  const { titleWords, year, doiKey, doi, pmcid, peptideTags } = withIndexFields(item)
  return { titleWords, year, doiKey, doi, pmcid, peptideTags }
}

function withFields<T extends Item>(next: T, { titleWords, year, doiKey, doi, pmcid, peptideTags }: IndexFields): T {
  Object.assign(next, { titleWords, year, doiKey })
  if (doi) next.doi = doi
  else delete next.doi
  if (pmcid) next.pmcid = pmcid
  else delete next.pmcid
  next.peptideTags = peptideTags
  return next
}
