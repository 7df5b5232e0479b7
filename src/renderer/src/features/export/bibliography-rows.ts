// A bibliography names its papers by id: whoever makes it (the worker, or this
// thread where there are no workers) reads them from the library, in the order
// asked; the window sends no papers. Only what a citation uses is kept: a long
// list is read from the saved light form (the form the library opens with, no
// abstracts, references or author details to read and drop), and otherwise
// the rows are read a chunk at a time, each row cut down to its cited fields
// as it comes, so 100,000 full rows are never held at once.
import { learnStyles, type BibliographyRequest } from '@shared/export/bibliography-maker'
import { cslRecords, type CitedFields } from '@shared/export/csl-items'
import { styleOrThrow } from '@shared/export/styles'
import { unreadFields } from '@shared/export/unread-fields'
import { parseLightPart } from '../../library/light-form'
import type { NeurorefDb } from '../../library/schema'
import { savedLightForm } from '../../store/light-rows'

export interface BibliographyAsk extends Omit<BibliographyRequest, 'records'> {
  dbName: string
  ids: string[]
}

/** Rows read at a time. */
const CHUNK = 1000
/** A list of at least this many papers, and a tenth of the library, is read from the saved light form (which holds every paper). */
const FROM_FORM = 500

/** The fields of a stored row or light copy that a citation uses. */
function cited(paper: CitedFields, withAbstract: boolean): CitedFields {
  const { csl, doi, pmid, pmcid, citationKey, keywords } = paper
  const kept: CitedFields = { csl, doi, pmid, pmcid, citationKey, keywords }
  if (withAbstract) kept.abstractSections = paper.abstractSections
  else if ('abstract' in csl) {
    const { abstract: _abstract, ...rest } = csl
    kept.csl = rest
  }
  return kept
}

/** The papers' rows by id, a chunk at a time (the next chunk read while this one is cut down), missing ids skipped. */
async function fromRows(db: NeurorefDb, ids: readonly string[], withAbstract: boolean, into: Map<string, CitedFields>): Promise<void> {
  const read = (start: number) => db.items.bulkGet(ids.slice(start, start + CHUNK))
  let next = read(0)
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await next
    if (start + CHUNK < ids.length) next = read(start + CHUNK)
    for (const row of rows) if (row) into.set(row.id, cited(row, withAbstract))
  }
}

/** The asked papers from the saved light form and the rows changed since; false when there is no usable form. */
async function fromForm(db: NeurorefDb, ids: readonly string[], into: Map<string, CitedFields>): Promise<boolean> {
  const form = await savedLightForm(db)
  if (!form) return false
  const wanted = new Set(ids)
  for await (const chunk of form) {
    const except = chunk.kind === 'packed' ? new Set(chunk.except) : undefined
    const papers = chunk.kind === 'packed' ? parseLightPart(chunk.part).papers : chunk.items
    for (const paper of papers) if (wanted.has(paper.id) && !except?.has(paper.id)) into.set(paper.id, cited(paper, false))
  }
  // a paper the form does not hold (none should be missing): from its row
  const missing = ids.filter(id => !into.has(id))
  if (missing.length) await fromRows(db, missing, false, into)
  return true
}

/** The maker's request, with the asked papers' records read from the library (never the window's light copies); `formFrom` papers or more from the saved form. */
export async function requestFromRows(db: NeurorefDb, ask: BibliographyAsk, formFrom = FROM_FORM): Promise<BibliographyRequest> {
  const { dbName: _dbName, ids, ...options } = ask
  learnStyles(options.customStyles, options.locales)
  const withAbstract = !unreadFields(styleOrThrow(options.style).id).includes('abstract')
  const papers = new Map<string, CitedFields>()
  const long = !withAbstract && ids.length >= formFrom && ids.length * 10 >= (await db.items.count())
  if (!long || !(await fromForm(db, ids, papers))) await fromRows(db, ids, withAbstract, papers)
  return { ...options, records: cslRecords(ids.flatMap(id => papers.get(id) ?? [])) }
}
