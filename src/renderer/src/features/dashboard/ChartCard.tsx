// One Dashboard plot: its heading, a line on how to read it, the chart, and
// the "Export SVG" / "Export PNG" buttons.
import { useRef, type ReactNode } from 'react'
import type { Message } from '../../components/StatusMessage'
import { chartSvgOf, savePng, saveSvg, standaloneSvg, type LegendEntry } from './export-chart'

interface Props {
  title: string
  /** file name without extension */
  fileName: string
  note?: string
  legend?: LegendEntry[]
  /** false when there is nothing plotted (no export buttons) */
  exportable: boolean
  onMessage: (message: Message) => void
  children: ReactNode
}

export function ChartCard({ title, fileName, note, legend, exportable, onMessage, children }: Props) {
  const holder = useRef<HTMLDivElement>(null)

  async function exportAs(format: 'svg' | 'png'): Promise<void> {
    const chart = holder.current && chartSvgOf(holder.current)
    if (!chart) return
    const svg = standaloneSvg(chart, title, legend)
    try {
      if (format === 'svg') {
        const saved = await saveSvg(`${fileName}.svg`, svg.text)
        if (!saved.ok) return onMessage({ kind: 'error', text: saved.error.message })
        if (saved.value) onMessage({ kind: 'info', text: `Saved the plot as ${saved.value}.` })
      } else {
        await savePng(`${fileName}.png`, svg)
        onMessage({ kind: 'info', text: `Saved the plot as ${fileName}.png.` })
      }
    } catch (error) {
      onMessage({ kind: 'error', text: `The plot could not be exported: ${error instanceof Error ? error.message : String(error)}` })
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
