// EndNote XML (EndNote, Bookends, Zotero exports) → records. Every value may
// be wrapped in <style face="…"> runs; a title's bold / italic / super- and
// subscript runs become the inline markup Neuroref keeps in titles.
import type { Element, Node } from '@xmldom/xmldom'
import { parseXmlStrict } from '../xml'
import type { CslFields, CslName } from '../model'
import { findIdentifiers } from '../identifiers'
import { pmcidOf, pmidOf, recordFromCsl, withoutOversized, type ImportProblem, type ImportedRecord, type ParsedFile } from './imported-record'
import { DEPTH_LIMIT, count } from './limits'

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const CDATA_SECTION_NODE = 4

/** EndNote's reference type names → CSL types. */
const TYPES: Record<string, string> = {
  'journal article': 'article-journal',
  'electronic article': 'article-journal',
  'magazine article': 'article-magazine',
  'newspaper article': 'article-newspaper',
  book: 'book',
  'edited book': 'book',
  'electronic book': 'book',
  'book section': 'chapter',
  'electronic book section': 'chapter',
  report: 'report',
  thesis: 'thesis',
  'conference proceedings': 'paper-conference',
  'conference paper': 'paper-conference',
  'web page': 'webpage',
  patent: 'patent',
  dataset: 'dataset',
  'computer program': 'software',
  manuscript: 'manuscript',
  'unpublished work': 'manuscript',
  encyclopedia: 'entry-encyclopedia',
  dictionary: 'entry-dictionary'
}
const FACES: [string, string][] = [
  ['italic', 'i'],
  ['bold', 'b'],
  ['superscript', 'sup'],
  ['subscript', 'sub']
]
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** True when `text` is an EndNote XML export: <xml><records><record>. */
export function looksLikeEndnoteXml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?<xml>\s*<records>/.test(text.slice(0, 2000))
}

export function parseEndnoteXml(text: string): ParsedFile {
  // the XML parser and the readers below recurse once per level
  const depth = elementDepth(text)
  if (depth > DEPTH_LIMIT) {
    return {
      records: [],
      problems: [{ reason: `The file nests XML elements ${count(depth)} levels deep (Neuroref reads up to ${DEPTH_LIMIT}), so it could not be read.` }]
    }
  }
  const root = parseXmlStrict(text)
  if (root) return readRecords(descendants(root, 'record'))
  // A damaged file (cut off, a stray "&"): read it record by record.
  const pieces = completeRecords(text).map(parseXmlStrict)
  const result = readRecords(pieces.filter((el): el is Element => el !== null))
  const lost = pieces.filter(el => el === null).length
  const reason = `The file is damaged (not well-formed XML); ${lost ? `${lost} record(s) and ` : ''}anything after the last complete record could not be read.`
  return { records: result.records, problems: [{ reason }, ...result.problems] }
}

/** Each "<record>…</record>" of the text (indexOf, not a lazy regex: 20,000 unclosed <record>s made that take seconds). */
function completeRecords(text: string): string[] {
  const found: string[] = []
  for (let start = text.indexOf('<record>'); start >= 0;) {
    const end = text.indexOf('</record>', start)
    if (end < 0) break
    // a <record> opened again before this one closed: the first was cut off
    const reopened = text.lastIndexOf('<record>', end)
    found.push(text.slice(reopened, end + '</record>'.length))
    start = text.indexOf('<record>', end)
  }
  return found
}

/** The deepest element nesting in the text, counted without parsing it. */
function elementDepth(text: string): number {
  let depth = 0
  let deepest = 0
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    const next = text[at + 1]
    if (next === '/') depth--
    else if (next !== '!' && next !== '?') {
      const close = text.indexOf('>', at)
      if (close < 0) break
      if (text[close - 1] !== '/' && ++depth > deepest) deepest = depth
      at = close
    }
  }
  return deepest
}

function readRecords(elements: Element[]): ParsedFile {
  const records: ImportedRecord[] = []
  const problems: ImportProblem[] = []
  elements.forEach((element, index) => {
    const imported = recordFromEndnote(element)
    for (const reason of imported ? withoutOversized(imported) : []) problems.push({ entry: `record ${index + 1}`, reason })
    if (imported) records.push(imported)
    else problems.push({ entry: `record ${index + 1}`, reason: 'This record has no title or author, so it was skipped.' })
  })
  return { records, problems }
}

