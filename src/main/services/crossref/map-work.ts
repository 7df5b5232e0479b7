// A Crossref work (the `message` of GET /works/{doi}) → Neuroref's reference
// record: CSL-JSON for citing, plus what CSL has no room for (ORCIDs,
// funders, cited works, corrections and retractions).
import type { AuthorDetail, CitedWork, CslDate, CslFields, CslName, Funder, ItemSource, ReferenceRecord, RelatedRecord } from '@shared/model'
import { cleanInlineMarkup, readJatsAbstract } from './jats'

type OneOrMany<T> = T | T[]

export interface CrossrefPerson {
  given?: string
  family?: string
  suffix?: string
  name?: string
  ORCID?: string
  affiliation?: { name?: string }[]
}

export interface CrossrefDate {
  'date-parts'?: (number | string | null)[][]
}

export interface CrossrefFunder {
  name?: string
  DOI?: string
  award?: string[]
  'award-info'?: { 'award-number'?: string[] }[]
}

/** A cited work: deposited as free text (`unstructured`), as parts, or as a bare DOI. */
export type CrossrefReference = Partial<
  Record<'DOI' | 'unstructured' | 'author' | 'year' | 'article-title' | 'volume-title' | 'series-title' | 'journal-title' | 'volume' | 'first-page', string>
>

/** One entry of `update-to` / `updated-by`: a correction, retraction, … and the DOI it concerns. */
export interface CrossrefUpdate {
  DOI?: string
  type?: string
}

/** The parts of a Crossref work Neuroref reads. Titles may be arrays (REST API) or strings (CSL transform). */
export interface CrossrefWork {
  DOI: string
  type?: string
  subtype?: string
  title?: OneOrMany<string>
  subtitle?: OneOrMany<string>
  'short-title'?: OneOrMany<string>
  'container-title'?: OneOrMany<string>
  'short-container-title'?: OneOrMany<string>
  'container-title-short'?: OneOrMany<string>
  author?: CrossrefPerson[]
  editor?: CrossrefPerson[]
  'published-print'?: CrossrefDate
  'published-online'?: CrossrefDate
  issued?: CrossrefDate
  published?: CrossrefDate
  posted?: CrossrefDate
  volume?: string
  issue?: string
  page?: string
  'article-number'?: string
  ISSN?: OneOrMany<string>
  ISBN?: OneOrMany<string>
  URL?: string
  publisher?: string
  'publisher-location'?: string
  language?: string
  abstract?: string
  license?: { URL?: string; 'content-version'?: string }[]
  funder?: CrossrefFunder[]
  reference?: CrossrefReference[]
  'update-to'?: CrossrefUpdate[]
  'updated-by'?: CrossrefUpdate[]
  relation?: Record<string, OneOrMany<{ 'id-type'?: string; id?: string }>>
  institution?: OneOrMany<{ name?: string }>
  event?: { name?: string; location?: string }
}

/** Crossref's work types → CSL types (CSL 1.0.2, which citation-js and citeproc know). */
const CSL_TYPE_OF: Record<string, string> = {
  'journal-article': 'article-journal',
  'proceedings-article': 'paper-conference',
  'posted-content': 'article',
  'book-chapter': 'chapter',
  'book-section': 'chapter',
  'book-part': 'chapter',
  'book-track': 'chapter',
  book: 'book',
  'edited-book': 'book',
  monograph: 'book',
  'reference-book': 'book',
  'book-set': 'book',
  'book-series': 'book',
  proceedings: 'book',
  'reference-entry': 'entry',
  dataset: 'dataset',
  database: 'dataset',
  'peer-review': 'review',
  report: 'report',
  'report-component': 'report',
  'report-series': 'report',
  dissertation: 'thesis',
  standard: 'standard',
  journal: 'periodical',
  'journal-issue': 'periodical',
  'journal-volume': 'periodical',
  component: 'article',
  grant: 'document',
  other: 'document'
}

/** Crossref's type, or a CSL type as DataCite sends it, → the CSL type. */
function cslTypeOf(type: string | undefined, knownCslTypes: ReadonlySet<string>): string {
  if (!type) return 'document'
  return CSL_TYPE_OF[type] ?? (knownCslTypes.has(type) ? type : 'document')
}

function firstText(value: OneOrMany<string> | undefined): string | undefined {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.map(v => (typeof v === 'string' ? v.trim() : '')).find(v => v !== '')
}

/** Title with its subtitle, markup cleaned ("Title: Subtitle"; no colon after "?" or "!"). */
function titleOf(title?: OneOrMany<string>, subtitle?: OneOrMany<string>): string | undefined {
  const main = firstText(title)
  const sub = firstText(subtitle)
  const cleanMain = main === undefined ? undefined : cleanInlineMarkup(main)
  if (sub === undefined) return cleanMain
  if (!cleanMain) return cleanInlineMarkup(sub)
  return /[?!:.]$/.test(cleanMain) ? `${cleanMain} ${cleanInlineMarkup(sub)}` : `${cleanMain}: ${cleanInlineMarkup(sub)}`
}

