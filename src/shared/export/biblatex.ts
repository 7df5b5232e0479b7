// Library items → a .bib file for biblatex/biber. It starts from the BibTeX
// entry (same LaTeX escaping, same protected capitals, same keys) and renames
// what biblatex names differently: journaltitle, date, location, eprint.
import type { CslFields } from '../model'
import { citationKeys, type BibtexOptions } from './bibtex'
import { bibtexEntry, type ExportItem } from './bibtex-fields'

/** BibTeX field → biblatex field; fields not listed keep their name. */
const RENAMED: Record<string, string> = {
  journal: 'journaltitle',
  address: 'location',
  school: 'institution'
}

/** Fields replaced by `date` and `eprint`, or meaningless in biblatex. */
const DROPPED = new Set(['year', 'month', 'pmid'])

/** Preprints and web pages are @online in biblatex. */
function isOnline(csl: CslFields): boolean {
  const genre = `${csl.genre ?? ''} ${csl.subtype ?? ''}`
  return ['webpage', 'post', 'post-weblog', 'article'].includes(csl.type) || /preprint/i.test(genre)
}

/** ISO 8601 as biblatex wants it: 2021, 2021-03 or 2021-03-01. */
function isoDate(csl: CslFields, year: string | undefined): string | undefined {
  const parts = csl.issued?.['date-parts']?.[0] ?? []
  const numbers = parts.map(Number)
  if (!Number.isInteger(numbers[0]) || numbers[0] <= 0) return year
  return numbers
    .slice(0, 3)
    .filter(n => Number.isInteger(n) && n > 0)
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-')
}

function biblatexEntry(item: ExportItem, key: string, latexAccents: boolean): string {
  const entry = bibtexEntry(item, latexAccents)
  const online = isOnline(item.csl)
  const type = online ? 'online' : entry.type
  const year = entry.fields.find(([field]) => field === 'year')?.[1]
  const fields: [string, string][] = []
  for (const [field, value] of entry.fields) {
    if (DROPPED.has(field)) continue
    if (field === 'howpublished') fields.push([online ? 'organization' : 'howpublished', value])
    else fields.push([RENAMED[field] ?? field, value])
  }
  // the date goes right after the names and title, where biblatex users expect it
  const date = isoDate(item.csl, year)
  const after = Math.max(...['author', 'editor', 'title'].map(name => fields.findIndex(([field]) => field === name)))
  if (date) fields.splice(after + 1, 0, ['date', date])
  const pmid = entry.fields.find(([field]) => field === 'pmid')?.[1]
  if (pmid) fields.push(['eprint', pmid], ['eprinttype', 'pubmed'])
  return `@${type}{${key},\n${fields.map(([field, value]) => `  ${field} = {${value}}`).join(',\n')}\n}`
}

export function exportBiblatex(items: ExportItem[], opts: BibtexOptions = {}): string {
  if (items.length === 0) return ''
  const keys = citationKeys(items)
  const entries = items.map((item, index) => biblatexEntry(item, keys[index], opts.latexAccents ?? false))
  return `${entries.join('\n\n')}\n`
}
