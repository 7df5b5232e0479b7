// Library items → RIS, the format EndNote, Mendeley and most databases read.
// Written here rather than by citation-js: its RIS output breaks long titles
// in the middle of a word and drops the PMID. Lines end in CRLF as the RIS
// specification asks; every value stays on one line.
import type { CslName } from '../model'
import type { ExportItem } from './bibtex-fields'
import { cslRecords } from './csl-items'

const TYPE_OF_CSL: Record<string, string> = {
  'article-journal': 'JOUR',
  'article-magazine': 'MGZN',
  'article-newspaper': 'NEWS',
  article: 'UNPB',
  manuscript: 'UNPB',
  book: 'BOOK',
  chapter: 'CHAP',
  'paper-conference': 'CPAPER',
  thesis: 'THES',
  report: 'RPRT',
  webpage: 'ELEC',
  'post-weblog': 'BLOG',
  dataset: 'DATA',
  patent: 'PAT',
  software: 'COMP',
  review: 'JOUR',
  'review-book': 'JOUR'
}

/** One line of text: RIS has no continuation lines that every reader understands. */
function oneLine(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = String(value).replace(/\s+/g, ' ').trim()
  return text || undefined
}

function risName(name: CslName): string | undefined {
  if (name.literal) return oneLine(name.literal)
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ')
  return oneLine([family, given, name.suffix].filter(Boolean).join(', '))
}

/** "2372-80" → SP 2372, EP 80: start and end page each get their own tag. */
function pages(page: unknown): [string | undefined, string | undefined] {
  const text = oneLine(page)
  if (!text) return [undefined, undefined]
  const [start, end] = text.split(/\s*[-\u2010-\u2015\u2212]+\s*/)
  return [start || undefined, end || undefined]
}

/** RIS dates are YYYY/MM/DD/ with empty parts left empty. */
function risDate(parts: (number | string)[] | undefined): string | undefined {
  if (!parts?.length) return undefined
  const [year, month, day] = parts.map(part => String(part).padStart(2, '0'))
  return `${year}/${month ?? ''}/${day ?? ''}/`
}

function risRecord(item: ExportItem, csl: Record<string, unknown>): string[] {
  const lines: string[] = []
  const add = (tag: string, value: unknown): void => {
    const text = oneLine(value)
    if (text) lines.push(`${tag}  - ${text}`)
  }
  const type = TYPE_OF_CSL[String(csl.type)] ?? 'GEN'
  add('TY', type)
  add('ID', csl.id)
  for (const name of item.csl.author ?? []) add('AU', risName(name))
  for (const name of item.csl.editor ?? []) add('A2', risName(name))
  add('TI', csl.title)
  add('T2', csl['container-title'])
  // JO is the journal, abbreviated when we know the abbreviation
  if (type === 'JOUR') add('JO', csl['container-title-short'] ?? csl['container-title'])
  const dateParts = item.csl.issued?.['date-parts']?.[0]
  add('PY', dateParts?.[0] ?? /\b\d{4}\b/.exec(String(item.csl.issued?.literal ?? item.csl.issued?.raw ?? ''))?.[0])
  add('DA', risDate(dateParts))
  add('VL', csl.volume)
  add('IS', csl.issue)
  const [start, end] = pages(csl.page)
  add('SP', start)
  add('EP', end)
  add('PB', csl.publisher)
  add('CY', csl['publisher-place'])
  add('SN', csl.ISSN ?? csl.ISBN)
  add('DO', csl.DOI)
  // EndNote's PubMed convention: the PMID as accession number, the PMCID in C2
  add('AN', csl.PMID)
  add('C2', csl.PMCID)
  add('UR', csl.URL)
  for (const keyword of item.keywords ?? []) add('KW', keyword)
  add('AB', csl.abstract)
  add('N1', csl.note)
  add('LA', csl.language)
  lines.push('ER  - ')
  return lines
}

export function exportRis(items: ExportItem[]): string {
  if (items.length === 0) return ''
  const records = cslRecords(items)
  return items.map((item, index) => risRecord(item, records[index]).join('\r\n')).join('\r\n\r\n') + '\r\n'
}
