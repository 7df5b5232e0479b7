// What every importer hands back: ReferenceRecords built from CSL-JSON, with
// identifiers made canonical the way the rest of Neuroref expects them
// (DOI lower-case without a resolver prefix, PMCID with "PMC").
import type { CslFields, ReferenceRecord } from '../model'
import { normaliseDoi, PMCID_DIGITS_PATTERN, PMID_PATTERN } from '../identifiers'
import { oversized } from './limits'
import { keywordPieces } from '../keywords'

export type ImportFormat = 'bibtex' | 'ris' | 'nbib' | 'csl-json' | 'endnote-xml'

/** A record read from a file; `citationKey` is the key the file gave it, so the library can keep it. */
export type ImportedRecord = ReferenceRecord & { citationKey?: string }

/** Something in the file that could not be read; the rest of the file still imports. */
export interface ImportProblem {
  line?: number
  /** the entry's citation key or title, when known */
  entry?: string
  reason: string
}

export interface ImportResult {
  format: ImportFormat
  encoding: string
  records: ImportedRecord[]
  problems: ImportProblem[]
}

/** What a format parser returns; decoding and format detection are done around it. */
export interface ParsedFile {
  records: ImportedRecord[]
  problems: ImportProblem[]
}

/**
 * Where a reader hands each record as soon as it is read, instead of returning them all at the end: the first
 * papers of a large file are stored while the rest is read. `total` comes first: how many entries will be tried.
 */
export interface RecordSink {
  total(count: number): void
  record(record: ImportedRecord): void
}

/** Identifiers the CSL fields may lack but the file had elsewhere. */
export interface ExtraIds {
  pmid?: unknown
  pmcid?: unknown
  doi?: unknown
  keywords?: string[]
  citationKey?: string
}

/** CSL bookkeeping that citation-js adds and the library does not store. */
const DROPPED_CSL = ['id', 'citation-key', '_graph', 'keyword']
const MULTILINE_CSL = ['abstract', 'note']
// Runs of ordinary white space; a non-breaking space (LaTeX ~) is kept.
const SPACES = /[ \t\r\n]+/g

/** A ReferenceRecord from one CSL-JSON object (as citation-js or a file gives it). */
export function recordFromCsl(input: Record<string, unknown>, extra: ExtraIds = {}): ImportedRecord {
  const csl = tidyCsl(input)
  const record: ImportedRecord = { csl, sources: ['file'] }

  const doi = normaliseDoi(String(extra.doi ?? input.DOI ?? ''))
  if (doi) record.doi = csl.DOI = doi
  else delete csl.DOI
  const pmid = pmidOf(extra.pmid) ?? pmidOf(input.PMID)
  if (pmid) record.pmid = csl.PMID = pmid
  const pmcid = pmcidOf(extra.pmcid) ?? pmcidOf(input.PMCID)
  if (pmcid) record.pmcid = csl.PMCID = pmcid

  const keywords = [...splitKeywords(input.keyword), ...(extra.keywords ?? [])]
  if (keywords.length) record.keywords = [...new Set(keywords)]

  const key = extra.citationKey?.trim()
  if (key) record.citationKey = key
  return record
}

/** Removes fields too long or too deep to keep (see limits.ts) and says which, in words. */
export function withoutOversized(record: ImportedRecord): string[] {
  const reasons: string[] = []
  // plain loops over the two objects: listing their entries as triples first was a tenth of reading a MEDLINE file
  const leaveOut = (owner: Record<string, unknown>, skip?: string) => {
    for (const name in owner) {
      if (name === skip) continue
      const reason = oversized(name, owner[name])
      if (!reason) continue
      delete owner[name]
      reasons.push(reason)
    }
  }
  leaveOut(record.csl as Record<string, unknown>)
  leaveOut(record as unknown as Record<string, unknown>, 'csl')
  return reasons
}

/** How a problem names its record: by its title, cut to what one line of the message shows (a 1 MB title line is left out, not quoted whole). */
export function entryNamed(title: string | undefined): { entry?: string } {
  return title ? { entry: title.slice(0, 80) } : {}
}

