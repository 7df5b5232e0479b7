// The Dashboard: plots of the papers in a chosen scope (All items, a
// collection, a saved search). Every bar filters the library when clicked,
// every plot exports as SVG or PNG, and all of it follows library changes.
import { useMemo, useState } from 'react'
import { store, useLibraryQuery, useLibraryVersion } from '../../root'
import { allCollections, savedSearches } from '../../library/queries'
import { SEARCHING_TEXT, type ViewId } from '../../store/views'
import { citationsByYear, coOccurringMesh, meshSearch, peptidesByYear, segmentSearch, topPeptides } from '@shared/dashboard-data'
import { peptideQualifier, yearQualifier } from '@shared/facet-query'
import { ChartCard } from './ChartCard'
import { PeptidesByYearChart, seriesColor } from './PeptidesByYearChart'
import { RankedBarChart } from './RankedBarChart'
import { CitationsChart } from './CitationsChart'
import { scopeItems, scopeOptions, scopeView } from './dashboard-scope'
import './dashboard.css'

export interface DashboardProps {
  /** show these papers in the library: the scope's view with this search */
  onFilter: (view: ViewId, search: string) => void
}

export default function DashboardPlots({ onFilter }: DashboardProps) {
  const version = useLibraryVersion()
  const collections = useLibraryQuery(allCollections, []) ?? []
  const saved = useLibraryQuery(savedSearches, []) ?? []
  const options = scopeOptions(collections, saved)
  const [scopeKey, setScopeKey] = useState('all')
  const option = options.find(o => o.key === scopeKey) ?? options[0]
  const { items, searching } = useMemo(() => scopeItems(store, option.scope, collections), [version, option.key, collections])

  const byYear = useMemo(() => peptidesByYear(items), [items])
  const peptides = useMemo(() => topPeptides(items), [items])
  const [chosenPeptide, setChosenPeptide] = useState<string>()
  const peptide = chosenPeptide && peptides.some(p => p.value === chosenPeptide) ? chosenPeptide : peptides[0]?.value
  const mesh = useMemo(() => (peptide ? coOccurringMesh(items, peptide) : []), [items, peptide])
  const citations = useMemo(() => citationsByYear(items), [items])
  const filter = (search: string): void => onFilter(scopeView(option.scope), search)

  return (
    <section className="dashboard" aria-label="Dashboard">
      <div className="dashboard-head">
        <h2>Dashboard</h2>
        <label>
          Papers from{' '}
          <select value={option.key} onChange={e => setScopeKey(e.target.value)}>
            {options.map(o => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{searching ? SEARCHING_TEXT : `${items.length} ${items.length === 1 ? 'paper' : 'papers'}`}</span>
      </div>

      <ChartCard
        title="Papers per year by peptide"
        fileName="papers-per-year-by-peptide"
        note="Papers with a peptide tag; a paper about two peptides counts for each. Click a segment to list its papers."
        legend={byYear.series.map((s, i) => ({ label: s.label, color: seriesColor(s, i) }))}
        exportable={byYear.rows.length > 0}
      >
        {byYear.rows.length ? (
          <PeptidesByYearChart data={byYear} onChoose={(s, year) => filter(segmentSearch(s, year))} />
        ) : (
          <p className="hint">No paper here has a peptide tag and a year yet.</p>
        )}
      </ChartCard>

      <ChartCard title="Top peptides" fileName="top-peptides" exportable={peptides.length > 0}>
        {peptides.length ? (
          <RankedBarChart rows={peptides} color="#0072B2" onChoose={p => filter(peptideQualifier(p))} />
        ) : (
          <p className="hint">No peptide tags yet.</p>
        )}
      </ChartCard>

      <ChartCard title={peptide ? `MeSH terms with ${peptide}` : 'MeSH terms with a peptide'} fileName="mesh-with-peptide" exportable={mesh.length > 0}>
        {peptide && (
          <label className="chart-control">
            Peptide{' '}
            <select value={peptide} onChange={e => setChosenPeptide(e.target.value)}>
              {peptides.map(p => (
                <option key={p.value}>{p.value}</option>
              ))}
            </select>
          </label>
        )}
        {mesh.length ? (
          <RankedBarChart rows={mesh} color="#CC79A7" onChoose={term => filter(meshSearch(peptide!, term))} />
        ) : (
          <p className="hint">No MeSH terms on these papers yet.</p>
        )}
      </ChartCard>

      <ChartCard
        title="Citations by year of publication"
        fileName="citations-by-year"
        note={citations.length ? 'Citation counts as recorded when each paper was added; papers without one are left out.' : undefined}
        exportable={citations.length > 0}
      >
        {citations.length ? <CitationsChart rows={citations} onChoose={year => filter(yearQualifier(year))} /> : <p className="hint">No citation data yet.</p>}
      </ChartCard>
    </section>
  )
}
