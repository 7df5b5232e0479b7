// PDF → item: a PDF dropped on the library (or chosen with "Add PDFs…") is
// stored and read, its DOI looked up the way "Add by identifier" does, and
// the file attached to the paper with its full text. Without a DOI (or
// when the lookup fails) the item is titled from the PDF and flagged
// "Needs metadata" for the researcher to finish.
import type { NeurorefApi, StoredFile } from '@shared/contract'
import type { PaperFinder } from '@shared/duplicates'
import type { AttachmentRecord, ReferenceRecord } from '@shared/model'
import { findDoiInPdfText } from '@shared/pdf/find-doi'
import type { AppError } from '@shared/result'
import { addRecordToLibrary } from '../../library/add-paper'
import { NEEDS_METADATA } from '../../library/fill-placeholder'
import { itemWithDoi } from '../../library/queries'
import type { NeurorefDb } from '../../library/schema'
import { sentenceFor } from '../../messages'
import { importIdentifierList } from '../import'
import { attachStoredFile } from '../../library/attachments'
import { bytesToBase64 } from '@shared/base64'

export interface PdfImportDeps {
  api: NeurorefApi
  db: NeurorefDb
  known?: PaperFinder
}

/** `attachment`: the record made (or found); `textError`: why its text could not be read (a password). */
type Attached = { stored: StoredFile; attachment: AttachmentRecord; textError?: AppError }

export type PdfOutcome =
  | ({ fileName: string; status: 'added' | 'existing'; itemId: string; title: string } & Attached)
  | ({ fileName: string; status: 'needs-metadata'; itemId: string; title: string; reason: string } & Attached)
  | { fileName: string; status: 'failed'; reason: string }

/** Reads a file the researcher chose or dropped and hands it to main; main refuses what is not a PDF. */
export async function storePdf(
  api: Pick<NeurorefApi, 'attachments.store'>,
  file: { name: string; bytes: Uint8Array }
): Promise<{ ok: true; stored: StoredFile } | { ok: false; error: AppError }> {
  const result = await api['attachments.store']({ name: file.name, data: bytesToBase64(file.bytes) })
  return result.ok ? { ok: true, stored: result.value } : { ok: false, error: result.error }
}

/** Pages searched for the paper's DOI: it stands on the first pages or in the metadata. */
const DOI_PAGES = 5

/**
 * Two calls to main at most: the file is stored and all its pages read in one
 * parse (`withText`), then its DOI, if one was found, is looked up. The text
 * read here becomes the attachment's full text; nothing reads the file again.
 */
export async function addPdfAsItem(file: { name: string; bytes: Uint8Array }, deps: PdfImportDeps): Promise<PdfOutcome> {
  const saved = await deps.api['attachments.store']({ name: file.name, data: bytesToBase64(file.bytes), withText: true })
  if (!saved.ok) return { fileName: file.name, status: 'failed', reason: sentenceFor(saved.error) }
  const { text, textError, ...stored } = saved.value
  const found = text ? findDoiInPdfText({ metadata: text.metadata, pages: text.pages.slice(0, DOI_PAGES) }) : {}
  const attach = (itemId: string) => attachStoredFile(deps.db, itemId, stored, Date.now(), text)

  let reason: string
  if (found.doi) {
    const summary = await importIdentifierList([{ kind: 'doi', value: found.doi }], { api: deps.api, db: deps.db, known: deps.known })
    const outcome = summary.outcomes[0]
    if (outcome && outcome.status !== 'failed') {
      const { record } = await attach(outcome.itemId)
      return { fileName: stored.fileName, status: outcome.status, itemId: outcome.itemId, title: outcome.title, stored, attachment: record, textError }
    }
    reason = `The DOI ${found.doi} was found in the PDF but could not be looked up: ${outcome ? sentenceFor(outcome.error) : 'no answer.'}`
  } else {
    reason = textError ? sentenceFor(textError) : 'No DOI was found in the PDF.'
  }

  const title = titleFromPdf(text, stored.fileName)
  const record: ReferenceRecord = {
    csl: { type: 'article-journal', title, ...(found.doi ? { DOI: found.doi } : {}) },
    ...(found.doi ? { doi: found.doi } : {}),
    flags: [NEEDS_METADATA],
    sources: ['file']
  }
  const same = found.doi ? await itemWithDoi(deps.db, found.doi) : undefined
  const itemId = same?.id ?? (await addRecordToLibrary(deps.db, record)).item.id
  const { record: attachment } = await attach(itemId)
  return { fileName: stored.fileName, status: 'needs-metadata', itemId, title: same?.csl.title ?? title, stored, reason, attachment, textError }
}

/**
 * A title for a PDF whose paper is unknown: its Title metadata when that
 * reads like a title (publishers often leave an internal id such as
 * "ipg1300180a"), else the largest text on page 1, else the file name.
 */
function titleFromPdf(text: { metadata: Record<string, string>; largestText?: string } | undefined, fileName: string): string {
  const meta = text?.metadata.Title ?? text?.metadata['dc:title']
  if (meta && meta.trim().split(/\s+/).length >= 3 && meta.length >= 15) return meta.trim()
  if (text?.largestText) return text.largestText
  return fileName.replace(/\.pdf$/i, '')
}
