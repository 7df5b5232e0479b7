// Citations the records carry (Crossref's count when the paper was added),
// summed by year of publication. Clicking a year shows that year's papers.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { CitationYear } from '@shared/dashboard-data'
import { clickableBar, papers } from './clickable-bar'

export function CitationsChart({ rows, onChoose }: { rows: CitationYear[]; onChoose: (year: number) => void }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="year" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar
          dataKey="citations"
          name="Citations"
          fill="#009E73"
          maxBarSize={56}
          isAnimationActive={false}
          shape={clickableBar(
            bar => `${bar.payload.year}: ${bar.payload.citations} citations of ${papers(bar.payload.papers)}`,
            bar => onChoose(bar.payload.year)
          )}
        />
      </BarChart>
    </ResponsiveContainer>
  )
}
