// Merging two items that hold the same paper. The researcher chooses, field
// by field, which value to keep where the two disagree; everything else is
// combined so nothing the library knew about either copy is lost.
import type { Item, ItemBasics, MeshHeading, PeptideTag, CitedWork, ReadStatus } from './model'
import { fillMissing } from './merge'
import { unionKeywords } from './keywords'
import { nameLabel, plainText } from './display'
import { titleFingerprint } from './text'

/** Which copy's value to keep for one field. */
export type MergeSide = 'keep' | 'other'
export type MergeChoices = Record<string, MergeSide>

/** A field where the two copies disagree, with both values as a researcher reads them. */
export interface FieldDifference {
  field: string
  label: string
  keepText: string
  otherText: string
  /** the copy the researcher edited by hand, otherwise the more complete value (the older copy's when they differ only in case or punctuation) */
  suggested: MergeSide
}

/** Identifiers live twice (top level and CSL); they are compared once, at the top level. */
const ID_FIELDS = ['doi', 'pmid', 'pmcid'] as const
const CSL_MIRRORS: Record<(typeof ID_FIELDS)[number], string> = { doi: 'DOI', pmid: 'PMID', pmcid: 'PMCID' }

const LABELS: Record<string, string> = {
  title: 'Title',
  author: 'Authors',
  editor: 'Editors',
  issued: 'Date',
  'container-title': 'Journal',
  'container-title-short': 'Journal abbreviation',
  volume: 'Volume',
  issue: 'Issue',
  page: 'Pages',
  abstract: 'Abstract',
  type: 'Type',
  publisher: 'Publisher',
  'publisher-place': 'Place',
  ISSN: 'ISSN',
  ISBN: 'ISBN',
  URL: 'Link',
  language: 'Language',
  edition: 'Edition',
  note: 'Note field',
  doi: 'DOI',
  pmid: 'PMID',
  pmcid: 'PMCID'
}

