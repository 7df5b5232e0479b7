// Horizontal bars, longest first: top peptides, or the MeSH terms that come
// with a peptide. Clicking a bar filters the library by it.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { FacetCount } from '@shared/facets'
import { clickableBar, papers } from './clickable-bar'

const ROW = 24

export function RankedBarChart({ rows, color, onChoose }: { rows: FacetCount[]; color: string; onChoose: (value: string) => void }) {
  const labelWidth = Math.min(220, 12 + 6.5 * Math.max(...rows.map(r => r.value.length)))
  return (
    <ResponsiveContainer width="100%" height={40 + rows.length * ROW}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="value" width={labelWidth} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip />
        <Bar
          dataKey="count"
          name="Papers"
          fill={color}
          isAnimationActive={false}
          shape={clickableBar(
            bar => `${bar.payload.value}: ${papers(bar.payload.count)}`,
            bar => onChoose(bar.payload.value)
          )}
        />
      </BarChart>
    </ResponsiveContainer>
  )
}
