// pdf.js in the window, set up once: its worker from the bundle, and its
// data folders (copied beside the built renderer by electron.vite.config.ts)
// as relative URLs, so the same build works from file:// and from the web
// edition. Loaded on demand: only the viewer needs it.
import * as pdfjs from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl

const dataUrl = (folder: string): string => new URL(`./pdfjs/${folder}/`, document.baseURI).href

export function openPdfDocument(bytes: Uint8Array, password?: string): pdfjs.PDFDocumentLoadingTask {
  return pdfjs.getDocument({
    data: bytes,
    password,
    isEvalSupported: false, // CVE-2024-4367: never compile font code from a PDF
    cMapUrl: dataUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataUrl('standard_fonts'),
    wasmUrl: dataUrl('wasm'),
    iccUrl: dataUrl('iccs')
  })
}

export { pdfjs }
export type { PDFDocumentProxy } from 'pdfjs-dist'
