// One page of the viewer: the picture (canvas) with pdf.js' text layer over
// it, so text can be selected and copied and find hits are marked.
import { problemText } from '../../messages'
import { useEffect, useRef, useState, type CSSProperties } from 'react'
import { highlightHits } from './find-in-pdf'
import type { PDFDocumentProxy } from './pdfjs'

export interface PdfPageProps {
  doc: PDFDocumentProxy
  page: number
  /** a zoom factor, or 'fit' for the width of the viewer */
  zoom: number | 'fit'
  availableWidth: number
  find: string
  onScale: (scale: number) => void
  onError: (message: string) => void
}

export function PdfPage({ doc, page, zoom, availableWidth, find, onScale, onError }: PdfPageProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const layerRef = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState<{ scale: number; width: number; height: number } | null>(null)
  const [rendered, setRendered] = useState(0)

  useEffect(() => {
    let live = true
    let cancel: (() => void) | undefined
    void (async () => {
      try {
        const { pdfjs } = await import('./pdfjs')
        const proxy = await doc.getPage(page)
        const natural = proxy.getViewport({ scale: 1 })
        const scale = zoom === 'fit' ? Math.max(0.25, (availableWidth - 24) / natural.width) : zoom
        const viewport = proxy.getViewport({ scale })
        const canvas = canvasRef.current
        const layer = layerRef.current
        if (!live || !canvas || !layer) return
        const ratio = window.devicePixelRatio || 1
        canvas.width = Math.floor(viewport.width * ratio)
        canvas.height = Math.floor(viewport.height * ratio)
        setSize({ scale, width: viewport.width, height: viewport.height })
        onScale(scale)
        const task = proxy.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] })
        cancel = () => task.cancel()
        layer.replaceChildren()
        const text = new pdfjs.TextLayer({ textContentSource: proxy.streamTextContent(), container: layer, viewport })
        await Promise.all([task.promise, text.render()])
        if (live) setRendered(n => n + 1)
      } catch (error) {
        if (live && (error as { name?: string })?.name !== 'RenderingCancelledException') {
          onError(`Page ${page} could not be shown: ${problemText(error)}`)
        }
      }
    })()
    return () => {
      live = false
      cancel?.()
    }
    // onScale/onError are stable enough: re-rendering on their identity would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, page, zoom, availableWidth])

  useEffect(() => {
    if (layerRef.current) highlightHits(layerRef.current, find)
  }, [rendered, find])

  const style = {
    '--total-scale-factor': size?.scale ?? 1,
    '--scale-round-x': '1px',
    '--scale-round-y': '1px',
    width: size?.width,
    height: size?.height
  } as CSSProperties
  return (
    <div className="pdf-page" style={style}>
      <canvas ref={canvasRef} aria-label={`Page ${page}`} style={{ width: size?.width, height: size?.height }} />
      <div ref={layerRef} className="textLayer" data-testid="pdf-text-layer" />
    </div>
  )
}
