// PDF → item: a PDF dropped on the library (or chosen with "Add PDFs…") is
// stored, its first pages read, its DOI looked up the way "Add by
// identifier" does, and the file attached to the paper. Without a DOI (or
// when the lookup fails) the item is titled from the PDF and flagged
// "Needs metadata" for the researcher to finish.
import type { NeurorefApi, StoredFile } from '../../../../shared/contract'
import type { DuplicateFinder } from '../../../../shared/duplicates'
import type { ReferenceRecord } from '../../../../shared/model'
import { findDoiInPdfText } from '../../../../shared/pdf/find-doi'
import type { AppError } from '../../../../shared/result'
import { addRecordToLibrary } from '../../library/add-paper'
import { NEEDS_METADATA } from '../../library/fill-placeholder'
import { itemWithDoi } from '../../library/queries'
import type { NeurorefDb } from '../../library/schema'
import { sentenceFor } from '../../messages'
import { importIdentifierList } from '../import'
import { attachStoredFile } from '../../library/attachments'
import { bytesToBase64 } from './base64'

export interface PdfImportDeps {
  api: NeurorefApi
  db: NeurorefDb
  known?: DuplicateFinder
}

export type PdfOutcome =
  | { fileName: string; status: 'added' | 'existing'; itemId: string; title: string; stored: StoredFile }
  | { fileName: string; status: 'needs-metadata'; itemId: string; title: string; stored: StoredFile; reason: string }
  | { fileName: string; status: 'failed'; reason: string }

/** Reads a file the researcher chose or dropped and hands it to main; main refuses what is not a PDF. */
export async function storePdf(
  api: Pick<NeurorefApi, 'attachments.store'>,
  file: { name: string; bytes: Uint8Array }
): Promise<{ ok: true; stored: StoredFile } | { ok: false; error: AppError }> {
  const result = await api['attachments.store']({ name: file.name, data: bytesToBase64(file.bytes) })
  return result.ok ? { ok: true, stored: result.value } : { ok: false, error: result.error }
}

export async function addPdfAsItem(file: { name: string; bytes: Uint8Array }, deps: PdfImportDeps): Promise<PdfOutcome> {
  const saved = await storePdf(deps.api, file)
  if (!saved.ok) return { fileName: file.name, status: 'failed', reason: sentenceFor(saved.error) }
  const { stored } = saved
  const text = await deps.api['attachments.extractText']({ hash: stored.hash, maxPages: 5 })
  if (!text.ok && text.error.code !== 'PASSWORD_REQUIRED') {
    // A damaged PDF makes no paper; a file stored only now is not kept either.
    if (!stored.existed) await deps.api['attachments.remove']({ hashes: [stored.hash] })
    return { fileName: stored.fileName, status: 'failed', reason: sentenceFor(text.error) }
  }
  const found = text.ok ? findDoiInPdfText({ metadata: text.value.metadata, pages: text.value.pages }) : {}

  let reason: string
  if (found.doi) {
    const summary = await importIdentifierList([{ kind: 'doi', value: found.doi }], { api: deps.api, db: deps.db, known: deps.known })
    const outcome = summary.outcomes[0]
    if (outcome && outcome.status !== 'failed') {
      await attachStoredFile(deps.db, outcome.itemId, stored)
      return { fileName: stored.fileName, status: outcome.status, itemId: outcome.itemId, title: outcome.title, stored }
    }
    reason = `The DOI ${found.doi} was found in the PDF but could not be looked up: ${outcome ? sentenceFor(outcome.error) : 'no answer.'}`
  } else {
    reason = text.ok ? 'No DOI was found in the PDF.' : sentenceFor(text.error)
  }

  const title = titleFromPdf(text.ok ? text.value : undefined, stored.fileName)
  const record: ReferenceRecord = {
    csl: { type: 'article-journal', title, ...(found.doi ? { DOI: found.doi } : {}) },
    ...(found.doi ? { doi: found.doi } : {}),
    flags: [NEEDS_METADATA],
    sources: ['file']
  }
  const same = found.doi ? await itemWithDoi(deps.db, found.doi) : undefined
  const itemId = same?.id ?? (await addRecordToLibrary(deps.db, record)).item.id
  await attachStoredFile(deps.db, itemId, stored)
  return { fileName: stored.fileName, status: 'needs-metadata', itemId, title: same?.csl.title ?? title, stored, reason }
}

/**
 * A title for a PDF whose paper is unknown: its Title metadata when that
 * reads like a title (publishers often leave an internal id such as
 * "ipg1300180a"), else the largest text on page 1, else the file name.
 */
export function titleFromPdf(text: { metadata: Record<string, string>; largestText?: string } | undefined, fileName: string): string {
  const meta = text?.metadata.Title ?? text?.metadata['dc:title']
  if (meta && meta.trim().split(/\s+/).length >= 3 && meta.length >= 15) return meta.trim()
  if (text?.largestText) return text.largestText
  return fileName.replace(/\.pdf$/i, '')
}
