// Time in the replay NCBI: when each recorded paper entered PubMed (its
// Entrez date), esearch limited to an Entrez date range (`datetype=edat` with
// `mindate` + `maxdate`, as a saved search asks "what is new since…"), and
// papers a test holds back so they can appear later, the way PubMed adds new
// papers between two checks of a saved search:
//
//   const routes = ncbiRoutes(corpus, { heldBack: ['38147649'] })  // absent from every answer
//   routes.release('38147649')            // served from now on, Entrez date = today (UTC)
//   routes.release('38147649', new Date('2026-03-02'))             // … or that day
import type { Element } from '@xmldom/xmldom'
import type { PubmedCorpus, PubmedRecord } from './ncbi-corpus'
import { firstPath, kids, textOf } from './ncbi-docsum'

/** The handle `ncbiRoutes` returns beside its routes. */
export interface ReleaseControl {
  /** A held-back PMID is served from now on; its Entrez date becomes `date` (default: now). */
  release(pmid: string, date?: Date): void
}

/** YYYY/MM/DD in UTC, as PubMed writes Entrez dates (and the app sends them). */
function entrezDay(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '/')
}

/** When the record entered PubMed: History's "entrez" date, else its "pubmed" date; YYYY/MM/DD. */
export function entrezDateOf(root: Element): string | undefined {
  const history = kids(firstPath(root, 'PubmedData/History') ?? firstPath(root, 'PubmedBookData/History'), 'PubMedPubDate')
  for (const status of ['entrez', 'pubmed']) {
    const date = history.find(d => d.getAttribute('PubStatus') === status)
    const year = textOf(firstPath(date, 'Year'))
    if (!year) continue
    const two = (name: string): string => (textOf(firstPath(date, name)) || '1').padStart(2, '0')
    return `${year}/${two('Month')}/${two('Day')}`
  }
  return undefined
}

export interface DateRange {
  min: string
  max: string
}

/** NCBI's date bounds are YYYY, YYYY/MM or YYYY/MM/DD: a minimum starts its period, a maximum ends it. */
function bound(value: string | undefined, end: boolean): string | undefined {
  const m = /^(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?$/.exec((value ?? '').trim())
  if (!m) return undefined
  const [, year, month, day] = m
  return `${year}/${(month ?? (end ? '12' : '01')).padStart(2, '0')}/${(day ?? (end ? '31' : '01')).padStart(2, '0')}`
}

/**
 * The Entrez date range an esearch asks for, or undefined when it asks none.
 * NCBI uses a range only with both mindate and maxdate; only `edat` is
 * honoured here (the records carry no other date the app filters on).
 */
export function entrezRange(q: Record<string, string>): DateRange | undefined {
  if ((q.datetype ?? '').toLowerCase() !== 'edat') return undefined
  const min = bound(q.mindate, false)
  const max = bound(q.maxdate, true)
  return min && max ? { min, max } : undefined
}

export interface Timeline extends ReleaseControl {
  /** the corpus without the papers still held back */
  shown(): PubmedCorpus
  /** YYYY/MM/DD the paper entered PubMed: its release day, else the recorded date */
  entrezDate(pmid: string): string | undefined
  inRange(pmid: string, range: DateRange): boolean
}

export function timeline(corpus: PubmedCorpus, heldBack: string[], now: () => Date): Timeline {
  const unknown = heldBack.filter(pmid => !corpus.byPmid.has(pmid))
  if (unknown.length) throw new Error(`No recorded record to hold back: ${unknown.join(', ')}`)
  const held = new Set(heldBack)
  const releasedOn = new Map<string, string>()
  let view: PubmedCorpus | undefined

  function shown(): PubmedCorpus {
    if (!held.size) return corpus
    view ??= withoutHeld(corpus, held)
    return view
  }

  const entrezDate = (pmid: string): string | undefined => releasedOn.get(pmid) ?? corpus.byPmid.get(pmid)?.entrezDate

  return {
    shown,
    entrezDate,
    inRange(pmid, range) {
      const date = entrezDate(pmid)
      return !!date && date >= range.min && date <= range.max
    },
    release(pmid, date = now()) {
      if (!held.delete(pmid)) throw new Error(`PMID ${pmid} was not held back`)
      releasedOn.set(pmid, entrezDay(date))
      view = undefined
    }
  }
}

function withoutHeld(corpus: PubmedCorpus, held: Set<string>): PubmedCorpus {
  const keep = (r: PubmedRecord): boolean => !held.has(r.pmid)
  const filtered = <K>(map: Map<K, PubmedRecord>): Map<K, PubmedRecord> => new Map([...map].filter(([, r]) => keep(r)))
  return {
    records: corpus.records.filter(keep),
    byPmid: filtered(corpus.byPmid),
    byDoi: filtered(corpus.byDoi),
    byPmcid: filtered(corpus.byPmcid)
  }
}
