// The text and metadata of a PDF's first pages, read with pdf.js in Node, so
// that a dropped PDF can be matched to its paper (src/shared/pdf/find-doi.ts).
//
// pdf.js ships as ES modules and our main bundle is CommonJS, so it is loaded
// with import(). Its worker module is imported too: in Node pdf.js runs the
// "worker" on the calling thread and finds it on globalThis.pdfjsWorker,
// which works whether the bundler keeps pdfjs-dist external or bundles it
// (its own lookup of "./pdf.worker.mjs" next to pdf.mjs would not survive
// bundling).
import type { DocumentInitParameters, PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api'
import type { ExtractedText } from '@shared/contract'
import { ServiceError } from '@shared/result'

export interface ExtractOptions {
  /** How many pages to read from the start; 5 by default (BMC prints the DOI on its last page). */
  maxPages?: number
  password?: string
  /** Give up after this long (milliseconds); 30 s by default. */
  timeoutMs?: number
}

export const PASSWORD_NEEDED_MESSAGE = 'This PDF is protected by a password.'
export const PASSWORD_WRONG_MESSAGE = 'This PDF is protected by a password. The password given is not correct.'

/**
 * A PDF that needs a password. Crosses the process boundary as PASSWORD_REQUIRED
 * with one of the two messages above (both start with PASSWORD_NEEDED_MESSAGE),
 * so the UI knows to ask for one.
 */
export class PdfPasswordError extends ServiceError {
  readonly needsPassword = true
  constructor(readonly passwordWasWrong: boolean) {
    super('PASSWORD_REQUIRED', passwordWasWrong ? PASSWORD_WRONG_MESSAGE : PASSWORD_NEEDED_MESSAGE)
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type TextPart = { str?: string; hasEOL?: boolean; height?: number; transform?: number[] }

const DEFAULT_MAX_PAGES = 5
const DEFAULT_TIMEOUT_MS = 30_000
// pdf.js' PasswordResponses
const INCORRECT_PASSWORD = 2

let pdfjsLoading: Promise<PdfJs> | undefined

/** Reads the first pages of a PDF; throws ServiceError (INVALID_INPUT, TIMEOUT, INTERNAL). */
export async function extractPdfText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedText> {
  if (bytes.byteLength === 0) throw new ServiceError('INVALID_INPUT', 'This PDF is empty (0 bytes).')
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy: pdf.js takes ownership of (detaches) the buffer it is given
    password: options.password,
    isEvalSupported: false, // CVE-2024-4367: never compile font code from a PDF
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...dataFolders()
  })
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ServiceError('TIMEOUT', `Reading this PDF took longer than ${duration(timeoutMs)}; it may be damaged.`)), timeoutMs)
  })
  try {
    const document = await Promise.race([task.promise, timeout])
    return await Promise.race([readDocument(document, options.maxPages ?? DEFAULT_MAX_PAGES), timeout])
  } catch (error) {
    throw asServiceError(error, bytes)
  } finally {
    clearTimeout(timer)
    await task.destroy().catch(() => undefined)
  }
}

