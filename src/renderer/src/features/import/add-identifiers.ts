// The one way the app adds papers by identifier (the box, PubMed results,
// related papers, PDFs): this window's library and transport (which adds the
// contact details), and the store's memory of what is already there.
import type { Identifier } from '@shared/identifiers'
import { importIdentifierList, type ImportDeps, type ImportSummary } from './import-identifiers'

export async function addIdentifiers(ids: Identifier[], opts: Pick<ImportDeps, 'signal' | 'onProgress'> = {}): Promise<ImportSummary> {
  // The composition root is loaded when first needed, so other features (and their tests) can use this
  // feature's index for the import pipeline alone without creating the window's database and transport.
  const { api, db, store } = await import('../../root')
  return importIdentifierList(ids, { api, db, known: store.finder, ...opts })
}
