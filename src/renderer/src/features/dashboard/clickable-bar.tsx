// Bars that are buttons: each has a name a screen reader reads ("Oxytocin,
// 2019: 3 papers"), takes the keyboard focus, and filters the library when
// clicked or when Enter is pressed on it.
import type { ReactNode } from 'react'
import type { BarShapeProps } from 'recharts'

export function clickableBar(describe: (bar: BarShapeProps) => string, choose: (bar: BarShapeProps) => void): (bar: BarShapeProps) => ReactNode {
  return function ClickableBar(bar: BarShapeProps) {
    const width = Math.abs(bar.width ?? 0)
    const height = Math.abs(bar.height ?? 0)
    if (width === 0 || height === 0) return null
    return (
      <rect
        className="chart-bar"
        role="button"
        tabIndex={0}
        aria-label={describe(bar)}
        x={Math.min(bar.x, bar.x + (bar.width ?? 0))}
        y={Math.min(bar.y, bar.y + (bar.height ?? 0))}
        width={width}
        height={height}
        fill={bar.fill}
        onClick={() => choose(bar)}
        onKeyDown={event => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault()
            choose(bar)
          }
        }}
      />
    )
  }
}

export const papers = (n: number): string => `${n} ${n === 1 ? 'paper' : 'papers'}`

/** Okabe–Ito colours: told apart with every common colour-vision deficiency; grey for "Other". */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999']
