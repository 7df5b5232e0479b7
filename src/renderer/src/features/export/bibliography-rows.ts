// A bibliography names its papers by id: whoever makes it (the worker, or this
// thread where there are no workers) reads their full rows from the library,
// in the order asked, as the data exports do; the window sends no papers.
import type { BibliographyRequest } from '@shared/export/bibliography-maker'
import { cslRecords } from '@shared/export/csl-items'
import { fullItems } from '../../library/queries'
import type { NeurorefDb } from '../../library/schema'

export interface BibliographyAsk extends Omit<BibliographyRequest, 'records'> {
  dbName: string
  ids: string[]
}

/** The maker's request, with the asked papers' records read from their stored rows (never the window's light copies). */
export async function requestFromRows(db: NeurorefDb, ask: BibliographyAsk): Promise<BibliographyRequest> {
  const { dbName: _dbName, ids, ...options } = ask
  return { ...options, records: cslRecords(await fullItems(db, ids)) }
}
