// RIS → records. We read the lines ourselves (ris-records.ts) and map each
// record's tags to CSL by citation-js's rules (ris-csl.ts), one record at a
// time so a bad one cannot sink the file.
import type { CslRecord } from '@citation-js/core'
import { isIdentifierValue, normaliseDoi } from '../identifiers'
import { readRisRecord, risRecordTexts, type RisTags } from './ris-records'
import { risToCsl } from './ris-csl'
import { entryNamed, hasContent, pmcidOf, recordFromCsl, withoutOversized } from './imported-record'
import type { ImportProblem, ImportedRecord, ParsedFile, RecordSink } from './imported-record'

/** True when `text` looks like RIS: a tag line such as "TY  - JOUR" near the top. */
export function looksLikeRis(text: string): boolean {
  return /^\s*(?:TY {1,2}- \S|[A-Z][A-Z0-9] {2}- .*\n(?:.*\n){0,40}\s*(?:TY|ER) {1,2}-)/m.test(text.slice(0, 8000))
}

/** With a `sink`, each record goes there once converted and none are returned (so the first papers are stored while the rest are read). */
export function parseRis(text: string, sink?: RecordSink): ParsedFile {
  const records: ImportedRecord[] = []
  const problems: ImportProblem[] = []
  const texts = risRecordTexts(text)
  sink?.total(texts.length)
  for (const recordText of texts) {
    const record = readRisRecord(recordText)
    const title = first(record.tags, 'TI', 'T1', 'CT', 'BT')
    const where = { line: record.line, ...entryNamed(title) }
    if (!record.tags.TY) {
      problems.push({ ...where, reason: 'This record has no TY (type) line, so it was skipped.' })
      continue
    }
    try {
      const { csl, dropped } = convertRecord(record.tags)
      const imported = recordFromCsl(csl, extraIds(record.tags))
      for (const reason of withoutOversized(imported)) problems.push({ ...where, reason })
      if (!hasContent(imported)) problems.push({ ...where, reason: 'This record holds nothing but its type, so it was skipped.' })
      else if (sink) sink.record(imported)
      else records.push(imported)
      for (const tag of dropped) {
        problems.push({ ...where, reason: `The ${tag} line could not be read, so it was left out.` })
      }
    } catch (error) {
      problems.push({ ...where, reason: `The record could not be converted (${error instanceof Error ? error.message : error}).` })
    }
  }
  return { records, problems }
}

/** CSL for one record; tags citation-js cannot read (odd dates) are left out and named. */
function convertRecord(tags: RisTags): { csl: CslRecord; dropped: string[] } {
  try {
    return { csl: toCsl(tags), dropped: [] }
  } catch {
    const dropped = Object.keys(tags).filter(tag => tag !== 'TY' && !tagReads(tags, tag))
    const readable = Object.fromEntries(Object.entries(tags).filter(([tag]) => !dropped.includes(tag)))
    return { csl: toCsl(readable), dropped }
  }
}

function toCsl(tags: RisTags): CslRecord {
  const csl = risToCsl(tags)
  // citation-js maps no fields for a type it does not know (OTHER) or only half knows (WEB):
  // read the fields as a generic record, keeping the type when it found one
  const fieldless = Object.keys(csl).every(field => field === 'type' || field === 'id') && Object.keys(tags).length > 1
  if (!fieldless || tags.TY === 'GEN') return csl
  const generic = toCsl({ ...tags, TY: 'GEN' })
  return csl.type ? { ...generic, type: csl.type } : generic
}

function tagReads(tags: RisTags, tag: string): boolean {
  try {
    toCsl({ TY: tags.TY, [tag]: tags[tag] })
    return true
  } catch {
    return false
  }
}

/**
 * A DOI wherever exporters put it (DO, or M3/N1/UR as Scopus, AIP and EndNote do), a PMCID,
 * and the PMID from AN (EndNote's PubMed convention, which Neuroref's export follows) when
 * it is 1–9 digits; other databases put their own accession numbers there.
 */
function extraIds(tags: RisTags) {
  const values = (tag: string) => [tags[tag] ?? []].flat()
  const doiPlaces = ['DO', 'M3', 'UR', 'L3', 'N1'].flatMap(values)
  const doi = doiPlaces.map(value => normaliseDoi(value)).find(Boolean)
  const pmcid = values('C2').map(pmcidOf).find(Boolean)
  const pmid = values('AN')
    .map(value => value.trim())
    .find(value => isIdentifierValue('pmid', value))
  return { doi: doi ?? undefined, pmcid, pmid }
}

function first(tags: RisTags, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = tags[name]
    if (value !== undefined) return Array.isArray(value) ? value[0] : value
  }
  return undefined
}
