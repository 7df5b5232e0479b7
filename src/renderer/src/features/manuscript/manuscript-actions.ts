// The manuscript actions as the window runs them: the library's papers in,
// the formatted document out as a download, cited papers into the library
// through the library's own import (one transaction) and a new collection.
import { base64ToBytes, bytesToBase64 } from '@shared/base64'
import type { Item } from '@shared/model'
import { hasIdentifier, referenceImportSummary } from '@shared/manuscript/references'
import { ServiceError } from '@shared/result'
import { problemText, sentenceFor } from '../../messages'
import type { Message } from '../../components/StatusMessage'
import { importIntoNewCollection } from '../../library/import-file'
import { fullItems } from '../../library/queries'
import { api, db, store } from '../../root'
import { edition } from '../../transport'
import { downloadBlob } from '../export'
import { completeOnline } from './complete-online'
import { documentStyleOf } from './document-style'
import { openManuscriptFile, referencesOf, type OpenedManuscript } from './manuscript-client'

/** Every paper in the library (not the Trash): what markers are looked up in. */
export async function libraryPapers(): Promise<Item[]> {
  await store.settled()
  // cited from the stored rows: the store's copies are light
  return fullItems(
    db,
    [...store.items.values()].filter(item => !item.trashedAt).map(item => item.id)
  )
}

/** The document (opened in the manuscript worker), or the sentence saying why it cannot be read. */
export async function readManuscript(file: File): Promise<{ doc: OpenedManuscript } | { error: string }> {
  try {
    return { doc: await openManuscriptFile(file) }
  } catch (error) {
    return { error: error instanceof ServiceError ? error.message : `“${file.name}” could not be read.` }
  }
}

/** The desktop app opens the document through its own dialog, so that the copy can be saved beside it. */
export const opensFromDesktop = edition === 'desktop'

/** A document the desktop's open dialog chose: the file, and the id main gave for its folder. Null when cancelled. */
export async function chooseOnDesktop(): Promise<{ file: File; desktopId: string } | null | { error: string }> {
  const picked = await api['manuscript.open'](undefined)
  if (!picked.ok) return { error: sentenceFor(picked.error) }
  if (!picked.value) return null
  const { id, name, data } = picked.value
  return { file: new File([base64ToBytes(data) as BlobPart], name), desktopId: id }
}

/**
 * The new document, never over the original: the desktop app saves it beside
 * the original (a free name: "Draft (APA 7th edition) 2.docx" when taken),
 * the web edition (or a document that came from the browser) downloads it.
 * Where it went, in words.
 */
export async function deliverManuscript(out: { fileName: string; bytes: Uint8Array; mimeType: string }, desktopId?: string): Promise<string> {
  if (desktopId) {
    const saved = await api['manuscript.saveBeside']({ id: desktopId, name: out.fileName, data: bytesToBase64(out.bytes) })
    if (!saved.ok) throw new ServiceError(saved.error.code, sentenceFor(saved.error))
    return `saved beside the original as ${saved.value.path}`
  }
  downloadBlob(out.fileName, new Blob([out.bytes as BlobPart], { type: out.mimeType }))
  return out.fileName
}

/** " Its citations are in Nature (en-GB)." when Zotero's preferences in the document say so. */
async function citedIn(doc: OpenedManuscript): Promise<string> {
  if (!doc.documentStyle) return ''
  const style = await documentStyleOf(doc)
  const locale = doc.documentStyle.locale ? ` (${doc.documentStyle.locale})` : ''
  return ` Its citations are in ${style?.label ?? doc.documentStyle.cslId}${locale}.`
}

/** `say` shows what is under way (looking papers up online can take a while). */
export async function importReferencesFrom(file: File, say?: (message: Message) => void): Promise<Message> {
  const read = await readManuscript(file)
  if ('error' in read) return { kind: 'error', text: `${read.error} Nothing was imported.` }
  let refs
  try {
    refs = await referencesOf(read.doc)
  } catch (error) {
    return { kind: 'error', text: error instanceof ServiceError ? error.message : String(error) }
  }
  await store.settled()
  const online = await completeOnline(api, refs.records, store.finder, count =>
    say?.({ kind: 'info', text: `${file.name}: completing ${count} ${count === 1 ? 'reference' : 'references'} online (PubMed, Crossref)…` })
  )
  try {
    // one transaction: the papers and their new collection arrive together or not at all
    const { outcome, collection } = await importIntoNewCollection(db, online.records, store.finder, refs.collectionName)
    const duplicates = new Set(outcome.duplicates.map(duplicate => duplicate.record))
    const text = referenceImportSummary({
      cited: refs.records.length,
      already: outcome.duplicates.length,
      added: outcome.added.length,
      completed: [...online.completed].filter(record => !duplicates.has(record)).length,
      notFound: online.notFound,
      unreachable: online.unreachable,
      withoutIdentifiers: outcome.added.filter(item => !hasIdentifier(item)).length
    })
    return { kind: 'info', text: `${file.name}: ${text} They are in the collection “${collection.name}”.${await citedIn(read.doc)}` }
  } catch (error) {
    return { kind: 'error', text: `${file.name}: the library could not save the references (${problemText(error)}). Nothing was imported.` }
  }
}
