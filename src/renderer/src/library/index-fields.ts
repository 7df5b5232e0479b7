// The one place an item's derived index fields are set. Every write that
// stores an item (add, merge, edit, fill from an identifier, retag) passes it
// through here, so the indexes always agree with the record.
import type { Item } from '@shared/model'
import { yearOf } from '@shared/display'
import { wordsOf } from '@shared/text'
import { peptideMatcher } from '@shared/peptides/default-matcher'

/**
 * The item with its index fields worked out again from its record: DOI
 * lower-cased (and `doiKey`), PMCID upper-cased, title words, year (through
 * `yearOf`) and peptide tags. Everything else is kept as it is.
 */
export function withIndexFields<T extends Item>(item: T): T {
  const doi = item.doi?.toLowerCase()
  const pmcid = item.pmcid?.toUpperCase()
  const next: T = { ...item, titleWords: wordsOf(item.csl.title), year: yearOf(item), doiKey: doi }
  if (doi) next.doi = doi
  else delete next.doi
  if (pmcid) next.pmcid = pmcid
  else delete next.pmcid
  next.peptideTags = peptideMatcher().tag(next)
  return next
}
