// "Add by identifier": find the identifiers in what was pasted, look them up
// in main in batches (PubMed takes 200 PMIDs per request), store each paper
// whole. One failure never sinks the rest; the user can cancel between papers.
import { problemText } from '../../messages'
import { identifierLabel, type Identifier } from '@shared/identifiers'
import type { AppError, Result } from '@shared/result'
import type { IdentifierLookup, NeurorefApi } from '@shared/contract'
import type { ReferenceRecord } from '@shared/model'
import type { NeurorefDb } from '../../library/schema'
import { addRecordsToLibrary, addRecordToLibrary } from '../../library/add-paper'
import type { PaperFinder } from '@shared/duplicates'

export type PaperOutcome =
  | { ids: Identifier[]; label: string; status: 'added' | 'existing'; itemId: string; title: string }
  | { ids: Identifier[]; label: string; status: 'failed'; error: AppError }

export interface ImportSummary {
  outcomes: PaperOutcome[]
  added: number
  existing: number
  failed: number
  cancelled: boolean
}

export interface ImportDeps {
  api: NeurorefApi
  db: NeurorefDb
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
  /** papers already in the library, in memory (the store's finder) */
  known?: PaperFinder
}

/** Identifiers sent to main per call: one efetch request's worth. */
const BATCH_SIZE = 200

const labelOf = (ids: Identifier[]): string => ids.map(identifierLabel).join(' = ')

/**
 * Lookups under way at once. Main's HTTP client keeps NCBI's pace (3 requests a second without an API key),
 * so the window need not wait for one answer before asking the next: with one ahead, each efetch waited for
 * the previous batch's parse in main and its trip to the window (≈ 0.6 s a batch in Chromium), not for NCBI.
 */
const UNDER_WAY = 3

/**
 * Looks identifiers up in main a batch at a time (one efetch request's worth), in order, keeping
 * up to UNDER_WAY lookups asked for while the caller handles the answers. Asks for nothing more
 * once the signal aborts; answers already asked for are then dropped.
 */
export async function* lookUpInBatches(
  api: NeurorefApi,
  ids: Identifier[],
  signal?: AbortSignal
): AsyncGenerator<{ batch: Identifier[]; found: Result<IdentifierLookup> }> {
  const batches: Identifier[][] = []
  for (let start = 0; start < ids.length; start += BATCH_SIZE) batches.push(ids.slice(start, start + BATCH_SIZE))
  const asked: Promise<Result<IdentifierLookup>>[] = []
  for (let i = 0; i < batches.length && !signal?.aborted; i++) {
    while (asked.length < Math.min(batches.length, i + UNDER_WAY)) {
      const lookup = api['lookup.identifiers']({ ids: batches[asked.length] })
      lookup.catch(() => undefined) // awaited in its turn, or dropped when the caller stops
      asked.push(lookup)
    }
    yield { batch: batches[i], found: await asked[i] }
  }
}

export async function importIdentifierList(ids: Identifier[], deps: ImportDeps): Promise<ImportSummary> {
  const outcomes: PaperOutcome[] = []
  let done = 0
  for await (const { batch, found } of lookUpInBatches(deps.api, ids, deps.signal)) {
    if (!found.ok) {
      outcomes.push(...batch.map(id => ({ ids: [id], label: identifierLabel(id), status: 'failed' as const, error: found.error })))
      done += batch.length
      deps.onProgress?.(done, ids.length)
      continue
    }
    for (const failure of found.value.failures) {
      outcomes.push({ ids: [failure.id], label: identifierLabel(failure.id), status: 'failed', error: failure.error })
      done += 1
    }
    // A batch where nothing was found still moves the bar on.
    if (found.value.failures.length) deps.onProgress?.(Math.min(done, ids.length), ids.length)
    for (let at = 0; at < found.value.papers.length; at += STORE_CHUNK) {
      if (deps.signal?.aborted) break
      const papers = found.value.papers.slice(at, at + STORE_CHUNK)
      outcomes.push(...(await storeChunk(deps.db, papers, deps.known)))
      done += papers.reduce((n, p) => n + p.ids.length, 0)
      deps.onProgress?.(Math.min(done, ids.length), ids.length)
    }
  }
  return summarise(outcomes, !!deps.signal?.aborted)
}

function summarise(outcomes: PaperOutcome[], cancelled: boolean): ImportSummary {
  const count = (status: PaperOutcome['status']): number => outcomes.filter(o => o.status === status).length
  return { outcomes, added: count('added'), existing: count('existing'), failed: count('failed'), cancelled }
}

/** Papers written per transaction: a whole lookup batch, far quicker than one each, and still whole or not at all. */
const STORE_CHUNK = BATCH_SIZE

/** Stores a chunk in one transaction; if anything in it fails, each paper is tried on its own. */
async function storeChunk(db: NeurorefDb, papers: LookedUp[], known?: PaperFinder): Promise<PaperOutcome[]> {
  try {
    const stored = await addRecordsToLibrary(
      db,
      papers.map(paper => paper.record),
      known
    )
    return stored.map(({ status, item }, i) => {
      const label = labelOf(papers[i].ids)
      return { ids: papers[i].ids, label, status, itemId: item.id, title: item.csl.title ?? label }
    })
  } catch {
    const one: PaperOutcome[] = []
    for (const paper of papers) one.push(await store(db, paper.ids, paper.record, known))
    return one
  }
}

type LookedUp = { ids: Identifier[]; record: ReferenceRecord }

async function store(db: NeurorefDb, ids: Identifier[], record: ReferenceRecord, known?: PaperFinder): Promise<PaperOutcome> {
  const label = labelOf(ids)
  try {
    const { status, item } = await addRecordToLibrary(db, record, known)
    return { ids, label, status, itemId: item.id, title: item.csl.title ?? label }
  } catch (error) {
    return { ids, label, status: 'failed', error: { code: 'IO', message: `The library could not save it: ${problemText(error)}` } }
  }
}