/** False for a record that holds nothing but its type (an empty entry in a damaged file). */
export function hasContent(record: ImportedRecord): boolean {
  return Object.keys(record.csl).some(field => field !== 'type') || !!record.keywords?.length
}

/** Keywords as files write them: "a, b; c" in one field, or a list. */
function splitKeywords(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []
  return parts.flatMap(keywordPieces)
}

// A file's PMID or PMCID field: the number, with or without its label and prefix.
const PMID_FIELD_RE = new RegExp(`^\\s*(?:PMID:?\\s*)?(${PMID_PATTERN})\\s*$`, 'i')
const PMCID_FIELD_RE = new RegExp(`^\\s*(?:PMCID:?\\s*)?(?:PMC)?(${PMCID_DIGITS_PATTERN})\\s*$`, 'i')

export function pmidOf(value: unknown): string | undefined {
  const match = PMID_FIELD_RE.exec(String(value ?? ''))
  return match ? match[1] : undefined
}

export function pmcidOf(value: unknown): string | undefined {
  const match = PMCID_FIELD_RE.exec(String(value ?? ''))
  return match ? `PMC${match[1]}` : undefined
}

/**
 * CSL text fields hold one string; RIS files repeat tags (two N1 notes, JF
 * and JO journal names). Notes are joined, elsewhere the first one counts.
 */
function oneValue(field: string, value: unknown): unknown {
  if (!Array.isArray(value) || !value.every(part => typeof part === 'string')) return value
  return MULTILINE_CSL.includes(field) ? value.join('\n\n') : value[0]
}

// what tidying changes besides the ends: a tab or line break, or two spaces in a row
const UNTIDY = /[\t\r\n]| {2}/

/** Long text keeps its paragraphs; every other field becomes one line. Non-breaking spaces stay. */
function tidyText(field: string, value: string): string {
  const text = composed(value)
  // most values (and every abstract BibTeX gives) are already one line with single spaces: test, do not copy
  if (!UNTIDY.test(text)) return text.trim()
  if (!MULTILINE_CSL.includes(field)) return text.replace(SPACES, ' ').trim()
  return text
    .split(/\n[ \t\r]*\n/)
    .map(paragraph => paragraph.replace(SPACES, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
}

// NFC changes nothing in a text of characters below U+0300 (the combining accents start there): most titles and names
const MAY_COMPOSE = /[^\u0000-\u02ff]/

/**
 * Accented letters as single characters (NFC). LaTeX's {\'{\i}} gives a
 * dotless i plus an accent, which has no composed form: it means "í".
 */
function composed(text: string): string {
  if (!MAY_COMPOSE.test(text)) return text
  return (text.includes('\u0131') ? text.replace(/\u0131(?=[\u0300-\u036f])/g, 'i') : text).normalize('NFC')
}

/** Strings anywhere inside a name or date object, tidied the same way. */
function tidyValue(field: string, value: unknown): unknown {
  if (typeof value === 'string') return tidyText(field, value)
  if (Array.isArray(value)) return value.map(part => tidyValue(field, part))
  if (value && typeof value === 'object') {
    // a loop, not fromEntries of entries: a name or date object of every author of every paper
    const tidy: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      const part = tidyValue(key, (value as Record<string, unknown>)[key])
      // "__proto__" as an own field (JSON gives one) stays a field, as fromEntries made it
      if (key === '__proto__') Object.defineProperty(tidy, key, { value: part, enumerable: true, writable: true, configurable: true })
      else tidy[key] = part
    }
    return tidy
  }
  return value
}

/** A copy without citation-js bookkeeping, strings trimmed, empty values dropped. */
function tidyCsl(input: Record<string, unknown>): CslFields {
  const csl: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(input)) {
    if (DROPPED_CSL.includes(field)) continue
    const tidy = tidyValue(field, oneValue(field, value))
    if (tidy === '' || tidy === undefined || tidy === null) continue
    if (Array.isArray(tidy) && tidy.length === 0) continue
    csl[field] = tidy
  }
  if (typeof csl.type !== 'string' || !csl.type) csl.type = 'document'
  return csl as CslFields
}