/** CSL date from Crossref's date-parts; undefined for the `[[null]]` Crossref uses for "no date". */
export function dateOf(date: CrossrefDate | undefined): CslDate | undefined {
  const parts = (date?.['date-parts']?.[0] ?? []).map(p => (typeof p === 'string' ? Number.parseInt(p, 10) : p))
  const numbers: number[] = []
  for (const part of parts) {
    if (typeof part !== 'number' || !Number.isFinite(part)) break
    numbers.push(part)
  }
  return numbers.length > 0 ? { 'date-parts': [numbers] } : undefined
}

/** Page ranges use a plain hyphen (Crossref has en dashes, hyphen look-alikes, double hyphens). */
export function pageOf(page: string | undefined): string | undefined {
  const text = page?.trim()
  return text ? text.replace(/\s*(?:[\u2010-\u2015\u2212]|--)\s*/g, '-') : undefined
}

function namesOf(people: CrossrefPerson[] | undefined): CslName[] | undefined {
  if (!people?.length) return undefined
  return people.map(person => {
    const name: CslName = {}
    const family = person.family?.trim()
    const given = person.given?.trim()
    if (family) name.family = family
    if (given) name.given = given
    if (person.suffix?.trim()) name.suffix = person.suffix.trim()
    // Organisations ("The MoTrPAC Study Group") come as `name` only.
    if (!family && !given && person.name?.trim()) name.literal = person.name.trim()
    return name
  })
}

function orcidOf(value: string | undefined): string | undefined {
  return value?.match(/\d{4}-\d{4}-\d{4}-\d{3}[\dX]/i)?.[0].toUpperCase()
}

function authorDetailsOf(people: CrossrefPerson[] | undefined): AuthorDetail[] | undefined {
  const details: AuthorDetail[] = []
  people?.forEach((person, index) => {
    const orcid = orcidOf(person.ORCID)
    const affiliations = (person.affiliation ?? []).map(a => a.name?.trim() ?? '').filter(Boolean)
    if (!orcid && affiliations.length === 0) return
    details.push({ index, ...(orcid ? { orcid } : {}), ...(affiliations.length ? { affiliations } : {}) })
  })
  return details.length ? details : undefined
}

/** Funders with their awards; a funder listed once per award (NSF ×4) becomes one funder. */
function fundersOf(funders: CrossrefFunder[] | undefined): Funder[] | undefined {
  const merged = new Map<string, Funder>()
  for (const funder of funders ?? []) {
    const name = funder.name?.trim()
    if (!name) continue
    const doi = funder.DOI?.trim().toLowerCase()
    const key = `${name}|${doi ?? ''}`
    const entry = merged.get(key) ?? { name, ...(doi ? { doi } : {}) }
    const awards = [...(funder.award ?? []), ...(funder['award-info'] ?? []).flatMap(a => a['award-number'] ?? [])]
    for (const award of awards.map(a => a.trim()).filter(Boolean)) {
      entry.awards = entry.awards ?? []
      if (!entry.awards.includes(award)) entry.awards.push(award)
    }
    merged.set(key, entry)
  }
  return merged.size ? [...merged.values()] : undefined
}

/** The licence of the version of record when stated, else the first one listed. */
function licenseOf(licenses: CrossrefWork['license']): string | undefined {
  const withUrl = (licenses ?? []).filter(l => l.URL?.trim())
  const chosen = withUrl.find(l => l['content-version'] === 'vor') ?? withUrl[0]
  return chosen?.URL?.trim()
}

function joinParts(parts: (string | undefined)[], separator: string): string {
  return parts
    .map(p => p?.trim().replace(/[.\s]+$/, ''))
    .filter(Boolean)
    .join(separator)
}

/** The cited works: Crossref's own text when deposited, else one built from its parts. */
function citedWorksOf(references: CrossrefReference[] | undefined): CitedWork[] | undefined {
  const works: CitedWork[] = []
  for (const ref of references ?? []) {
    const doi = ref.DOI?.trim().toLowerCase() || undefined
    const firstPage = ref['first-page']?.trim()
    const volumeAndPage = ref.volume ? joinParts([ref.volume, firstPage], ':') : firstPage && `p. ${firstPage}`
    const built = joinParts(
      [
        joinParts([ref.author, ref.year && `(${ref.year})`], ' '),
        ref['article-title'] ?? ref['volume-title'] ?? ref['series-title'],
        joinParts([ref['journal-title'], volumeAndPage], ' ')
      ],
      '. '
    )
    const citation = ref.unstructured?.trim() ? cleanInlineMarkup(ref.unstructured) : built ? cleanInlineMarkup(built) : doi
    if (citation) works.push({ citation, ...(doi ? { doi } : {}) })
  }
  return works.length ? works : undefined
}

