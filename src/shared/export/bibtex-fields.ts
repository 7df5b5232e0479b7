// One library item → a BibTeX entry type and its fields, as LaTeX text.
// citation-js supplies the CSL → BibTeX type table; Neuroref writes every
// value itself so titles keep their capitals and markup (see latex-markup).
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import type { CslFields, CslName, ReferenceRecord } from '../model'
import { latexChars } from './latex-chars'
import { latexFromMarkup } from './latex-markup'

/** What an export or a citation reads: a full record (never the window's light copy, which lacks the abstract and more). */
export type ExportItem = ReferenceRecord & { citationKey?: string; light?: never }

export interface BibtexEntry {
  type: string
  /** [field, value] in the order they are written; values are LaTeX, month is a macro */
  fields: [string, string][]
}

/** Field order of every entry, whatever its type. */
const FIELD_ORDER = [
  'author',
  'editor',
  'title',
  'journal',
  'booktitle',
  'howpublished',
  'school',
  'institution',
  'publisher',
  'address',
  'edition',
  'year',
  'month',
  'volume',
  'number',
  'pages',
  'isbn',
  'issn',
  'doi',
  'pmid',
  'pmcid',
  'url',
  'keywords',
  'note',
  'abstract'
] as const
type FieldName = (typeof FIELD_ORDER)[number]

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
/** BibTeX's own month macros are written bare (`month = mar`), not braced. */
export const BARE_FIELDS = new Set<string>(['month'])

const TYPE_OF_CSL = plugins.config.get('@bibtex').types.bibtex.target

/** CSL values are sometimes arrays (doi.org sends `"container-title": []`) or numbers. */
function text(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find(part => String(part ?? '').trim()) : value
  if (typeof first !== 'string' && typeof first !== 'number') return undefined
  const trimmed = String(first).trim()
  return trimmed || undefined
}

function isPreprint(csl: CslFields): boolean {
  return /preprint/i.test(`${text(csl.genre) ?? ''} ${text(csl.subtype) ?? ''}`)
}

function bibtexType(csl: CslFields): string {
  switch (csl.type) {
    case 'chapter':
      return 'incollection'
    case 'thesis':
      return /master|m\.?sc|m\.?a\.|diplom/i.test(text(csl.genre) ?? '') ? 'mastersthesis' : 'phdthesis'
    // CSL "article" is a preprint or working paper, not a journal article
    case 'article':
    case 'manuscript':
      return 'misc'
    default: {
      const type = TYPE_OF_CSL[csl.type] ?? 'misc'
      // an @article without a journal is an error to BibTeX styles (e.g. a Crossref peer review)
      return type === 'article' && !text(csl['container-title']) ? 'misc' : type
    }
  }
}

function latexName(name: CslName, latexAccents: boolean): string {
  const chars = (value: string): string => latexChars(value, latexAccents)
  // an institution is one indivisible last name for BibTeX
  if (name.literal) return `{${chars(name.literal)}}`
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ')
  if (!family) return given ? `{${chars(given)}}` : ''
  // commas and " and " inside a family name would split it
  const safeFamily = /,| and /i.test(family) ? `{${chars(family)}}` : chars(family)
  if (!given) return /\s/.test(family) ? `{${chars(family)}}` : safeFamily
  return [safeFamily, name.suffix && chars(name.suffix), chars(given)].filter(Boolean).join(', ')
}

function latexNames(names: CslName[] | undefined, latexAccents: boolean): string | undefined {
  const written = (names ?? []).map(name => latexName(name, latexAccents)).filter(Boolean)
  return written.length ? written.join(' and ') : undefined
}

/** DOIs and URLs stay verbatim except for what breaks BibTeX or LaTeX. */
function verbatim(value: string): string {
  return value.replace(/[{}]/g, encodeURIComponent).replace(/[%#]/g, '\\$&')
}

/** "2372-80", "101–9" → "2372--80": BibTeX writes ranges with a double hyphen. */
function pageRange(page: string): string {
  return page.replace(/\s*[-\u2010-\u2015\u2212]+\s*/g, '--')
}

function issuedParts(csl: CslFields): { year?: string; month?: string } {
  const parts = csl.issued?.['date-parts']?.[0] ?? []
  const year = text(parts[0]) ?? /\b\d{4}\b/.exec(`${csl.issued?.literal ?? csl.issued?.raw ?? ''}`)?.[0]
  const monthNumber = Number(parts[1])
  return { year, month: monthNumber >= 1 && monthNumber <= 12 ? MONTHS[monthNumber - 1] : undefined }
}

/** A stored DOI link repeats the doi field; only other URLs are worth writing. */
function isDoiLink(url: string, doi: string | undefined): boolean {
  if (!doi) return false
  const match = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(url)
  return !!match && decodeURIComponent(match[1]).toLowerCase() === doi.toLowerCase()
}

function abstractOf(item: ExportItem): string | undefined {
  const abstract = text(item.csl.abstract)
  if (abstract) return abstract
  const sections = item.abstractSections ?? []
  return sections.length ? sections.map(s => (s.label ? `${s.label}: ${s.text}` : s.text)).join(' ') : undefined
}

export function bibtexEntry(item: ExportItem, latexAccents: boolean): BibtexEntry {
  const { csl } = item
  const type = bibtexType(csl)
  const plain = (value: unknown): string | undefined => {
    const found = text(value)
    return found && latexChars(found, latexAccents)
  }
  const markup = (value: unknown, protectCase = false): string | undefined => {
    const found = text(value)
    return found ? latexFromMarkup(found, { latexAccents, protectCase }) || undefined : undefined
  }
  const container = markup(csl['container-title'])
  const publisher = plain(csl.publisher)
  const doi = text(item.doi ?? csl.DOI)
  const url = text(csl.URL)
  const { year, month } = issuedParts(csl)
  const preprint = isPreprint(csl)

  const values: Partial<Record<FieldName, string>> = {
    author: latexNames(csl.author, latexAccents),
    editor: latexNames(csl.editor, latexAccents),
    title: markup(csl.title, true),
    journal: type === 'article' ? container : undefined,
    booktitle: type === 'incollection' || type === 'inproceedings' ? container : undefined,
    howpublished: type === 'misc' ? (container ?? publisher) : undefined,
    school: type.endsWith('thesis') ? publisher : undefined,
    institution: type === 'techreport' ? publisher : undefined,
    publisher: ['book', 'incollection', 'inproceedings'].includes(type) ? publisher : undefined,
    address: type === 'article' || type === 'misc' ? undefined : plain(csl['publisher-place'] ?? csl['event-place']),
    edition: plain(csl.edition),
    year,
    month,
    volume: plain(csl.volume),
    number: plain(type === 'techreport' ? csl.number : csl.issue),
    pages: text(csl.page) && latexChars(pageRange(text(csl.page)!), latexAccents),
    isbn: plain(csl.ISBN),
    issn: plain(csl.ISSN),
    doi: doi && verbatim(doi),
    pmid: plain(item.pmid ?? csl.PMID),
    pmcid: plain(item.pmcid ?? csl.PMCID),
    url: url && (csl.type === 'webpage' || !isDoiLink(url, doi)) ? verbatim(url) : undefined,
    keywords: item.keywords?.length ? latexChars([...new Set(item.keywords)].join(', '), latexAccents) : undefined,
    note: [preprint ? 'Preprint' : undefined, plain(csl.note)].filter(Boolean).join('. ') || undefined,
    abstract: markup(abstractOf(item))
  }
  const fields = FIELD_ORDER.filter(field => values[field]).map((field): [string, string] => [field, values[field]!])
  return { type, fields }
}
