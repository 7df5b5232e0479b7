// What the Dashboard plots, shaped from the papers in scope: papers per year
// by peptide, the top peptides, the MeSH terms that come with a peptide, and
// citation counts where the record has one. Each bar knows the search that
// shows its papers.
import type { ItemBasics } from './model'
import { computeFacets, type FacetCount } from './facets'
import { organismIndexOf } from './facet-vocab'
import { peptideQualifier, qualifier, yearQualifier } from './facet-query'

export const OTHER_PEPTIDES = 'Other peptides'

export interface Series {
  /** the row field that holds this series' counts: s0, s1 … */
  key: string
  label: string
  /** undefined for "Other peptides" */
  peptide?: string
}

export interface YearRow {
  year: number
  [seriesKey: string]: number
}

export interface PeptidesByYear {
  series: Series[]
  /** every year from the first to the last, empty years included */
  rows: YearRow[]
}

/** The peptides of a paper, less those the researcher removed. */
function activePeptides(item: ItemBasics): string[] {
  const removed = item.removedPeptideTags ?? []
  return (item.peptideTags ?? []).map(t => t.peptide).filter(p => !removed.includes(p))
}

/**
 * Papers per year, one stack per peptide: the `top` most frequent peptides,
 * then "Other peptides". A paper about two peptides counts in both stacks;
 * papers without a peptide tag or a year are left out.
 */
export function peptidesByYear(items: ItemBasics[], top = 6): PeptidesByYear {
  const ranking = computeFacets(items).peptides
  const chosen = ranking.slice(0, top).map(p => p.value)
  const series: Series[] = chosen.map((peptide, i) => ({ key: `s${i}`, label: peptide, peptide }))
  if (ranking.length > top) series.push({ key: `s${top}`, label: OTHER_PEPTIDES })
  const seriesOf = new Map(chosen.map((p, i) => [p, `s${i}`]))

  const byYear = new Map<number, YearRow>()
  const rowFor = (year: number): YearRow => {
    let row = byYear.get(year)
    if (!row) {
      row = { year }
      for (const s of series) row[s.key] = 0
      byYear.set(year, row)
    }
    return row
  }
  for (const item of items) {
    if (!item.year) continue
    const peptides = activePeptides(item)
    if (peptides.length === 0) continue
    const row = rowFor(item.year)
    let other = false
    for (const p of peptides) {
      const key = seriesOf.get(p)
      if (key) row[key] += 1
      else other = true
    }
    if (other) row[`s${top}`] += 1
  }
  const years = [...byYear.keys()]
  if (years.length === 0) return { series, rows: [] }
  const rows: YearRow[] = []
  for (let y = Math.min(...years); y <= Math.max(...years); y++) rows.push(rowFor(y))
  return { series, rows }
}

/** The search a stacked segment stands for: its peptide and year ("Other peptides": the year). */
export function segmentSearch(series: Series, year: number): string {
  return series.peptide ? `${peptideQualifier(series.peptide)} ${yearQualifier(year)}` : yearQualifier(year)
}

export function topPeptides(items: ItemBasics[], top = 12): FacetCount[] {
  return computeFacets(items).peptides.slice(0, top)
}

/**
 * MeSH terms most often indexed on the papers about one peptide (major topics
 * or not). Organism check tags, Male/Female and the peptide's own headings are
 * left out: they say nothing about the topic.
 */
export function coOccurringMesh(items: ItemBasics[], peptide: string, top = 12): FacetCount[] {
  const counts = new Map<string, number>()
  for (const item of items) {
    if (!activePeptides(item).includes(peptide)) continue
    const own = new Set(
      (item.peptideTags ?? [])
        .find(t => t.peptide === peptide)
        ?.evidence.filter(e => e.source === 'mesh')
        .map(e => e.text.toLowerCase())
    )
    own.add(peptide.toLowerCase())
    for (const heading of item.mesh ?? []) {
      const name = heading.descriptor
      if (own.has(name.toLowerCase()) || CHECK_TAGS.has(name) || organismIndexOf(name) >= 0) continue
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, top)
}

const CHECK_TAGS = new Set(['Male', 'Female', 'Adult', 'Aged', 'Middle Aged', 'Young Adult', 'Adolescent', 'Child', 'Infant', 'Pregnancy'])

export function meshSearch(peptide: string, descriptor: string): string {
  return `${peptideQualifier(peptide)} ${qualifier('mesh', descriptor)}`
}

/** A citation count the record itself carries (Crossref's is-referenced-by-count); never estimated. */
function citationCountOf(item: ItemBasics): number | undefined {
  const count = item.csl['is-referenced-by-count']
  return typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : undefined
}

export interface CitationYear {
  year: number
  citations: number
  /** papers of that year with a known count */
  papers: number
}

/** Known citations of the papers published each year; empty when no paper has a count. */
export function citationsByYear(items: ItemBasics[]): CitationYear[] {
  const byYear = new Map<number, CitationYear>()
  for (const item of items) {
    const count = citationCountOf(item)
    if (count === undefined || !item.year) continue
    const row = byYear.get(item.year) ?? { year: item.year, citations: 0, papers: 0 }
    row.citations += count
    row.papers += 1
    byYear.set(item.year, row)
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year)
}
