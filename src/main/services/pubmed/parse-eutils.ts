// The small E-utilities replies: esearch (which PMIDs match), esummary (a
// short line per PMID), elink (similar / citing / cited articles) and the PMC
// ID converter. XML or JSON, whichever NCBI sent.
import { DOI_PREFIX_PATTERN } from '@shared/identifiers'
import { ServiceError } from '@shared/result'
import { all, attr, child, children, parseNcbiXml, textAt, textOf, UNREADABLE_REPLY, type XmlElement } from './ncbi-xml'

export interface SearchResult {
  count: number
  ids: string[]
  webEnv?: string
  queryKey?: string
  /** what PubMed could not use, e.g. 'Phrase not found: abcXYZ' */
  errors: string[]
  /** PubMed's remarks, e.g. 'No items found.' */
  warnings: string[]
}

export interface Summary {
  pmid: string
  title: string
  journal: string
  year?: number
  authors: string[]
  doi?: string
}

/** One line of the PMC ID converter's answer. */
export interface IdConversion {
  pmcid?: string
  pmid?: string
  doi?: string
  error?: string
}

type Json = Record<string, unknown>

function isJsonText(body: string): boolean {
  return /^\s*[{[]/.test(body)
}

function readJson(body: string | object): Json {
  if (typeof body !== 'string') return body as Json
  try {
    const value: unknown = JSON.parse(body)
    if (value && typeof value === 'object') return value as Json
  } catch {
    // fall through: a cut-off or non-JSON body
  }
  throw new ServiceError('BAD_RESPONSE', UNREADABLE_REPLY)
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : undefined)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => !!s) : [])
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {})

/** How each kind of ErrorList / WarningList entry reads to a researcher. */
const NOTES: Record<string, string> = {
  PhraseNotFound: 'Phrase not found',
  FieldNotFound: 'Field not found',
  PhraseIgnored: 'Phrase ignored',
  QuotedPhraseNotFound: 'Quoted phrase not found',
  phrasesnotfound: 'Phrase not found',
  fieldsnotfound: 'Field not found',
  phrasesignored: 'Phrase ignored',
  quotedphrasesnotfound: 'Quoted phrase not found'
}

function note(kind: string, value: string): string {
  return NOTES[kind] ? `${NOTES[kind]}: ${value}` : value
}

function esearchFromXml(body: string): SearchResult {
  const root = parseNcbiXml(body, ['eSearchResult'])
  const listNotes = (name: string): string[] =>
    children(child(root, name)).flatMap(el => {
      const value = textOf(el)
      return value ? [note(el.name, value)] : []
    })
  const webEnv = textAt(root, 'WebEnv')
  const queryKey = textAt(root, 'QueryKey')
  const topError = textAt(root, 'ERROR')
  return {
    count: Number(textAt(root, 'Count') ?? 0),
    ids: all(root, 'IdList/Id')
      .map(textOf)
      .filter((id): id is string => !!id),
    ...(webEnv ? { webEnv } : {}),
    ...(queryKey ? { queryKey } : {}),
    errors: [...(topError ? [topError] : []), ...listNotes('ErrorList')],
    warnings: listNotes('WarningList')
  }
}

function esearchFromJson(body: string | object): SearchResult {
  const result = obj(readJson(body).esearchresult)
  const listNotes = (list: unknown): string[] =>
    Object.entries(obj(list)).flatMap(([kind, values]) => (kind === 'outputmessages' ? strings(values) : strings(values).map(v => note(kind, v))))
  const webEnv = str(result.webenv)
  const queryKey = str(result.querykey)
  const topError = str(result.ERROR)
  return {
    count: Number(str(result.count) ?? 0),
    ids: strings(result.idlist),
    ...(webEnv ? { webEnv } : {}),
    ...(queryKey ? { queryKey } : {}),
    errors: [...(topError ? [topError] : []), ...listNotes(result.errorlist)],
    warnings: listNotes(result.warninglist)
  }
}

/** An esearch reply (retmode=xml or json). */
export function parseSearchReply(body: string | object): SearchResult {
  return typeof body === 'string' && !isJsonText(body) ? esearchFromXml(body) : esearchFromJson(body)
}

function summaryRefused(message: string): ServiceError {
  return new ServiceError('BAD_RESPONSE', `PubMed could not list these records (${message}).`)
}

const yearOf = (date: string | undefined): number | undefined => {
  const y = date?.match(/\b(\d{4})\b/)?.[1]
  return y ? Number(y) : undefined
}

/** "doi: 10.1000/xyz" as esummary's ELocationID writes it (the one DOI pattern of shared/identifiers.ts). */
const LOCATION_DOI_RE = new RegExp(`doi:\\s*(${DOI_PREFIX_PATTERN}/\\S+)`, 'i')
const doiOfLocation = (loc: string | undefined): string | undefined => loc?.match(LOCATION_DOI_RE)?.[1]

