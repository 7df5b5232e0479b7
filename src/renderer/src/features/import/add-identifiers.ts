// The one way the app adds papers by identifier (the box, PubMed results,
// related papers, PDFs): this window's library, its contact settings, and the
// store's memory of what is already there.
import type { Identifier } from '../../../../shared/identifiers'
import { api } from '../../transport'
import { db, store } from '../../library-context'
import { readContact } from '../../library/settings'
import { importIdentifierList, type ImportDeps, type ImportSummary } from './import-identifiers'

export async function addIdentifiers(ids: Identifier[], opts: Pick<ImportDeps, 'signal' | 'onProgress'> = {}): Promise<ImportSummary> {
  return importIdentifierList(ids, { api, db, contact: await readContact(db), known: store.finder, ...opts })
}
