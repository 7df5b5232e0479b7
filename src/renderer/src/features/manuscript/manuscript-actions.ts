// The manuscript actions as the window runs them: the library's papers in,
// the formatted document out as a download, cited papers into the library
// through the library's own import (one transaction) and a new collection.
import type { Item } from '@shared/model'
import { styleForCslId } from '@shared/export/styles'
import { hasIdentifier, referenceImportSummary } from '@shared/manuscript/references'
import { ServiceError } from '@shared/result'
import { problemText } from '../../messages'
import type { Message } from '../../components/StatusMessage'
import { importIntoNewCollection } from '../../library/import-file'
import { db, store } from '../../root'
import { downloadBlob } from '../export'
import { openManuscriptFile, referencesOf, type OpenedManuscript } from './manuscript-client'

export const MANUSCRIPT_ACCEPT = '.docx,.odt,.doc'

/** Every paper in the library (not the Trash): what markers are looked up in. */
export async function libraryPapers(): Promise<Item[]> {
  await store.settled()
  return [...store.items.values()].filter(item => !item.trashedAt)
}

/** The document (opened in the manuscript worker), or the sentence saying why it cannot be read. */
export async function readManuscript(file: File): Promise<{ doc: OpenedManuscript } | { error: string }> {
  try {
    return { doc: await openManuscriptFile(file) }
  } catch (error) {
    return { error: error instanceof ServiceError ? error.message : `“${file.name}” could not be read.` }
  }
}

/** The new document arrives as a download (the original is never touched). */
export function deliverManuscript(fileName: string, bytes: Uint8Array, mimeType: string): void {
  downloadBlob(fileName, new Blob([bytes as BlobPart], { type: mimeType }))
}

/** " Its citations are in Nature (en-GB)." when Zotero's preferences in the document say so. */
function citedIn(doc: OpenedManuscript): string {
  if (!doc.documentStyle) return ''
  const style = styleForCslId(doc.documentStyle.cslId)
  const locale = doc.documentStyle.locale ? ` (${doc.documentStyle.locale})` : ''
  return ` Its citations are in ${style?.label ?? doc.documentStyle.cslId}${locale}.`
}

export async function importReferencesFrom(file: File): Promise<Message> {
  const read = await readManuscript(file)
  if ('error' in read) return { kind: 'error', text: `${read.error} Nothing was imported.` }
  let refs
  try {
    refs = await referencesOf(read.doc)
  } catch (error) {
    return { kind: 'error', text: error instanceof ServiceError ? error.message : String(error) }
  }
  await store.settled()
  try {
    // one transaction: the papers and their new collection arrive together or not at all
    const { outcome, collection } = await importIntoNewCollection(db, refs.records, store.finder, refs.collectionName)
    const text = referenceImportSummary({
      cited: refs.records.length,
      already: outcome.duplicates.length,
      added: outcome.added.length,
      withoutIdentifiers: outcome.added.filter(item => !hasIdentifier(item)).length
    })
    return { kind: 'info', text: `${file.name}: ${text} They are in the collection “${collection.name}”.${citedIn(read.doc)}` }
  } catch (error) {
    return { kind: 'error', text: `${file.name}: the library could not save the references (${problemText(error)}). Nothing was imported.` }
  }
}
