// attachments.*: PDFs in, bytes and text out, files
// shown or opened on the desktop. The renderer never names a path: it sends
// bytes (base64) and gets back a hash; every later call names that hash.
import { join } from 'node:path'
import type { NamespaceHandlers } from '@shared/contract'
import { ServiceError } from '@shared/result'
import { createLibraryFiles } from '../services/attachments/library-files'
import { createAttachmentReferences, libraryIdOf } from '../services/attachments/references'
import { createAttachmentStore } from '../services/attachments/store'
import { findFreePdf } from '../services/pdf/find-free-pdf'
import { createPdfTextReader } from '../services/pdf/text-reader'
import { contactFor, type ChannelDeps } from './deps'
import { optionalCount, optionalIdentifier, requireObject, requireString } from './validate'

const MAX_PDF_BYTES = 200 * 1024 * 1024
/** base64 of the largest PDF: 4 characters for every 3 bytes, padded. */
const MAX_PDF_BASE64 = Math.ceil(MAX_PDF_BYTES / 3) * 4
/** Full-text extraction reads at most this many pages of one PDF. */
const MAX_TEXT_PAGES = 2000

export function attachmentsChannels({ config, http, platform, pdfText = createPdfTextReader() }: ChannelDeps): NamespaceHandlers<'attachments'> {
  const store = createAttachmentStore({ dataDir: config.dataDir, maxBytes: MAX_PDF_BYTES })
  const files = createLibraryFiles(store, createAttachmentReferences(join(config.dataDir, 'attachments'), store.hashes))
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
        return { ...stored, text: await pdfText.read(bytes, { maxPages: MAX_TEXT_PAGES }) }
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

    'attachments.missing': async arg => {
      const stored = new Set(await store.hashes())
      return { missing: hashList(requireObject(arg).hashes).filter(hash => !stored.has(hash)) }
    },

    'attachments.extractText': async arg => {
      const req = requireObject(arg)
      const password = typeof req.password === 'string' ? req.password.slice(0, 1000) : undefined
      const maxPages = optionalCount(req.maxPages, 1, MAX_TEXT_PAGES, MAX_TEXT_PAGES)
      return pdfText.read(await store.read(hashOf(req)), { password, maxPages })
    },

    'attachments.show': async arg => {
      const { showItemInFolder } = platform
      if (platform.edition === 'web' || !showItemInFolder) throw unsupported('show files in a file manager')
      await showItemInFolder(await store.path(hashOf(arg)))
    },

    'attachments.open': async arg => {
      const { openPath } = platform
      if (platform.edition === 'web' || !openPath) throw unsupported('open files in another program')
      await openPath(await store.path(hashOf(arg)))
    },

    'attachments.findFree': async arg => {
      const req = requireObject(arg)
      const doi = optionalIdentifier('doi', req.doi)
      const pmcid = optionalIdentifier('pmcid', req.pmcid)
      const { email } = contactFor(config, req.contact)
      return findFreePdf(
        { doi, pmcid },
        { http, store: files.forLibrary(libraryOf(req)), unpaywallUrl: config.unpaywallUrl, pmcPdfUrl: config.pmcPdfUrl, email }
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
