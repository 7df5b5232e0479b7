// The attachment channels of the contract: PDFs in, bytes and text out, files
// shown or opened on the desktop. The renderer never names a path: it sends
// bytes (base64) and gets back a hash; every later call names that hash.
import type { ExtractedText, Handlers } from '../../../shared/contract'
import { ServiceError } from '../../../shared/result'
import type { Platform } from '../../platform'
import { optionalContact, requireObject, requireString } from '../../validate'
import type { BinaryHttpClient } from '../http-types'
import type { PdfText } from '../pdf/extract-text'
import { findFreePdf } from '../pdf/find-free-pdf'
import { createPdfTextReader, type PdfTextReader } from '../pdf/text-reader'
import { join } from 'node:path'
import { createLibraryFiles } from './library-files'
import { createAttachmentReferences, libraryIdOf } from './references'
import { createAttachmentStore, type AttachmentStore } from './store'

export const MAX_PDF_BYTES = 200 * 1024 * 1024
/** base64 of the largest PDF: 4 characters for every 3 bytes, padded. */
export const MAX_PDF_BASE64 = Math.ceil(MAX_PDF_BYTES / 3) * 4
/** Full-text extraction reads at most this many pages of one PDF. */
const MAX_TEXT_PAGES = 2000

type AttachmentChannel = Extract<keyof Handlers, `attachments.${string}`>

export interface AttachmentChannelDeps {
  dataDir: string
  http: BinaryHttpClient
  platform: Platform
  unpaywallUrl: string
  pmcPdfUrl: string
  /** the environment's contact address; wins over the one from Settings */
  email?: string
  /** tests use a smaller limit */
  store?: AttachmentStore
  /** reads PDF text in a worker thread; tests pass one built from source */
  pdfText?: PdfTextReader
}

const textOf = (text: PdfText): ExtractedText => ({
  pages: text.pages,
  pageCount: text.pageCount,
  hasTextLayer: text.hasTextLayer,
  metadata: text.metadata,
  largestText: text.largestText
})

export function attachmentHandlers(deps: AttachmentChannelDeps): Pick<Handlers, AttachmentChannel> {
  const store = deps.store ?? createAttachmentStore({ dataDir: deps.dataDir, maxBytes: MAX_PDF_BYTES })
  const pdfText = deps.pdfText ?? createPdfTextReader()
  const files = createLibraryFiles(store, createAttachmentReferences(join(deps.dataDir, 'attachments'), store.hashes))
  const libraryOf = (req: Record<string, unknown>) => libraryIdOf(req.library)
  const hashList = (value: unknown): string[] => {
    if (!Array.isArray(value) || value.length > 100_000) throw new ServiceError('INVALID_INPUT', 'A list of stored PDFs is needed.')
    return value.map(String)
  }
  const hashOf = (arg: unknown) => requireString(requireObject(arg).hash, 'PDF identifier', 64)
  const unsupported = (what: string) => new ServiceError('UNSUPPORTED', `The web edition cannot ${what}: download the PDF instead.`)

  return {
    'attachments.store': async arg => {
      const req = requireObject(arg)
      const name = typeof req.name === 'string' ? req.name.slice(0, 1000) : 'document.pdf'
      const bytes = fromBase64(req.data)
      const library = libraryOf(req)
      const stored = await files.forLibrary(library).store(bytes, name)
      if (req.withText !== true) return stored
      try {
        return { ...stored, text: textOf(await pdfText.read(bytes, { maxPages: MAX_TEXT_PAGES })) }
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'PASSWORD_REQUIRED') return { ...stored, textError: { code: error.code, message: error.message } }
        // A damaged PDF makes no paper; a file stored only now is not kept either.
        if (!stored.existed) await files.release(library, [stored.hash])
        throw error
      }
    },

    'attachments.read': async arg => ({ data: Buffer.from(await store.read(hashOf(arg))).toString('base64') }),

    // A file goes only when no library sharing this data folder still holds it.
    'attachments.remove': async arg => {
      const req = requireObject(arg)
      return { removed: await files.release(libraryOf(req), hashList(req.hashes)) }
    },
    'attachments.reconcile': async arg => {
      const req = requireObject(arg)
      return { removed: await files.reconcile(libraryOf(req), hashList(req.hashes)) }
    },

    'attachments.extractText': async arg => {
      const req = requireObject(arg)
      const password = typeof req.password === 'string' ? req.password.slice(0, 1000) : undefined
      const maxPages = typeof req.maxPages === 'number' && req.maxPages >= 1 ? Math.min(Math.floor(req.maxPages), MAX_TEXT_PAGES) : MAX_TEXT_PAGES
      return textOf(await pdfText.read(await store.read(hashOf(req)), { password, maxPages }))
    },

    'attachments.show': async arg => {
      const { showItemInFolder } = deps.platform
      if (deps.platform.edition === 'web' || !showItemInFolder) throw unsupported('show files in a file manager')
      await showItemInFolder(await store.path(hashOf(arg)))
    },

    'attachments.open': async arg => {
      const { openPath } = deps.platform
      if (deps.platform.edition === 'web' || !openPath) throw unsupported('open files in another program')
      await openPath(await store.path(hashOf(arg)))
    },

    'attachments.findFree': async arg => {
      const req = requireObject(arg)
      const doi = typeof req.doi === 'string' && /^10\.\d{4,9}\/\S{1,300}$/.test(req.doi.trim()) ? req.doi.trim() : undefined
      const pmcid = typeof req.pmcid === 'string' && /^PMC\d{1,9}$/i.test(req.pmcid.trim()) ? req.pmcid.trim() : undefined
      const email = deps.email ?? optionalContact(req.contact).email
      return findFreePdf(
        { doi, pmcid },
        { http: deps.http, store: files.forLibrary(libraryOf(req)), unpaywallUrl: deps.unpaywallUrl, pmcPdfUrl: deps.pmcPdfUrl, email }
      )
    }
  }
}

/** PDF bytes arrive as base64 text (IPC and the web edition's JSON alike). */
export function fromBase64(data: unknown): Uint8Array {
  if (typeof data !== 'string' || data.length === 0) throw new ServiceError('INVALID_INPUT', 'The file arrived empty.')
  if (data.length > MAX_PDF_BASE64 + 4) throw new ServiceError('INVALID_INPUT', 'The file is larger than the 200 MB limit.')
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw new ServiceError('INVALID_INPUT', 'The file arrived damaged (it was not valid base64).')
  }
  const buffer = Buffer.from(data, 'base64')
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
