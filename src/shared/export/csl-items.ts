// Library items → CSL-JSON as other tools and citeproc read it: the item's
// CSL fields plus the identifiers and keywords Neuroref keeps beside them,
// with the citation key as the `id` so keys stay the same everywhere.
import type { CslRecord } from '@citation-js/core'
import type { CslFields } from '../model'
import { citationKeys } from './bibtex'
import type { ExportItem } from './bibtex-fields'

/** CSL fields that hold names or dates (objects), not text. */
const STRUCTURED = new Set([
  'author',
  'editor',
  'translator',
  'container-author',
  'collection-editor',
  'composer',
  'director',
  'interviewer',
  'recipient',
  'reviewed-author',
  'chair',
  'compiler',
  'contributor',
  'curator',
  'editorial-director',
  'executive-producer',
  'guest',
  'host',
  'illustrator',
  'narrator',
  'organizer',
  'original-author',
  'performer',
  'producer',
  'script-writer',
  'series-creator',
  'issued',
  'accessed',
  'event-date',
  'original-date',
  'submitted',
  'available-date'
])

/**
 * A copy citeproc and other readers accept: bookkeeping fields (`_graph`,
 * old `id`s) dropped, and text fields that some sources send as lists
 * (doi.org's `"container-title": []`) reduced to their first value.
 */
function cleanCsl(csl: CslFields): CslRecord {
  const out: CslRecord = {}
  for (const [field, value] of Object.entries(csl)) {
    if (field.startsWith('_') || field === 'id' || field === 'citation-key') continue
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value) && !STRUCTURED.has(field)) {
      const first = value.find(part => typeof part === 'string' && part.trim())
      if (first !== undefined) out[field] = first
      continue
    }
    out[field] = value
  }
  return out
}

/** What a paper's CSL-JSON record is made of (a full item, or a paper cut down to these fields). */
export type CitedFields = Pick<ExportItem, 'csl' | 'doi' | 'pmid' | 'pmcid' | 'citationKey' | 'keywords' | 'abstractSections'>

function abstractOf(item: CitedFields): string | undefined {
  if (typeof item.csl.abstract === 'string' && item.csl.abstract.trim()) return item.csl.abstract
  const sections = item.abstractSections ?? []
  return sections.length ? sections.map(s => (s.label ? `${s.label}: ${s.text}` : s.text)).join('\n\n') : undefined
}

/** One CSL-JSON record per item, in order, each with a unique citation key as `id`. */
export function cslRecords(items: CitedFields[]): CslRecord[] {
  const keys = citationKeys(items)
  return items.map((item, index) => {
    const record: CslRecord = { id: keys[index], 'citation-key': keys[index], ...cleanCsl(item.csl) }
    const doi = item.doi ?? item.csl.DOI
    const pmid = item.pmid ?? item.csl.PMID
    const pmcid = item.pmcid ?? item.csl.PMCID
    if (doi) record.DOI = doi
    if (pmid) record.PMID = pmid
    if (pmcid) record.PMCID = pmcid
    const abstract = abstractOf(item)
    if (abstract) record.abstract = abstract
    if (item.keywords?.length) record.keyword = [...new Set(item.keywords)].join(', ')
    return record
  })
}

/** A CSL-JSON file: an array of records, readable by Zotero, Pandoc and citation-js. */
export function exportCslJson(items: ExportItem[]): string {
  return `${JSON.stringify(cslRecords(items), null, 2)}\n`
}
