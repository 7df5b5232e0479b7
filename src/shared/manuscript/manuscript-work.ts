// The manuscript work a worker does for the window (unzip, find the markers,
// citeproc, write the copy), kept here free of any thread so Node tests run it
// as it is. The worker keeps the documents it opened (a ManuscriptFile holds
// parsed XML and cannot be sent back) and citeproc's engines warm between calls.
import type { ExportItem } from '../export/bibtex-fields'
import { learnStyle, type StyleSource } from '../export/styles'
import { ServiceError } from '../result'
import { warmStyle } from './cite-engine'
import { formatManuscript, openManuscript, reviewManuscript, type FormatProgress, type FormattedDocument, type ManuscriptReview } from './manuscript'
import type { ManuscriptFile } from './model'
import { referencesInDocument, type DocumentReferences } from './references'
import type { Choices } from './resolve'

/** A document as the window knows it: a handle to the file the worker holds. */
export interface OpenedManuscript {
  key: number
  name: string
  kind: ManuscriptFile['kind']
  citations: number
  /** the style (CSL id) and language the document says it is cited in, from Zotero's or Mendeley's preferences */
  documentStyle?: { cslId: string; locale?: string }
}

/** Documents kept open: the one in the dialog and the one before it. */
const KEPT = 2

export class ManuscriptWork {
  private readonly files = new Map<number, ManuscriptFile>()

  open(key: number, bytes: Uint8Array, name: string): OpenedManuscript {
    const file = openManuscript(bytes, name)
    this.files.set(key, file)
    for (const old of this.files.keys()) if (this.files.size > KEPT) this.files.delete(old)
    const documentStyle = file.prefs && { cslId: file.prefs.styleId, locale: file.prefs.locale }
    return { key, name: file.name, kind: file.kind, citations: file.citations.length, documentStyle }
  }

  has(key: number): boolean {
    return this.files.has(key)
  }

  review(key: number, library: ExportItem[], choices?: Choices): ManuscriptReview {
    return reviewManuscript(this.file(key), library, choices)
  }

  format(
    key: number,
    library: ExportItem[],
    style: StyleSource,
    opts: { choices?: Choices; lang?: string },
    onProgress?: (progress: FormatProgress) => void
  ): FormattedDocument {
    learnStyle(style)
    return formatManuscript(this.file(key), library, style.id, { ...opts, onProgress })
  }

  references(key: number): DocumentReferences {
    return referencesInDocument(this.file(key))
  }

  /** Builds the style's citeproc engine while the researcher is still choosing or reviewing. */
  warm(style: StyleSource, lang?: string): void {
    learnStyle(style)
    warmStyle(style.id, lang)
  }

  private file(key: number): ManuscriptFile {
    const file = this.files.get(key)
    if (!file) throw new ServiceError('INTERNAL', 'The document is no longer open: choose it again.')
    return file
  }
}
