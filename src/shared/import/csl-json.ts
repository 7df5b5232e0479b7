// CSL-JSON (Zotero, citation-js, doi.org, Pandoc) → records. Files hold a
// list of items, one item, or { items: [...] }. Real files bend the schema:
// years as strings, empty date-parts, clock times in "season", numbers where
// strings belong.
import type { CslDate } from '../model'
import { recordFromCsl, type ImportProblem, type ImportedRecord, type ParsedFile } from './imported-record'
import { oversized } from './limits'

const DATE_FIELDS = ['issued', 'accessed', 'original-date', 'event-date', 'submitted', 'available-date']
const TEXT_FIELDS = ['volume', 'issue', 'page', 'number', 'number-of-pages', 'number-of-volumes', 'edition', 'PMID', 'PMCID']

/** The items of a CSL-JSON document, or null when `text` is not one. */
export function cslItemsOf(text: string): unknown[] | null {
  const start = text.trimStart()[0]
  if (start !== '[' && start !== '{') return null
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  const items = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.items) ? data.items : [data]
  return items.some(looksLikeCslItem) ? items : null
}

export function parseCslJson(text: string): ParsedFile {
  const items = cslItemsOf(text) ?? []
  const records: ImportedRecord[] = []
  const problems: ImportProblem[] = []
  items.forEach((item, index) => {
    if (!looksLikeCslItem(item)) {
      problems.push({ entry: `item ${index + 1}`, reason: 'This item is not a CSL-JSON reference (no type, title or author), so it was skipped.' })
      return
    }
    const key = item['citation-key']
    const fit = { ...item }
    for (const [field, value] of Object.entries(item)) {
      const reason = oversized(field, value)
      if (!reason) continue
      delete fit[field]
      problems.push({ entry: `item ${index + 1}`, reason })
    }
    records.push(recordFromCsl(tidyItem(fit), { citationKey: typeof key === 'string' ? key : undefined }))
  })
  return { records, problems }
}

function looksLikeCslItem(item: unknown): item is Record<string, unknown> {
  return isObject(item) && (typeof item.type === 'string' || 'title' in item || Array.isArray(item.author))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function tidyItem(item: Record<string, unknown>): Record<string, unknown> {
  const tidy = { ...item }
  for (const field of TEXT_FIELDS) {
    if (typeof tidy[field] === 'number') tidy[field] = String(tidy[field])
  }
  for (const field of DATE_FIELDS) {
    const date = isObject(tidy[field]) ? tidyDate(tidy[field] as CslDate) : undefined
    if (date) tidy[field] = date
    else delete tidy[field]
  }
  return tidy
}

/** Numeric date parts as numbers; empty parts and a season that is no season left out. */
function tidyDate(date: CslDate): CslDate | undefined {
  const tidy: CslDate = {}
  const parts = (date['date-parts'] ?? [])
    .filter(part => Array.isArray(part) && part.length > 0)
    .map(part => part.map(value => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value)))
  if (parts.length) tidy['date-parts'] = parts
  if (date.literal) tidy.literal = date.literal
  if (date.raw) tidy.raw = date.raw
  if (/^[1-4]$|^(spring|summer|autumn|fall|winter)$/i.test(String(date.season ?? ''))) tidy.season = date.season
  return Object.keys(tidy).length ? tidy : undefined
}
