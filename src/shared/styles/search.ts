// Search as you type over every style: title, short title, ISSN, field and
// id. Each style's words are prepared once; a keystroke is one pass of
// substring tests over 10,857 short strings, then a ranking of the matches.
import type { StyleEntry } from './catalogue'

/** Lower case, no accents, words separated by one space: "Zeitschrift für Technikfolgenabschätzung" → "zeitschrift fur technikfolgenabschatzung". */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const ISSN = /^(\d{4})-?(\d{3}[\dx])$/i

interface Prepared {
  entry: StyleEntry
  id: string
  title: string
  shortTitle: string
  /** everything a word of the query may match */
  all: string
  issn: string[]
}

function prepare(entry: StyleEntry): Prepared {
  const title = ` ${plain(entry.title)}`
  const shortTitle = entry.shortTitle ? ` ${plain(entry.shortTitle)}` : ''
  const fields = entry.fields.map(field => plain(field)).join(' ')
  const issn = (entry.issn ?? []).map(issn => issn.toUpperCase())
  return { entry, id: plain(entry.id), title, shortTitle, all: `${title}${shortTitle} ${fields} ${plain(entry.id)} ${issn.join(' ').toLowerCase()}`, issn }
}

/** How well one style answers the query's words; null when a word is missing. */
function score(style: Prepared, words: string[], phrase: string): number | null {
  let points = 0
  for (const word of words) {
    if (!style.all.includes(word)) return null
    if (style.title.includes(` ${word}`)) points += 30
    else if (style.title.includes(word)) points += 15
    if (style.shortTitle.includes(` ${word}`)) points += 20
  }
  if (style.title === ` ${phrase}` || style.shortTitle === ` ${phrase}`) points += 1000
  else if (style.title.startsWith(` ${phrase}`)) points += 300
  else if (style.shortTitle.startsWith(` ${phrase}`)) points += 200
  else if (style.title.includes(` ${phrase}`)) points += 100
  // "apa" is apa, not one of the many styles whose short title is also APA
  if (style.id === phrase) points += 500
  // an independent style is the one many journals follow; shorter titles are the closer match
  if (!style.entry.parent) points += 5
  return points - style.title.length / 100
}

export class StyleIndex {
  /** in title order, so that styles with the same points (a stable sort) stay in title order without comparing strings on every keystroke */
  private readonly styles: Prepared[]
  private readonly byIssn = new Map<string, StyleEntry[]>()

  constructor(entries: StyleEntry[]) {
    const prepared = entries.map(prepare)
    for (const style of prepared) {
      for (const issn of style.issn) this.byIssn.set(issn, [...(this.byIssn.get(issn) ?? []), style.entry])
    }
    const collator = new Intl.Collator('en')
    this.styles = prepared.sort((a, b) => collator.compare(a.entry.title, b.entry.title))
  }

  /** The best `limit` styles for what was typed, best first, and how many matched in all. */
  search(query: string, limit = 50): { total: number; styles: StyleEntry[] } {
    const issn = ISSN.exec(query.trim())
    if (issn) {
      const found = this.byIssn.get(`${issn[1]}-${issn[2].toUpperCase()}`) ?? []
      return { total: found.length, styles: found.slice(0, limit) }
    }
    const phrase = plain(query)
    if (!phrase) return { total: 0, styles: [] }
    const words = phrase.split(' ')
    const found: { style: Prepared; points: number }[] = []
    for (const style of this.styles) {
      const points = score(style, words, phrase)
      if (points !== null) found.push({ style, points })
    }
    found.sort((a, b) => b.points - a.points)
    return { total: found.length, styles: found.slice(0, limit).map(hit => hit.style.entry) }
  }
}