async function readDocument(document: PDFDocumentProxy, maxPages: number): Promise<ExtractedText> {
  const pageCount = document.numPages
  const pages: string[] = []
  let unreadable = 0
  let largestText: string | undefined
  for (let number = 1; number <= Math.min(pageCount, Math.max(1, maxPages)); number++) {
    try {
      const parts = await pageParts(document, number)
      pages.push(parts.map(item => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join(''))
      if (number === 1) largestText = largestTextOf(parts)
    } catch {
      unreadable++ // one broken page should not hide the DOI printed on another
      pages.push('')
    }
  }
  if (pages.length > 0 && unreadable === pages.length) {
    throw new ServiceError('INVALID_INPUT', 'This PDF is damaged and cannot be read: none of its pages could be opened.')
  }
  return {
    pages,
    metadata: await readMetadata(document),
    pageCount,
    hasTextLayer: pages.some(text => text.trim() !== ''),
    ...(largestText ? { largestText } : {})
  }
}

async function pageParts(document: PDFDocumentProxy, number: number): Promise<TextPart[]> {
  const page = await document.getPage(number)
  try {
    return (await page.getTextContent()).items as TextPart[]
  } finally {
    page.cleanup()
  }
}

/**
 * The words set in the largest type on a page, in reading order (a title
 * often wraps over two or three lines). Font size is the item's height, or
 * the scale of its transform when the height is missing.
 */
export function largestTextOf(parts: TextPart[]): string | undefined {
  const sizeOf = (part: TextPart) => Math.round((part.height || Math.hypot(part.transform?.[2] ?? 0, part.transform?.[3] ?? 0)) * 10) / 10
  const withText = parts.filter(part => (part.str ?? '').trim() !== '')
  if (withText.length === 0) return undefined
  // A drop cap or a one-letter ornament is large but says nothing: then the next size down is tried.
  const sizes = [...new Set(withText.map(sizeOf))].sort((a, b) => b - a).slice(0, 3)
  for (const size of sizes) {
    const text = withText
      .filter(part => sizeOf(part) === size)
      .map(part => part.str!.trim())
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
    if (text.length >= 8) return text.slice(0, 400)
  }
  return undefined
}

/** Info dictionary strings (custom keys included), then XMP properties; arrays joined with "; ". */
async function readMetadata(document: PDFDocumentProxy): Promise<Record<string, string>> {
  const metadata: Record<string, string> = {}
  const { info, metadata: xmp } = await document.getMetadata().catch(() => ({ info: {}, metadata: null }))
  const add = (key: string, value: unknown) => {
    const text = Array.isArray(value) ? value.filter(v => typeof v === 'string').join('; ') : value
    if (typeof text === 'string' && text.trim() !== '' && !(key in metadata)) metadata[key] = text.trim()
  }
  const infoDict = (info ?? {}) as Record<string, unknown>
  for (const [key, value] of Object.entries(infoDict)) add(key, value)
  const custom = infoDict.Custom
  if (custom && typeof custom === 'object') for (const [key, value] of Object.entries(custom)) add(key, value)
  if (xmp) for (const [key, value] of xmp as unknown as Iterable<[string, unknown]>) add(key, value)
  return metadata
}

function asServiceError(error: unknown, bytes: Uint8Array): ServiceError {
  if (error instanceof ServiceError) return error
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: number }
  if (name === 'PasswordException') return new PdfPasswordError(code === INCORRECT_PASSWORD)
  // pdf.js reads files whose "%PDF-" header is missing, so the header is only asked about once it failed.
  if (!hasPdfHeader(bytes)) return new ServiceError('INVALID_INPUT', 'This file is not a PDF.')
  const detail = (message ?? String(error)).trim().replace(/\.?$/, '.')
  return new ServiceError('INVALID_INPUT', `This PDF is damaged and cannot be read: ${detail}`)
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  const seconds = Math.round(ms / 1000)
  return seconds === 1 ? '1 second' : `${seconds} seconds`
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-', 0, 'latin1')
}

function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    // @ts-expect-error the worker module ships without type declarations; importing it sets globalThis.pdfjsWorker
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    return await import('pdfjs-dist/legacy/build/pdf.mjs')
  })().catch((error: unknown) => {
    pdfjsLoading = undefined
    throw new ServiceError('INTERNAL', `The PDF reader could not be loaded (${error instanceof Error ? error.message : String(error)}).`)
  })
  return pdfjsLoading
}

/**
 * pdf.js' character maps (for CJK text) and standard fonts, from the
 * installed pdfjs-dist, as folder paths (pdf.js reads them with fs in Node).
 * Without them text still comes out for most PDFs, so a missing folder is no error.
 */
function dataFolders(): Pick<DocumentInitParameters, 'cMapUrl' | 'standardFontDataUrl'> {
  try {
    const root = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '')
    return { cMapUrl: `${root}cmaps/`, standardFontDataUrl: `${root}standard_fonts/` }
  } catch {
    return {}
  }
}
