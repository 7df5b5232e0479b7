// One Dashboard plot: its heading, a line on how to read it, the chart, and
// the "Export SVG" / "Export PNG" buttons.
import { problemText } from '../../messages'
import { useNotify } from '../../components/notify'
import { useRef, type ReactNode } from 'react'
import { chartSvgOf, savePng, saveSvg, standaloneSvg, type LegendEntry } from './export-chart'

interface Props {
  title: string
  /** file name without extension */
  fileName: string
  note?: string
  legend?: LegendEntry[]
  /** false when there is nothing plotted (no export buttons) */
  exportable: boolean
  children: ReactNode
}

export function ChartCard({ title, fileName, note, legend, exportable, children }: Props) {
  const notify = useNotify()
  const holder = useRef<HTMLDivElement>(null)

  async function exportAs(format: 'svg' | 'png'): Promise<void> {
    const chart = holder.current && chartSvgOf(holder.current)
    if (!chart) return
    const svg = standaloneSvg(chart, title, legend)
    try {
      if (format === 'svg') {
        const saved = await saveSvg(`${fileName}.svg`, svg.text)
        if (!saved.ok) return notify({ kind: 'error', text: saved.error.message })
        if (saved.value) notify({ kind: 'info', text: `Saved the plot as ${saved.value}.` })
      } else {
        await savePng(`${fileName}.png`, svg)
        notify({ kind: 'info', text: `Saved the plot as ${fileName}.png.` })
      }
    } catch (error) {
      notify({ kind: 'error', text: `The plot could not be exported: ${problemText(error)}` })
    }
  }

  return (
    <figure className="chart-card" aria-label={title}>
      <div className="chart-head">
        <h3>{title}</h3>
        {exportable && (
          <span className="chart-exports">
            <button type="button" className="small" onClick={() => void exportAs('svg')}>
              Export SVG
            </button>
            <button type="button" className="small" onClick={() => void exportAs('png')}>
              Export PNG
            </button>
          </span>
        )}
      </div>
      {note && <p className="chart-note">{note}</p>}
      <div ref={holder} className="chart-body">
        {children}
      </div>
    </figure>
  )
}
