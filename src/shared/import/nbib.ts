// MEDLINE / .nbib records → ReferenceRecords with everything PubMed puts in
// them: authors with affiliations and ORCIDs, MeSH with qualifiers and major
// topics, substances, grants, keywords, publication types, book chapters.
import type { AuthorDetail, Chemical, CslFields, CslName, Grant, MeshHeading } from '../model'
import { normaliseDoi } from '../identifiers'
import { medlineRecordTexts, readMedlineRecord, valueOf, valuesOf, type MedlineRecord } from './nbib-records'
import { entryNamed, pmcidOf, pmidOf, recordFromCsl, withoutOversized } from './imported-record'
import type { ImportProblem, ImportedRecord, ParsedFile, RecordSink } from './imported-record'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const SEASONS: Record<string, number> = { spring: 1, summer: 2, fall: 3, autumn: 3, winter: 4 }

/**
 * With a `sink`, each record goes there as soon as it is read (the returned records are then empty): the first papers
 * of a 100,000-record download are on their way at once, and no list of them all is ever held.
 */
export function parseMedline(text: string, sink?: RecordSink): ParsedFile {
  const records: ImportedRecord[] = []
  const problems: ImportProblem[] = []
  const texts = medlineRecordTexts(text)
  sink?.total(texts.length)
  for (const recordText of texts) {
    const medline = readMedlineRecord(recordText)
    const title = valueOf(medline, 'TI') ?? valueOf(medline, 'BTI')
    if (!title && !valueOf(medline, 'PMID')) {
      problems.push({ line: medline.line, reason: 'This part of the file is not a MEDLINE record (it has no PMID or title), so it was skipped.' })
      continue
    }
    const record = recordFromMedline(medline)
    for (const reason of withoutOversized(record)) problems.push({ line: medline.line, ...entryNamed(title), reason })
    if (sink) sink.record(record)
    else records.push(record)
  }
  return { records, problems }
}

function recordFromMedline(m: MedlineRecord): ImportedRecord {
  const { authors, details } = authorsOf(m)
  const csl: CslFields = {
    type: typeOf(m),
    ...titlesOf(m),
    author: authors,
    editor: namesOf(m, 'FED', 'ED'),
    issued: dateOf(valueOf(m, 'DP')),
    volume: valueOf(m, 'VI'),
    issue: valueOf(m, 'IP'),
    page: pagesOf(valueOf(m, 'PG')),
    abstract: valueOf(m, 'AB'),
    ISSN: valueOf(m, 'IS')?.replace(/\s*\(.*\)$/, ''),
    ISBN: valueOf(m, 'ISBN')?.replace(/^ISBN\s*/i, ''),
    language: valueOf(m, 'LA'),
    publisher: valueOf(m, 'PB'),
    'publisher-place': valueOf(m, 'PL')
  }
  const record = recordFromCsl(csl as Record<string, unknown>, {
    pmid: pmidOf(valueOf(m, 'PMID')),
    pmcid: pmcidOf(valueOf(m, 'PMC')),
    doi: doiOf(m)
  })
  record.keywords = valuesOf(m, 'OT')
  record.authorDetails = details
  record.investigators = namesOf(m, 'FIR', 'IR')
  record.mesh = valuesOf(m, 'MH').map(meshOf)
  record.chemicals = valuesOf(m, 'RN').map(chemicalOf)
  record.grants = valuesOf(m, 'GR').map(grantOf)
  record.publicationTypes = valuesOf(m, 'PT')
  record.coi = valueOf(m, 'COIS')
  if (valueOf(m, 'STAT') === 'Publisher') record.flags = ['ahead of print']
  return dropEmpty(record)
}

function typeOf(m: MedlineRecord): string {
  const types = valuesOf(m, 'PT').map(t => t.toLowerCase())
  if (types.includes('book chapter') || (valueOf(m, 'BTI') && valueOf(m, 'TI'))) return 'chapter'
  if (types.includes('book') || valueOf(m, 'BTI')) return 'book'
  return 'article-journal'
}

/** A chapter sits in its book (BTI); an article in its journal (JT, TA). */
function titlesOf(m: MedlineRecord): Partial<CslFields> {
  const bookTitle = valueOf(m, 'BTI')
  const title = valueOf(m, 'TI')
  if (bookTitle && !title) return { title: bookTitle, 'collection-title': valueOf(m, 'CTI') }
  return {
    title,
    'container-title': bookTitle ?? valueOf(m, 'JT') ?? valueOf(m, 'TA'),
    'container-title-short': bookTitle ? undefined : valueOf(m, 'TA')
  }
}

