// Which paper each cited item means: a citation key, a PMID/PMCID/DOI or a
// scannable cite looked up in the library, or the paper data a live field
// carries. What cannot be resolved becomes a problem for the review, with the
// sentence it sits in; nothing is guessed.
import type { CslRecord } from '@citation-js/core'
import type { ExportItem } from '../export/bibtex-fields'
import { cslRecords } from '../export/csl-items'
import type { CslName } from '../model'
import type { CitedItem } from './markers'
import type { FoundCitation } from './model'
import { PMCID_DIGITS_PATTERN, PMID_PATTERN } from '../identifiers'

export type ProblemKind = 'unknown-key' | 'ambiguous' | 'not-in-library' | 'no-match'

export interface Problem {
  citationId: string
  itemIndex: number
  kind: ProblemKind
  /** what the researcher reads in the review */
  message: string
  marker: string
  sentence: string
  /** ambiguous scannable cite: the papers to choose from (record ids) */
  candidates?: { id: string; label: string }[]
  /** an identifier to look up and add */
  identifier?: { kind: 'pmid' | 'pmcid' | 'doi'; value: string }
}

/** The researcher's answers in the review: "c3/0" → the chosen paper's record id. */
export type Choices = Record<string, string>

export interface ResolvedItem {
  recordId: string
  cited: CitedItem | undefined
  locator?: string
  label?: string
  prefix?: string
  suffix?: string
  suppressAuthor?: boolean
}

export interface Resolution {
  /** every cited paper's CSL-JSON, by record id */
  records: Map<string, CslRecord>
  /** per citation id, the resolved items in order */
  citations: Map<string, ResolvedItem[]>
  problems: Problem[]
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

const lowerDoi = (doi: unknown) => (typeof doi === 'string' ? doi.trim().toLowerCase() : undefined)

// Zotero's "PMID: 33673448" / "PMCID: PMC7956822" lines, on the one pattern of each identifier.
const PMID_NOTE_RE = new RegExp(`^\\s*PMID:\\s*(${PMID_PATTERN})\\b`, 'im')
const PMCID_NOTE_RE = new RegExp(`^\\s*PMCID:\\s*(PMC${PMCID_DIGITS_PATTERN})\\b`, 'im')

/** Identifiers embedded data may carry: CSL variables, or Zotero's "PMID: …" lines in note/extra. */
export function recordIdentifiers(record: CslRecord): { doi?: string; pmid?: string; pmcid?: string } {
  const note = `${record.note ?? ''}\n${record.extra ?? ''}`
  const pmid = (record.PMID as string | undefined) ?? PMID_NOTE_RE.exec(note)?.[1]
  const pmcid = (record.PMCID as string | undefined) ?? PMCID_NOTE_RE.exec(note)?.[1]
  return { doi: lowerDoi(record.DOI), pmid: pmid ? String(pmid).trim() : undefined, pmcid: pmcid ? String(pmcid).trim().toUpperCase() : undefined }
}

function year(record: CslRecord): string {
  const issued = record.issued as { 'date-parts'?: (string | number)[][]; literal?: string; raw?: string } | undefined
  const part = issued?.['date-parts']?.[0]?.[0]
  return part !== undefined ? String(part) : (/\d{4}/.exec(issued?.literal ?? issued?.raw ?? '')?.[0] ?? '')
}

function authors(record: CslRecord): CslName[] {
  return ((record.author as CslName[] | undefined) ?? []).filter(Boolean)
}

function familyOf(name: CslName): string {
  return fold(name.family ?? name.literal ?? '')
}

/** A paper's identities: any one shared means the same paper. */
function identities(record: CslRecord): string[] {
  const { doi, pmid, pmcid } = recordIdentifiers(record)
  const out: string[] = []
  if (doi) out.push(`doi:${doi}`)
  if (pmid) out.push(`pmid:${pmid}`)
  if (pmcid) out.push(`pmcid:${pmcid}`)
  const title = fold(String(record.title ?? ''))
  if (title) out.push(`title:${title}|${year(record)}`)
  return out
}

function paperLabel(record: CslRecord): string {
  const names = authors(record)
  const who = names.length
    ? `${names[0].family ?? names[0].literal ?? ''}${names.length > 2 ? ' et al.' : names.length === 2 ? ` & ${names[1].family ?? ''}` : ''}`
    : 'Anonymous'
  return `${who} (${year(record) || 'n.d.'}) ${String(record.title ?? '').slice(0, 120)}`
}

class LibraryIndex {
  readonly records: CslRecord[]
  private byKey = new Map<string, CslRecord>()
  private byId = new Map<string, CslRecord>()

