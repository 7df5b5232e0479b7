// A journal article as most files write it (@article with the fields in ARTICLE_FIELDS) mapped to CSL directly,
// with citation-js's own converters for names, titles, dates, pages and keywords. Its BibLaTeX → CSL translator
// tries each of its ~150 rules on every entry (a tenth of reading a 10,000-entry file); here each field present
// is mapped once. Any other type or field, and every crossref, goes through citation-js's mapping:
// bibtex-values.test.ts compares both, field for field and in the same order, on every fixture and on generated articles.
import type { CslRecord } from '@citation-js/core'
import { Converters } from '@citation-js/plugin-bibtex/lib/mapping/shared.js'
import type { RawEntry } from './bibtex-values'

// `file` (a Zotero or JabRef attachment path) becomes no CSL field
const ARTICLE_FIELDS = new Set([
  ...['author', 'title', 'shorttitle', 'journal', 'year', 'month', 'date', 'volume', 'number', 'pages', 'doi', 'abstract', 'keywords', 'url', 'urldate'],
  ...['issn', 'note', 'pmid', 'pmcid', 'publisher', 'address', 'language', 'langid', 'file']
])
const { NAMES_ORCID, TITLE, DATE, YEAR_MONTH, PAGES, KEYWORDS, PICK } = Converters

/** The CSL of an @article whose values were read (as citation-js maps it), or undefined when it has a field this does not map. */
export function articleCsl({ type, label, properties: fields }: RawEntry): CslRecord | undefined {
  if (type !== 'article') return undefined
  for (const field in fields) if (!ARTICLE_FIELDS.has(field)) return undefined
  const has = (field: string) => field in fields
  // in the order citation-js's rules write them, so the record's fields come out in the order they did
  const csl: Record<string, unknown> = {}
  const set = (name: string, value: unknown) => {
    if (value !== undefined) csl[name] = value
  }
  if (has('address')) set('publisher-place', PICK.toTarget(fields.address))
  if (has('journal')) set('container-title', fields.journal)
  if (has('pmid')) set('PMID', fields.pmid)
  if (has('pmcid')) set('PMCID', fields.pmcid)
  if (has('abstract')) set('abstract', fields.abstract)
  if (has('urldate')) set('accessed', DATE.toTarget(fields.urldate))
  if (has('author')) set('author', NAMES_ORCID.toTarget(fields.author, undefined))
  if (has('doi')) set('DOI', fields.doi)
  csl.type = 'article-journal'
  csl.id = label
  csl['citation-key'] = label
  if (has('issn')) set('ISSN', fields.issn)
  if (has('number')) set('issue', fields.number)
  if (has('date')) set('issued', DATE.toTarget(fields.date))
  else if (has('year') || has('month')) set('issued', YEAR_MONTH.toTarget(fields.year, fields.month, undefined))
  if (has('keywords')) set('keyword', KEYWORDS.toTarget(fields.keywords))
  if (has('language')) set('language', PICK.toTarget(fields.language))
  else if (has('langid')) set('language', fields.langid)
  if (has('note')) set('note', fields.note)
  if (has('pages')) set('page', PAGES.toTarget(fields.pages))
  if (has('publisher')) set('publisher', PICK.toTarget(fields.publisher))
  if (has('shorttitle')) set('title-short', fields.shorttitle)
  if (has('title')) set('title', TITLE.toTarget(fields.title, undefined, undefined))
  if (has('url')) set('URL', fields.url)
  if (has('volume')) set('volume', fields.volume)
  return csl as CslRecord
}
