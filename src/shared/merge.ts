// "One paper, one item": when a paper comes in again (or from a second
// source), fill what the item lacks and never overwrite what the user edited.
import type { Item, ReferenceRecord } from './model'
import { rejoinKeywords } from './keywords'

const RECORD_LISTS = [
  'authorDetails',
  'investigators',
  'mesh',
  'keywords',
  'chemicals',
  'grants',
  'funders',
  'publicationTypes',
  'abstractSections',
  'references',
  'related'
] as const

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

/**
 * Fields of `incoming` that `base` lacks are copied in; fields named in
 * `edited` (changed by hand) stay as they are. Used both to merge a second
 * source into a record (PubMed + Crossref) and a re-import into an item.
 */
export function fillMissing<T extends ReferenceRecord>(base: T, incoming: ReferenceRecord, edited: readonly string[] = []): T {
  const keep = new Set(edited)
  const csl = { ...base.csl }
  for (const [field, value] of Object.entries(incoming.csl)) {
    if (!keep.has(field) && isEmpty(csl[field]) && !isEmpty(value)) csl[field] = value
  }
  const merged: T = { ...base, csl }
  for (const key of ['pmid', 'pmcid', 'doi', 'coi', 'license'] as const) {
    if (!keep.has(key) && isEmpty(merged[key]) && !isEmpty(incoming[key])) merged[key] = incoming[key]
  }
  for (const key of RECORD_LISTS) {
    if (!keep.has(key) && isEmpty(merged[key]) && !isEmpty(incoming[key])) {
      ;(merged as unknown as Record<string, unknown>)[key] = incoming[key]
    }
  }
  // A file's keywords hold a keyword with a comma as pieces; the source that has it whole (PubMed) puts it back together.
  if (!keep.has('keywords') && merged.keywords?.length && incoming.keywords?.length) merged.keywords = rejoinKeywords(merged.keywords, incoming.keywords)
  merged.flags = union(base.flags, incoming.flags)
  merged.sources = union(base.sources, incoming.sources) ?? []
  return merged
}

export function mergeRecordIntoItem(item: Item, incoming: ReferenceRecord): Item {
  return fillMissing(item, incoming, item.editedFields)
}

function union<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  if (!a?.length && !b?.length) return a ?? b
  return [...new Set([...(a ?? []), ...(b ?? [])])]
}