  constructor(items: ExportItem[]) {
    this.records = cslRecords(items)
    for (const record of this.records) {
      this.byKey.set(String(record.id).toLowerCase(), record)
      for (const identity of identities(record)) if (!identity.startsWith('title:')) this.byId.set(identity, record)
    }
  }

  key(key: string): CslRecord | undefined {
    return this.byKey.get(key.toLowerCase())
  }

  identifier(kind: 'pmid' | 'pmcid' | 'doi', value: string): CslRecord | undefined {
    return this.byId.get(`${kind}:${kind === 'doi' ? value.toLowerCase() : kind === 'pmcid' ? value.toUpperCase() : value}`)
  }

  scannable(ref: Extract<CitedItem['ref'], { kind: 'scannable' }>): CslRecord[] {
    const first = fold(ref.author)
    const second = ref.secondAuthor ? fold(ref.secondAuthor) : undefined
    return this.records.filter(record => {
      if (year(record) !== ref.year) return false
      const names = authors(record)
      if (!names.length || familyOf(names[0]) !== first) return false
      if (second) return names.length === 2 && familyOf(names[1]) === second
      if (ref.etAl) return names.length >= 3
      return names.length === 1
    })
  }
}

/** One id per paper across the document, whichever way each citation names it. */
class PaperIds {
  readonly records = new Map<string, CslRecord>()
  private byIdentity = new Map<string, string>()

  add(record: CslRecord, preferredId: string): string {
    for (const identity of identities(record)) {
      const known = this.byIdentity.get(identity)
      if (known) return known
    }
    let id = preferredId
    for (let n = 2; this.records.has(id); n++) id = `${preferredId}-${n}`
    this.records.set(id, { ...record, id })
    for (const identity of identities(record)) this.byIdentity.set(identity, id)
    return id
  }
}

function problemFor(citation: FoundCitation, itemIndex: number, item: CitedItem, library: LibraryIndex): Problem | CslRecord {
  const base = { citationId: citation.id, itemIndex, marker: citation.text, sentence: citation.sentence }
  const ref = item.ref
  if (ref.kind === 'key') {
    return library.key(ref.key) ?? { ...base, kind: 'unknown-key', message: `No paper in your library has the citation key “${ref.key}”.` }
  }
  if (ref.kind === 'scannable') {
    const found = library.scannable(ref)
    if (found.length === 1) return found[0]
    const who = `${ref.author}${ref.secondAuthor ? ` & ${ref.secondAuthor}` : ref.etAl ? ' et al.' : ''}, ${ref.year}${ref.yearSuffix ?? ''}`
    if (found.length === 0) return { ...base, kind: 'no-match', message: `No paper in your library matches “${who}”.` }
    return {
      ...base,
      kind: 'ambiguous',
      message: `${found.length} papers in your library match “${who}”: choose one.`,
      candidates: found.map(record => ({ id: String(record.id), label: paperLabel(record) }))
    }
  }
  const label = ref.kind === 'pmid' ? 'PMID' : ref.kind === 'pmcid' ? 'PMCID' : 'DOI'
  return (
    library.identifier(ref.kind, ref.value) ?? {
      ...base,
      kind: 'not-in-library',
      message: `${label} ${ref.value} is not in your library yet.`,
      identifier: { kind: ref.kind, value: ref.value }
    }
  )
}

function isProblem(value: Problem | CslRecord): value is Problem {
  return typeof value.citationId === 'string' && typeof value.message === 'string' && typeof value.kind === 'string'
}

export function resolveCitations(citations: FoundCitation[], items: ExportItem[], choices: Choices = {}): Resolution {
  const library = new LibraryIndex(items)
  const papers = new PaperIds()
  const resolved = new Map<string, ResolvedItem[]>()
  const problems: Problem[] = []
  for (const citation of citations) {
    const list: ResolvedItem[] = []
    if (citation.embedded) {
      for (const item of citation.embedded.citationItems) {
        const data = item.itemData ?? {}
        const recordId = papers.add(data, String(item.id ?? data.id ?? 'item'))
        list.push({
          recordId,
          cited: undefined,
          locator: item.locator,
          label: item.label,
          prefix: item.prefix,
          suffix: item.suffix,
          suppressAuthor: item['suppress-author']
        })
      }
    } else {
      citation.items?.forEach((item, index) => {
        const chosen = choices[`${citation.id}/${index}`]
        const found = (chosen && library.records.find(record => record.id === chosen)) || problemFor(citation, index, item, library)
        if (isProblem(found)) problems.push(found)
        else {
          const { locator, label, prefix, suffix, suppressAuthor } = item
          list.push({ recordId: papers.add(found, String(found.id)), cited: item, locator, label, prefix, suffix, suppressAuthor })
        }
      })
    }
    resolved.set(citation.id, list)
  }
  return { records: papers.records, citations: resolved, problems }
}
