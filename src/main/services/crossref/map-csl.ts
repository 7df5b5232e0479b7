// doi.org content negotiation (Accept: application/vnd.citationstyles.csl+json)
// → reference record. For Crossref DOIs doi.org hands back Crossref's own
// record dressed as CSL (Crossref type names, JATS abstract, ORCIDs, cited
// works), so it goes through the same mapping as a Crossref work; DataCite,
// mEDRA and the other agencies send plain CSL-JSON, whose extra CSL fields
// (particles, version, number …) are kept on top.
import type { CslDate, CslName, ReferenceRecord } from '@shared/model'
import { dateOf, mapWork, type CrossrefPerson, type CrossrefWork } from './map-work'

/** CSL 1.0.2 item types: a type DataCite sends that is one of these is kept as it is. */
const CSL_TYPES: ReadonlySet<string> = new Set([
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage'
])

/** Plain CSL variables worth keeping when an agency sends them (mapWork covers the rest). */
const KEPT_CSL_FIELDS = [
  'version',
  'number',
  'edition',
  'genre',
  'medium',
  'collection-title',
  'collection-number',
  'number-of-pages',
  'publisher-place',
  'event-title',
  'event-place',
  'archive',
  'status'
] as const

type CslPerson = CrossrefPerson & CslName

/** The doi.org answer as Neuroref reads it: CSL-JSON, possibly with Crossref's extra fields. */
export type DoiOrgCsl = Omit<CrossrefWork, 'DOI' | 'author' | 'editor' | 'issued'> & {
  DOI?: string
  author?: CslPerson[]
  editor?: CslPerson[]
  issued?: CslDate
  'title-short'?: string
  keyword?: string | string[]
  [field: string]: unknown
}

/** Is this a CSL item (not an error document or an HTML page parsed by accident)? */
export function isCslItem(value: unknown): value is DoiOrgCsl {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const item = value as Record<string, unknown>
  const title = item.title
  const hasTitle = typeof title === 'string' ? title.trim() !== '' : Array.isArray(title) && title.length > 0
  return typeof item.type === 'string' && hasTitle
}

/** CSL names keep their particles ("van", "de"); Crossref-shaped names are read as Crossref's. */
function cslNamesOf(people: CslPerson[] | undefined): CslName[] | undefined {
  if (!people?.length) return undefined
  return people.map(person => {
    const name: CslName = {}
    for (const field of ['family', 'given', 'suffix', 'non-dropping-particle', 'dropping-particle', 'literal'] as const) {
      const value = person[field]?.trim()
      if (value) name[field] = value
    }
    if (!name.family && !name.given && !name.literal && person.name?.trim()) name.literal = person.name.trim()
    return name
  })
}

/** `issued` as date-parts (numbers, even when sent as strings), else from `raw`, else `literal`. */
function issuedOf(issued: CslDate | undefined): CslDate | undefined {
  const fromParts = dateOf(issued)
  if (fromParts) return fromParts
  const raw = issued?.raw?.match(/^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/)
  if (raw) return { 'date-parts': [raw.slice(1).filter(Boolean).map(Number)] }
  return issued?.literal ? { literal: issued.literal } : undefined
}

function keywordsOf(keyword: string | string[] | undefined): string[] | undefined {
  const list = (Array.isArray(keyword) ? keyword : (keyword ?? '').split(/[,;]/)).map(k => k.trim()).filter(Boolean)
  return list.length ? [...new Set(list)] : undefined
}

/** A doi.org CSL-JSON item → reference record. `doi` is the one asked for, used when the item has none. */
export function mapCsl(item: DoiOrgCsl, doi: string): ReferenceRecord {
  const work: CrossrefWork = {
    ...item,
    DOI: typeof item.DOI === 'string' && item.DOI.trim() ? item.DOI.trim() : doi,
    'short-title': item['short-title'] ?? item['title-short'],
    author: item.author?.map(a => ({ ...a, name: a.name ?? a.literal })),
    editor: item.editor?.map(e => ({ ...e, name: e.name ?? e.literal }))
  }
  const record = mapWork(work, 'doi.org', CSL_TYPES)
  const csl = record.csl
  const author = cslNamesOf(item.author)
  const editor = cslNamesOf(item.editor)
  if (author) csl.author = author
  if (editor) csl.editor = editor
  // Plain CSL may date an item only by `raw` or `literal`.
  const issued = csl.issued ?? issuedOf(item.issued)
  if (issued) csl.issued = issued
  for (const field of KEPT_CSL_FIELDS) {
    const value = item[field]
    if (csl[field] === undefined && (typeof value === 'string' || typeof value === 'number') && `${value}`.trim()) {
      csl[field] = `${value}`.trim()
    }
  }
  const keywords = keywordsOf(item.keyword)
  return keywords ? { ...record, keywords } : record
}