/** Authors from FAU (full) or AU; the AD and AUID lines after an author belong to that author. */
function authorsOf(m: MedlineRecord): { authors: CslName[]; details: AuthorDetail[] } {
  const useFull = m.byTag.has('FAU')
  const nameTag = useFull ? 'FAU' : 'AU'
  const authors: CslName[] = []
  const details: AuthorDetail[] = []
  let detail: AuthorDetail | null = null
  for (const { tag, value } of m.fields) {
    if (tag === nameTag) {
      authors.push(nameOf(value))
      details.push((detail = { index: authors.length - 1 }))
    } else if (tag === 'CN') {
      authors.push({ literal: value })
      detail = null
    } else if (tag === 'AU' && useFull && detail && !detail.initials) {
      detail.initials = /\s(\S+)$/.exec(value)?.[1]
    } else if (tag === 'AD' && detail) {
      detail.affiliations = [...(detail.affiliations ?? []), value]
    } else if (tag === 'AUID' && detail) {
      const orcid = /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/i.exec(value)?.[1]
      if (orcid) detail.orcid = orcid
    }
  }
  return { authors, details: details.filter(d => d.initials || d.orcid || d.affiliations) }
}

/** Names from the full-form tag when present (FED, FIR), else the short one (ED, IR). */
function namesOf(m: MedlineRecord, fullTag: string, shortTag: string): CslName[] {
  const full = valuesOf(m, fullTag)
  return (full.length ? full : valuesOf(m, shortTag)).map(nameOf)
}

/** "van Raaij, M J" (full form), "van Raaij MJ" (short form), "Selvamani" (one name). */
function nameOf(value: string): CslName {
  const comma = value.indexOf(',')
  if (comma >= 0) return { family: value.slice(0, comma).trim(), given: value.slice(comma + 1).trim() }
  const short = /^(.+)\s+([A-Z]{1,4})$/.exec(value)
  return short ? { family: short[1], given: short[2] } : { family: value }
}

/** "1996 Jul 9", "2010 Sep-Oct", "2009 Spring", "2016". */
function dateOf(value: string | undefined): CslFields['issued'] {
  const year = value && /\b(\d{4})\b/.exec(value)
  if (!year) return value ? { literal: value } : undefined
  const rest = value
    .slice(year.index + 4)
    .trim()
    .toLowerCase()
  const month = MONTHS.indexOf(rest.slice(0, 3)) + 1
  const season = SEASONS[rest.split(/\W/)[0]]
  if (!month) return season ? { 'date-parts': [[Number(year[1])]], season } : { 'date-parts': [[Number(year[1])]] }
  const day = /^[a-z]{3}\s+(\d{1,2})\b/.exec(rest)?.[1]
  return { 'date-parts': [day ? [Number(year[1]), month, Number(day)] : [Number(year[1]), month]] }
}

/** PubMed shortens page ranges ("6913-7"); a manuscript wants "6913-6917". */
function pagesOf(value: string | undefined): string | undefined {
  const range = value && /^(\d+)-(\d+)$/.exec(value)
  if (!range || range[2].length >= range[1].length) return value
  return `${range[1]}-${range[1].slice(0, range[1].length - range[2].length)}${range[2]}`
}

/** "10.1038/x [doi]" in LID or AID; ERIC puts a web address there instead. */
function doiOf(m: MedlineRecord): string | undefined {
  const tagged = [...valuesOf(m, 'LID'), ...valuesOf(m, 'AID')].find(v => /\[doi\]$/.test(v))
  return tagged ? (normaliseDoi(tagged) ?? undefined) : undefined
}

/** "Aurovertins/*chemistry/metabolism": a star marks a major topic. */
function meshOf(value: string): MeshHeading {
  const [descriptor, ...qualifiers] = value.split('/')
  const star = (term: string) => ({ name: term.replace(/^\*/, '').trim(), majorTopic: term.startsWith('*') })
  const main = star(descriptor)
  return { descriptor: main.name, majorTopic: main.majorTopic, qualifiers: qualifiers.map(star) }
}

/** "55350-03-3 (aurovertin B)"; "0" means no registry number. */
function chemicalOf(value: string): Chemical {
  const match = /^(\S+)\s+\((.+)\)$/.exec(value)
  if (!match) return { name: value }
  const number = match[1] === '0' ? undefined : match[1]
  return { name: match[2], ...(number ? { registryNumber: number } : {}) }
}

/** "R01 DA012345/DA/NIDA NIH HHS/United States": id / acronym / agency / country. */
function grantOf(value: string): Grant {
  const [id, acronym, agency, country] = value.split('/').map(part => part.trim() || undefined)
  // the parts given, in this order (a grant of every fourth paper: no lists of entries made to filter)
  const grant: Grant = {}
  if (id) grant.id = id
  if (acronym) grant.acronym = acronym
  if (agency) grant.agency = agency
  if (country) grant.country = country
  return grant
}

/** Empty lists and undefined values are left out, so a record says only what the file says. */
function dropEmpty(record: ImportedRecord): ImportedRecord {
  // a copy of what is kept, in the record's order (a copy of it all, then deleting, made every record twice)
  const tidy: Record<string, unknown> = {}
  for (const key in record) {
    const value = record[key as keyof ImportedRecord]
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue
    tidy[key] = value
  }
  return tidy as unknown as ImportedRecord
}