function fieldLabel(field: string): string {
  return LABELS[field] ?? field
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

/** A value as one line of text: names "Family, Given; …", dates "2023-12-27", markup dropped. */
function valueText(value: unknown): string {
  if (isEmpty(value)) return ''
  if (typeof value === 'string') return plainText(value)
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map(v => (typeof v === 'object' && v ? nameLabel(v) : valueText(v))).join('; ')
  const date = value as { 'date-parts'?: unknown[][]; literal?: string; raw?: string }
  if (date['date-parts']) return date['date-parts'].map(part => part.join('-')).join(' – ')
  return date.literal ?? date.raw ?? JSON.stringify(value)
}

function valueOf(item: Item, field: string): unknown {
  return (ID_FIELDS as readonly string[]).includes(field) ? item[field as (typeof ID_FIELDS)[number]] : item.csl[field]
}

/** JSON with object keys sorted: `{given, family}` and `{family, given}` are the same name. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v
  )
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim()
  return canonical(a) === canonical(b)
}

/** Known fields in the order a reference reads (title, authors, date, journal…), then the rest. */
function fieldOrder(field: string): number {
  const at = Object.keys(LABELS).indexOf(field)
  return at < 0 ? Object.keys(LABELS).length : at
}

/** Fields both copies fill, with different values; fields only one fills are simply combined. */
export function differingFields(keep: Item, other: Item): FieldDifference[] {
  const mirrors = new Set(Object.values(CSL_MIRRORS))
  const cslFields = [...new Set([...Object.keys(keep.csl), ...Object.keys(other.csl)])].filter(f => !mirrors.has(f))
  cslFields.sort((a, b) => fieldOrder(a) - fieldOrder(b))
  const out: FieldDifference[] = []
  for (const field of [...cslFields, ...ID_FIELDS]) {
    const a = valueOf(keep, field)
    const b = valueOf(other, field)
    if (isEmpty(a) || isEmpty(b) || sameValue(a, b)) continue
    const keepText = valueText(a)
    const otherText = valueText(b)
    let suggested: MergeSide = 'keep'
    if (keep.editedFields?.includes(field)) suggested = 'keep'
    else if (other.editedFields?.includes(field)) suggested = 'other'
    // Same words in another case or punctuation: the older copy's; otherwise the fuller value.
    else if (titleFingerprint(keepText) !== titleFingerprint(otherText) && otherText.length > keepText.length) suggested = 'other'
    out.push({ field, label: fieldLabel(field), keepText, otherText, suggested })
  }
  return out
}

/** The copy to keep: the one added first (its citation key may already be in manuscripts). */
export function olderFirst<T extends ItemBasics>(a: T, b: T): [T, T] {
  if (a.addedAt !== b.addedAt) return a.addedAt < b.addedAt ? [a, b] : [b, a]
  return a.id <= b.id ? [a, b] : [b, a]
}

function union<T>(a: T[] | undefined, b: T[] | undefined, keyOf: (value: T) => string = String): T[] {
  const seen = new Map<string, T>()
  for (const value of [...(a ?? []), ...(b ?? [])]) if (!seen.has(keyOf(value))) seen.set(keyOf(value), value)
  return [...seen.values()]
}

const citedKey = (work: CitedWork): string => (work.pmid ? `pmid:${work.pmid}` : work.doi ? `doi:${work.doi.toLowerCase()}` : `text:${work.citation}`)
const READ_ORDER: ReadStatus[] = ['unread', 'reading', 'read']

/** Sets one chosen field (and what travels with it) from the other copy. */
function takeFromOther(merged: Item, other: Item, field: string): void {
  if ((ID_FIELDS as readonly string[]).includes(field)) {
    const id = field as (typeof ID_FIELDS)[number]
    merged[id] = other[id]
    merged.csl[CSL_MIRRORS[id]] = other.csl[CSL_MIRRORS[id]] ?? other[id]
    return
  }
  merged.csl[field] = other.csl[field]
  // Author details index into the author list; structured abstracts belong to their abstract.
  if (field === 'author') merged.authorDetails = other.authorDetails
  if (field === 'abstract') merged.abstractSections = other.abstractSections
}

/**
 * One item from two copies of a paper. `keep` survives (its id, citation key,
 * date added); `choices` say, for fields where they differ, which value wins
 * (unnamed fields keep `keep`'s value). Empty fields are filled from `other`,
 * and every list — tags, collections, keywords, MeSH, peptides, references,
 * sources, flags — becomes the union of both.
 */
export function mergeItems(keep: Item, other: Item, choices: MergeChoices, now = Date.now()): Item {
  const chosen = Object.keys(choices).filter(field => choices[field] === 'other')
  const merged: Item = { ...keep, csl: { ...keep.csl } }
  for (const field of chosen) takeFromOther(merged, other, field)

  const edited = new Set([...(keep.editedFields ?? []), ...Object.keys(choices)])
  const filled = fillMissing(merged, other, [...edited])

  filled.tags = union(keep.tags, other.tags)
  filled.collectionIds = union(keep.collectionIds, other.collectionIds)
  // Not a plain union: a BibTeX copy splits a keyword that holds a comma into pieces, which must not become extra keywords.
  filled.keywords = unionKeywords(keep.keywords, other.keywords)
  filled.mesh = union<MeshHeading>(keep.mesh, other.mesh, m => m.descriptor.toLowerCase())
  filled.peptideTags = union<PeptideTag>(keep.peptideTags, other.peptideTags, p => p.peptide)
  filled.references = union(keep.references, other.references, citedKey)
  filled.sources = union(keep.sources, other.sources)
  filled.flags = union(keep.flags, other.flags)
  filled.removedPeptideTags = union(keep.removedPeptideTags, other.removedPeptideTags)
  for (const list of ['keywords', 'mesh', 'references', 'flags', 'removedPeptideTags'] as const) {
    if (filled[list]?.length === 0 && keep[list] === undefined) delete filled[list]
  }

  filled.editedFields = edited.size ? [...edited] : undefined
  if (!filled.editedFields) delete filled.editedFields
  filled.rating = Math.max(keep.rating ?? 0, other.rating ?? 0) || undefined
  if (filled.rating === undefined) delete filled.rating
  const reads = [keep.readStatus, other.readStatus].filter((s): s is ReadStatus => !!s)
  if (reads.length) filled.readStatus = reads.sort((a, b) => READ_ORDER.indexOf(b) - READ_ORDER.indexOf(a))[0]
  filled.citationKey = keep.citationKey ?? other.citationKey

  // Index fields (title words, year, DOI key, peptide tags) are the library's to set when it stores the result.
  filled.addedAt = Math.min(keep.addedAt, other.addedAt)
  filled.modifiedAt = now
  delete filled.trashedAt
  return filled
}
