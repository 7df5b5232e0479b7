// "One paper, one item": when a paper comes in again (or from a second
// source), fill what the item lacks and never overwrite what the user edited.
import type { Item, ReferenceRecord } from './model'

const RECORD_LISTS = [
  'authorDetails', 'investigators', 'mesh', 'keywords', 'chemicals', 'grants', 'funders',
  'publicationTypes', 'abstractSections', 'references', 'related'
] as const

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

/** Fields of `incoming` that `item` lacks are copied in; fields the user edited stay. */
export function mergeRecordIntoItem(item: Item, incoming: ReferenceRecord): Item {
  const edited = new Set(item.editedFields ?? [])
  const csl = { ...item.csl }
  for (const [field, value] of Object.entries(incoming.csl)) {
    if (!edited.has(field) && isEmpty(csl[field]) && !isEmpty(value)) csl[field] = value
  }
  const merged: Item = { ...item, csl }
  for (const key of ['pmid', 'pmcid', 'doi', 'coi', 'license'] as const) {
    if (!edited.has(key) && isEmpty(merged[key]) && !isEmpty(incoming[key])) merged[key] = incoming[key]
  }
  for (const key of RECORD_LISTS) {
    if (!edited.has(key) && isEmpty(merged[key]) && !isEmpty(incoming[key])) {
      ;(merged as unknown as Record<string, unknown>)[key] = incoming[key]
    }
  }
  merged.flags = union(item.flags, incoming.flags)
  merged.sources = union(item.sources, incoming.sources) ?? []
  return merged
}

function union<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  if (!a?.length && !b?.length) return a ?? b
  return [...new Set([...(a ?? []), ...(b ?? [])])]
}

/** True when two records name the same paper by a shared identifier. */
export function sameIdentifier(a: ReferenceRecord, b: ReferenceRecord): boolean {
  return (
    (!!a.doi && !!b.doi && a.doi.toLowerCase() === b.doi.toLowerCase()) ||
    (!!a.pmid && a.pmid === b.pmid) ||
    (!!a.pmcid && !!b.pmcid && a.pmcid.toUpperCase() === b.pmcid.toUpperCase())
  )
}
