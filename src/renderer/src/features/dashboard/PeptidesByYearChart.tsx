// Papers per year, stacked by peptide (top six, then "Other peptides").
// Clicking a segment shows that peptide's papers of that year.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { PeptidesByYear, Series } from '@shared/dashboard-data'
import { clickableBar, papers, SERIES_COLORS } from './clickable-bar'

export const seriesColor = (series: Series, i: number): string => (series.peptide ? SERIES_COLORS[i % 6] : SERIES_COLORS[6])

export function PeptidesByYearChart({ data, onChoose }: { data: PeptidesByYear; onChoose: (series: Series, year: number) => void }) {
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={data.rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="year" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {data.series.map((series, i) => (
          <Bar
            key={series.key}
            dataKey={series.key}
            name={series.label}
            stackId="peptides"
            maxBarSize={56}
            fill={seriesColor(series, i)}
            isAnimationActive={false}
            shape={clickableBar(
              bar => `${series.label}, ${bar.payload.year}: ${papers(bar.payload[series.key])}`,
              bar => onChoose(series, bar.payload.year)
            )}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}