/** Version 1.0 XML: <DocSum><Item Name="Title">… */
function summaryFromDocSum(doc: XmlElement): Summary {
  const item = (name: string, parent: XmlElement = doc): XmlElement | undefined => children(parent, 'Item').find(i => attr(i, 'Name') === name)
  const ids = item('ArticleIds')
  return {
    pmid: textAt(doc, 'Id') ?? '',
    title: textOf(item('Title')) ?? '',
    journal: textOf(item('Source')) ?? '',
    year: yearOf(textOf(item('PubDate'))),
    authors: children(item('AuthorList'), 'Item')
      .map(textOf)
      .filter((a): a is string => !!a),
    doi: textOf(ids && item('doi', ids)) ?? doiOfLocation(textOf(item('ELocationID')))
  }
}

/** Version 2.0 XML: <DocumentSummary uid="…"><Title>… */
function summaryFromDocument(doc: XmlElement): Summary {
  const doiId = all(doc, 'ArticleIds/ArticleId').find(a => textAt(a, 'IdType') === 'doi')
  return {
    pmid: attr(doc, 'uid') ?? '',
    title: textAt(doc, 'Title') ?? '',
    journal: textAt(doc, 'Source') ?? '',
    year: yearOf(textAt(doc, 'PubDate')),
    authors: all(doc, 'Authors/Author')
      .map(a => textAt(a, 'Name'))
      .filter((a): a is string => !!a),
    doi: textAt(doiId, 'Value') ?? doiOfLocation(textAt(doc, 'ELocationID'))
  }
}

function summariesFromJson(body: string | object): Summary[] {
  const json = readJson(body)
  const refusal = strings(json.esummaryresult)[0] ?? str(json.error)
  if (refusal) throw summaryRefused(refusal)
  const result = obj(json.result)
  return strings(result.uids).flatMap(uid => {
    const doc = obj(result[uid])
    if (str(doc.error)) return [] // PubMed knows no record with this PMID
    const doiId = (Array.isArray(doc.articleids) ? doc.articleids : []).map(obj).find(a => a.idtype === 'doi')
    return [
      {
        pmid: str(doc.uid) ?? uid,
        title: str(doc.title) ?? '',
        journal: str(doc.source) ?? '',
        year: yearOf(str(doc.pubdate)),
        authors: (Array.isArray(doc.authors) ? doc.authors : []).map(a => str(obj(a).name)).filter((a): a is string => !!a),
        doi: str(doiId?.value) ?? doiOfLocation(str(doc.elocationid))
      }
    ]
  })
}

function withoutMissingDoi(s: Summary): Summary {
  if (s.doi) return s
  const { doi: _doi, ...rest } = s
  return rest
}

/** An esummary reply: version 1.0 or 2.0 XML, or JSON. An ERROR reply throws BAD_RESPONSE with NCBI's reason. */
export function parseSummaryReply(body: string | object): Summary[] {
  if (typeof body !== 'string' || isJsonText(body)) return summariesFromJson(body).map(withoutMissingDoi)
  const root = parseNcbiXml(body, ['eSummaryResult'])
  // NCBI puts a per-id <ERROR>UID=…: cannot get document summary</ERROR> beside the
  // good DocSums of a batch: only a reply with nothing else is a refusal.
  const refusal = textAt(root, 'ERROR') ?? textAt(root, 'DocumentSummarySet/ERROR')
  const summaries = [
    ...children(root, 'DocSum').map(summaryFromDocSum),
    ...all(root, 'DocumentSummarySet/DocumentSummary')
      .filter(d => !child(d, 'error'))
      .map(summaryFromDocument)
  ]
  if (refusal && summaries.length === 0) throw summaryRefused(refusal)
  return summaries.map(withoutMissingDoi)
}

/**
 * An elink reply as link name → linked PMIDs ('pubmed_pubmed' similar
 * articles, 'pubmed_pubmed_citedin', 'pubmed_pubmed_refs'…). Several link
 * sets (one per source id) are merged; no links gives an empty map.
 */
export function parseLinkReply(body: string): Record<string, string[]> {
  const root = parseNcbiXml(body, ['eLinkResult'])
  const links: Record<string, string[]> = {}
  for (const db of all(root, 'LinkSet/LinkSetDb')) {
    const name = textAt(db, 'LinkName')
    if (!name) continue
    const ids = all(db, 'Link/Id')
      .map(textOf)
      .filter((id): id is string => !!id)
    links[name] = [...new Set([...(links[name] ?? []), ...ids])]
  }
  return links
}

/**
 * The PMC ID converter's JSON. A refused request (status "error") throws
 * INVALID_INPUT with the converter's reason; an id it does not know comes
 * back as a line with `error`.
 */
export function parseIdConverterReply(body: string | object): IdConversion[] {
  const json = readJson(body)
  if (json.status === 'error') {
    const reason = safeDecode(str(json.message) ?? 'no reason given')
    throw new ServiceError('INVALID_INPUT', `The PMC ID converter refused the request: ${reason}.`)
  }
  return (Array.isArray(json.records) ? json.records : []).map(obj).map(r => {
    const line: IdConversion = { pmcid: str(r.pmcid), pmid: str(r.pmid), doi: str(r.doi) }
    const error = str(r.errmsg) ?? (r.status === 'error' ? 'not found' : undefined)
    if (error) line.error = error
    return Object.fromEntries(Object.entries(line).filter(([, v]) => v !== undefined)) as IdConversion
  })
}

/** The converter URL-encodes its error messages ("ID%20type%20%27doi%27…"). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
