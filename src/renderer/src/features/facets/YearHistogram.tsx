// Papers per year as a small histogram. Click a bar for one year; drag across
// bars for a range. Each bar is also a keyboard button (Enter: that year).
import { useRef, useState, type PointerEvent } from 'react'
import type { YearCount } from '@shared/facets'

const HEIGHT = 64
const MAX_BAR = 14

interface Props {
  years: YearCount[]
  /** the range the search asks for, highlighted */
  selected?: { from: number; to: number }
  onChoose: (from: number, to: number) => void
}

/** Every year from the first to the last, empty ones included, so a drag covers real time. */
function continuous(years: YearCount[]): YearCount[] {
  if (years.length === 0) return []
  const counts = new Map(years.map(y => [y.year, y.count]))
  const out: YearCount[] = []
  for (let y = years[0].year; y <= years[years.length - 1].year; y++) out.push({ year: y, count: counts.get(y) ?? 0 })
  return out
}

export function YearHistogram({ years, selected, onChoose }: Props) {
  const bars = continuous(years)
  const svgRef = useRef<SVGSVGElement>(null)
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null)
  if (bars.length === 0) return <p className="facet-none">No dated papers</p>

  const width = Math.max(160, Math.min(bars.length * MAX_BAR, 320))
  const step = width / bars.length
  const most = Math.max(...bars.map(b => b.count))
  const yearAt = (event: PointerEvent): number => {
    const box = svgRef.current!.getBoundingClientRect()
    const i = Math.floor(((event.clientX - box.left) / box.width) * bars.length)
    return bars[Math.max(0, Math.min(bars.length - 1, i))].year
  }
  const shown = drag ?? selected
  const inRange = (year: number): boolean => !!shown && year >= Math.min(shown.from, shown.to) && year <= Math.max(shown.from, shown.to)

  return (
    <div className="year-histogram">
      <svg
        ref={svgRef}
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="group"
        aria-label="Papers per year"
        onPointerDown={e => {
          const year = yearAt(e)
          svgRef.current?.setPointerCapture(e.pointerId)
          setDrag({ from: year, to: year })
        }}
        onPointerMove={e => drag && setDrag({ ...drag, to: yearAt(e) })}
        onPointerUp={() => {
          if (drag) onChoose(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to))
          setDrag(null)
        }}
        onPointerCancel={() => setDrag(null)}
      >
        {bars.map((bar, i) => {
          const h = bar.count === 0 ? 0 : Math.max(2, (bar.count / most) * (HEIGHT - 4))
          return (
            <rect
              key={bar.year}
              role="button"
              tabIndex={bar.count > 0 ? 0 : -1}
              aria-label={`${bar.year}: ${bar.count} ${bar.count === 1 ? 'paper' : 'papers'}`}
              aria-pressed={!!selected && inRange(bar.year)}
              className={inRange(bar.year) ? 'year-bar chosen' : 'year-bar'}
              x={i * step + 0.5}
              y={HEIGHT - h}
              width={Math.max(1, step - 1)}
              height={h}
              onKeyDown={e => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault()
                  onChoose(bar.year, bar.year)
                }
              }}
            >
              <title>{`${bar.year}: ${bar.count}`}</title>
            </rect>
          )
        })}
      </svg>
      <div className="year-axis" style={{ width }}>
        <span>{bars[0].year}</span>
        <span>
          {shown
            ? Math.min(shown.from, shown.to) === Math.max(shown.from, shown.to)
              ? shown.from
              : `${Math.min(shown.from, shown.to)}–${Math.max(shown.from, shown.to)}`
            : ''}
        </span>
        <span>{bars[bars.length - 1].year}</span>
      </div>
    </div>
  )
}