function recordFromEndnote(r: Element): ImportedRecord | null {
  const title = textAt(r, 'titles/title', true)
  const authors = namesAt(r, 'contributors/authors/author')
  if (!title && !authors.length) return null
  const typeName = (r.getElementsByTagName('ref-type')[0]?.getAttribute('name') ?? '').toLowerCase()
  const type = TYPES[typeName] ?? 'document'
  const isbnOrIssn = textAt(r, 'isbn')
  const issn = isbnOrIssn && /^\d{4}-\d{3}[\dX]/i.exec(isbnOrIssn)?.[0]
  const csl: CslFields = {
    type,
    title,
    author: authors,
    editor: namesAt(r, 'contributors/secondary-authors/author'),
    'container-title': textAt(r, 'titles/secondary-title') ?? textAt(r, 'periodical/full-title'),
    'container-title-short': textAt(r, 'titles/alt-title') ?? textAt(r, 'periodical/abbr-1'),
    'collection-title': textAt(r, 'titles/tertiary-title'),
    'title-short': textAt(r, 'titles/short-title'),
    issued: dateOf(textAt(r, 'dates/year'), textAt(r, 'dates/pub-dates/date')),
    volume: textAt(r, 'volume'),
    issue: textAt(r, 'number'),
    page: textAt(r, 'pages'),
    edition: textAt(r, 'edition'),
    publisher: textAt(r, 'publisher'),
    'publisher-place': textAt(r, 'pub-location'),
    abstract: textAt(r, 'abstract'),
    note: textAt(r, 'notes'),
    language: textAt(r, 'language'),
    ISSN: issn || undefined,
    ISBN: issn ? undefined : isbnOrIssn,
    URL: urlsOf(r).find(url => /^https?:/i.test(url))
  }
  return recordFromCsl(csl as Record<string, unknown>, {
    doi: textAt(r, 'electronic-resource-num'),
    pmid: pmidOfRecord(r),
    pmcid: pmcidOf(textAt(r, 'custom2')),
    keywords: all(r, 'keywords/keyword')
      .map(k => textOf(k))
      .filter((k): k is string => !!k)
  })
}

/** A PubMed link among the record's URLs, or the accession number of a PubMed-sourced record. */
function pmidOfRecord(r: Element): string | undefined {
  const linked = urlsOf(r)
    .flatMap(findIdentifiers)
    .find(id => id.kind === 'pmid')
  if (linked) return linked.value
  const source = `${textAt(r, 'remote-database-name') ?? ''} ${textAt(r, 'remote-database-provider') ?? ''}`
  return /pubmed|medline|\bnlm\b/i.test(source) ? pmidOf(textAt(r, 'accession-num')) : undefined
}

function urlsOf(r: Element): string[] {
  return all(r, 'urls/related-urls/url')
    .map(u => textOf(u))
    .filter((u): u is string => !!u)
}

/** "Ahmad, AS" (family, given) or a single name; EndNote has no separate fields. */
function namesAt(r: Element, path: string): CslName[] {
  return all(r, path)
    .map(el => textOf(el))
    .filter((name): name is string => !!name)
    .map(name => {
      const comma = name.indexOf(',')
      return comma < 0 ? { literal: name } : { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() }
    })
}

/** <year>2015</year> with <pub-dates><date>Mar 3</date>: month and day when the date names them. */
function dateOf(year: string | undefined, date: string | undefined): CslFields['issued'] {
  const y = year && /\d{4}/.exec(year)?.[0]
  if (!y) return undefined
  const parts: number[] = [Number(y)]
  const monthDay = date && /^([A-Za-z]{3})[a-z]*\.?\s*(\d{1,2})?\b/.exec(date)
  const month = monthDay ? MONTHS.indexOf(monthDay[1].toLowerCase()) + 1 : 0
  if (month) parts.push(month)
  if (month && monthDay?.[2]) parts.push(Number(monthDay[2]))
  return { 'date-parts': [parts] }
}

/** Elements reached by a path of direct children. */
function all(parent: Element, path: string): Element[] {
  let level = [parent]
  for (const name of path.split('/')) level = level.flatMap(el => children(el).filter(c => c.nodeName === name))
  return level
}

function children(el: Element): Element[] {
  const found: Element[] = []
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) found.push(n as Element)
  return found
}

function descendants(root: Element, name: string): Element[] {
  return Array.from(root.getElementsByTagName(name))
}

function textAt(r: Element, path: string, markup = false): string | undefined {
  const el = all(r, path)[0]
  return el ? textOf(el, markup) : undefined
}

/** Text of an element with style runs joined; with `markup`, styled runs keep <i> <b> <sup> <sub>. */
function textOf(el: Element, markup = false): string | undefined {
  const text = innerText(el, markup)
    .replace(/[ \t\r\n]+/g, ' ')
    .trim()
  return text || undefined
}

function innerText(el: Element, markup: boolean): string {
  let text = ''
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) text += n.nodeValue ?? ''
    else if (n.nodeType === ELEMENT_NODE) text += styled(n as Element, innerText(n as Element, markup), markup)
  }
  return text
}

function styled(el: Element, text: string, markup: boolean): string {
  if (!markup || el.nodeName !== 'style' || !text.trim()) return text
  const faces = (el.getAttribute('face') ?? '').split(/\s+/)
  let out = text.trim()
  for (const [face, tag] of FACES) if (faces.includes(face)) out = `<${tag}>${out}</${tag}>`
  // spaces at the run's edges stay outside the tags
  return `${/^\s/.test(text) ? ' ' : ''}${out}${/\s$/.test(text) ? ' ' : ''}`
}