const kebab = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')

/** What an `updated-by` notice means for the paper a researcher holds. */
const FLAG_OF_UPDATE: Record<string, string> = {
  retraction: 'retracted',
  'partial-retraction': 'partially-retracted',
  withdrawal: 'withdrawn',
  removal: 'removed',
  correction: 'corrected',
  erratum: 'corrected',
  corrigendum: 'corrected',
  'expression-of-concern': 'expression-of-concern'
}

/** Flags and links from Crossref's update and relation metadata. */
export function updatesOf(work: Pick<CrossrefWork, 'update-to' | 'updated-by' | 'relation' | 'DOI'>): {
  flags?: string[]
  related?: RelatedRecord[]
} {
  const flags = new Set<string>()
  const related = new Map<string, RelatedRecord>()
  const own = work.DOI?.toLowerCase()
  const link = (relation: string, doi?: string, citation?: string): void => {
    const lower = doi?.trim().toLowerCase()
    if (lower && lower === own) return
    if (!lower && !citation) return
    related.set(`${relation}|${lower ?? citation}`, { relation, ...(lower ? { doi: lower } : { citation }) })
  }
  for (const update of work['updated-by'] ?? []) {
    const type = kebab(update.type ?? 'update')
    if (FLAG_OF_UPDATE[type]) flags.add(FLAG_OF_UPDATE[type])
    link(`has-${type}`, update.DOI)
  }
  // This record is itself a notice (a correction or retraction of another paper).
  for (const update of work['update-to'] ?? []) {
    const type = kebab(update.type ?? 'update')
    if (update.DOI?.toLowerCase() === own) continue
    flags.add(`${type}-notice`)
    link(`is-${type}-of`, update.DOI)
  }
  for (const [relation, entries] of Object.entries(work.relation ?? {})) {
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      if (!entry?.id) continue
      if (entry['id-type']?.toLowerCase() === 'doi') link(relation, entry.id)
      else link(relation, undefined, entry.id)
    }
  }
  return {
    ...(flags.size ? { flags: [...flags] } : {}),
    ...(related.size ? { related: [...related.values()] } : {})
  }
}

/** Print date first: it is the one journals and PubMed cite (volume/issue belong to it). */
function publicationDateOf(work: CrossrefWork): CslDate | undefined {
  return [work['published-print'], work['published-online'], work.issued, work.published, work.posted].map(dateOf).find(d => d !== undefined)
}

function dropEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T
}

const CROSSREF_CSL_TYPES: ReadonlySet<string> = new Set(Object.values(CSL_TYPE_OF))

/** A Crossref work → a reference record (also used for the Crossref-shaped CSL that doi.org returns). */
export function mapWork(work: CrossrefWork, source: ItemSource = 'crossref', knownCslTypes = CROSSREF_CSL_TYPES): ReferenceRecord {
  const type = cslTypeOf(work.type, knownCslTypes)
  const isPreprint = work.type === 'posted-content' && work.subtype === 'preprint'
  const institutions = work.institution === undefined ? [] : Array.isArray(work.institution) ? work.institution : [work.institution]
  const abstract = work.abstract?.trim() ? readJatsAbstract(work.abstract) : undefined
  const csl: CslFields = dropEmpty({
    type,
    ...(isPreprint ? { genre: 'preprint' } : {}),
    title: titleOf(work.title, work.subtitle),
    'title-short': titleOf(work['short-title']),
    // Preprints and blog posts have no journal; their server (bioRxiv, medRxiv) is what gets cited.
    'container-title': firstText(work['container-title']) ?? (work.type === 'posted-content' ? firstText(institutions.map(i => i.name ?? '')) : undefined),
    'container-title-short': firstText(work['short-container-title']) ?? firstText(work['container-title-short']),
    author: namesOf(work.author),
    editor: namesOf(work.editor),
    issued: publicationDateOf(work),
    volume: work.volume?.trim(),
    issue: work.issue?.trim(),
    // Online-only journals (Scientific Reports) number articles instead of paging them; cite the number.
    page: pageOf(work.page) ?? work['article-number']?.trim(),
    DOI: work.DOI,
    ISSN: firstText(work.ISSN),
    ISBN: firstText(work.ISBN),
    URL: work.URL,
    publisher: work.publisher?.trim(),
    'publisher-place': work['publisher-location']?.trim(),
    'event-title': work.event?.name?.trim(),
    'event-place': work.event?.location?.trim(),
    language: work.language?.trim(),
    abstract: abstract?.text
  })
  return dropEmpty({
    csl,
    doi: work.DOI.trim().toLowerCase(),
    authorDetails: authorDetailsOf(work.author),
    funders: fundersOf(work.funder),
    license: licenseOf(work.license),
    abstractSections: abstract?.sections,
    references: citedWorksOf(work.reference),
    ...updatesOf(work),
    sources: [source]
  })
}
