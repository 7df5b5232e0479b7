// A plot leaves the Dashboard as a file: the chart's SVG, with its title and
// legend written into it so the file explains itself, or that SVG drawn onto
// an offscreen canvas as a PNG (twice the screen size, for slides).
import { downloadBlob, saveExport } from '../export'
import type { Result } from '@shared/result'

export interface LegendEntry {
  label: string
  color: string
}

const TITLE_HEIGHT = 28
const LEGEND_ROW = 18
const SVG_NS = 'http://www.w3.org/2000/svg'

/** The chart inside `holder` (Recharts draws one main <svg>; legend icons are small ones). */
export function chartSvgOf(holder: HTMLElement): SVGSVGElement | null {
  const all = [...holder.querySelectorAll('svg')]
  return all.sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0] ?? null
}

/** A standalone SVG document: white background, title above, legend below, the chart in between. */
export function standaloneSvg(chart: SVGSVGElement, title: string, legend: LegendEntry[] = []): { text: string; width: number; height: number } {
  const width = Math.round(chart.clientWidth || Number(chart.getAttribute('width')) || 640)
  const chartHeight = Math.round(chart.clientHeight || Number(chart.getAttribute('height')) || 300)
  const legendHeight = legend.length ? LEGEND_ROW * Math.ceil(legend.length / 3) + 6 : 0
  const height = TITLE_HEIGHT + chartHeight + legendHeight

  const root = document.createElementNS(SVG_NS, 'svg')
  const set = (el: Element, attrs: Record<string, string | number>): void => Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, String(v)))
  set(root, { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'Liberation Sans, Arial, sans-serif', 'font-size': 12 })
  const background = document.createElementNS(SVG_NS, 'rect')
  set(background, { width, height, fill: '#ffffff' })
  const heading = document.createElementNS(SVG_NS, 'text')
  set(heading, { x: 12, y: 19, 'font-size': 15, 'font-weight': 'bold', fill: '#1d2430' })
  heading.textContent = title
  const body = chart.cloneNode(true) as SVGSVGElement
  set(body, { x: 0, y: TITLE_HEIGHT, width, height: chartHeight })
  body.removeAttribute('style')
  root.append(background, heading, body)

  legend.forEach((entry, i) => {
    const x = 12 + (i % 3) * Math.floor((width - 24) / 3)
    const y = TITLE_HEIGHT + chartHeight + 4 + Math.floor(i / 3) * LEGEND_ROW
    const swatch = document.createElementNS(SVG_NS, 'rect')
    set(swatch, { x, y, width: 12, height: 12, fill: entry.color })
    const label = document.createElementNS(SVG_NS, 'text')
    set(label, { x: x + 18, y: y + 10, fill: '#1d2430' })
    label.textContent = entry.label
    root.append(swatch, label)
  })
  return { text: new XMLSerializer().serializeToString(root), width, height }
}

export function saveSvg(fileName: string, svgText: string): Promise<Result<string | null>> {
  return saveExport(fileName, svgText, 'image/svg+xml')
}

/** Draws the SVG on an offscreen canvas and downloads the PNG. */
export async function savePng(fileName: string, svg: { text: string; width: number; height: number }, scale = 2): Promise<void> {
  const image = new Image()
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`
  await image.decode()
  const canvas = new OffscreenCanvas(svg.width * scale, svg.height * scale)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This window cannot draw images, so the PNG could not be made.')
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  downloadBlob(fileName, await canvas.convertToBlob({ type: 'image/png' }))
}
