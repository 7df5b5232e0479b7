// The PDF features of this window: its text-extraction queue, and what adding
// PDFs needs (the api, the library, the contact settings, known papers).
import { api, edition } from '../../transport'
import { db, store } from '../../library-context'
import { readContact } from '../../library/settings'
import { ExtractionQueue } from './extraction-queue'
import type { PdfImportDeps } from './pdf-to-item'

export const extractionQueue = new ExtractionQueue(db, api)

/** The desktop app can reveal files and open them in other programs; the web edition offers downloads. */
export const canUseSystemFiles = edition === 'desktop'

export async function pdfImportDeps(): Promise<PdfImportDeps> {
  return { api, db, contact: await readContact(db), known: store.finder }
}
