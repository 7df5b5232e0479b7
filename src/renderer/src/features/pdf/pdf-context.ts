// What adding PDFs needs in this window (the api, the library, known papers);
// the extraction queue itself is made by the composition root (root.ts).
import { api, db, store } from '../../root'
import { edition } from '../../transport'
import type { PdfImportDeps } from './pdf-to-item'

export { extractionQueue } from '../../root'

/** The desktop app can reveal files and open them in other programs; the web edition offers downloads. */
export const canUseSystemFiles = edition === 'desktop'

export function pdfImportDeps(): PdfImportDeps {
  return { api, db, known: store.finder }
}
