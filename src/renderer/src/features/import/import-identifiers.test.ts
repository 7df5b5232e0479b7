// "Add by identifier" on the renderer side: batching, progress, cancel and
// storing, with the library on fake-indexeddb. Main is a stand-in here (the
// network side has its own tests in resolve-identifiers.test.ts): it answers
// PMIDs from the recorded PubMed records and "not found" for the rest.
import { afterEach, describe, expect, it } from 'vitest'
import type { IdentifierLookup, NeurorefApi } from '@shared/contract'
import type { Identifier } from '@shared/identifiers'
import type { ReferenceRecord } from '@shared/model'
import { ok, type AppError, type Result } from '@shared/result'
import { fixtureNames, fixtureText } from '../../../../main/services/pubmed/fixture-files.test-support'
import { parsePubmedArticleSet } from '../../../../main/services/pubmed/parse-efetch'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { importIdentifierList } from './import-identifiers'

/** The 31 recorded PubMed records (the malformed file is there to fail parsing). */
const RECORDS: ReferenceRecord[] = fixtureNames('efetch')
  .filter(name => !name.includes('malformed'))
  .flatMap(name => parsePubmedArticleSet(fixtureText('efetch', name)))
const byPmid = new Map(RECORDS.map(r => [r.pmid!, r]))
const RECORDED = [...byPmid.keys()]

const pmid = (value: string): Identifier => ({ kind: 'pmid', value })
/** Above every PMID PubMed has handed out: never found. */
const unknown = (n: number): Identifier => pmid(String(98_000_000 + n))

/** 450 PMIDs, the recorded ones spread over all three batches, the rest unknown. */
function pasted450(): Identifier[] {
  const ids = Array.from({ length: 450 }, (_, i) => unknown(i))
  RECORDED.forEach((value, i) => (ids[i * 14 + 3] = pmid(value)))
  return ids
}

interface StandIn {
  api: NeurorefApi
  calls: Identifier[][]
}

/** `lookup.identifiers` as main answers it; `failBatch` makes that call (0-based) fail as a whole. */
function standInMain(failBatch?: { index: number; error: AppError }): StandIn {
  const calls: Identifier[][] = []
  const lookup = async ({ ids }: { ids: Identifier[] }): Promise<Result<IdentifierLookup>> => {
    calls.push(ids)
    if (failBatch?.index === calls.length - 1) return { ok: false, error: failBatch.error }
    const value: IdentifierLookup = { papers: [], failures: [] }
    for (const id of ids) {
      const record = byPmid.get(id.value)
      if (record) value.papers.push({ ids: [id], record })
      else value.failures.push({ id, error: { code: 'NOT_FOUND', message: `PubMed has no paper with PMID ${id.value}.` } })
    }
    return ok(value)
  }
  // Only the one channel this feature uses.
  return { api: { 'lookup.identifiers': lookup } as Partial<NeurorefApi> as NeurorefApi, calls }
}

let db: NeurorefDb
afterEach(async () => {
  await db?.delete()
})
function freshLibrary(): NeurorefDb {
  db = openLibrary(`import-ids-${Math.random()}`)
  return db
}

describe('importIdentifierList', () => {
  it('asks main in 3 batches of at most 200 for 450 ids, and the progress reaches 450', async () => {
    const { api, calls } = standInMain()
    const progress: [number, number][] = []
    const summary = await importIdentifierList(pasted450(), { api, db: freshLibrary(), onProgress: (done, total) => progress.push([done, total]) })
    expect(calls.map(batch => batch.length)).toEqual([200, 200, 50])
    expect(progress.at(-1)).toEqual([450, 450])
    expect(progress.every(([done], i) => i === 0 || done >= progress[i - 1][0])).toBe(true)
    expect(summary).toMatchObject({ added: RECORDED.length, existing: 0, failed: 450 - RECORDED.length, cancelled: false })
    expect(await db.items.count()).toBe(RECORDED.length)
  })

  it('moves the progress on when a whole batch finds nothing', async () => {
    const { api } = standInMain()
    const ids = [...RECORDED.slice(0, 5).map(pmid), ...Array.from({ length: 300 }, (_, i) => unknown(i))]
    const progress: number[] = []
    await importIdentifierList(ids, { api, db: freshLibrary(), onProgress: done => progress.push(done) })
    expect(progress.at(-1)).toBe(305)
  })

  it('stops after the first batch when cancelled, and says so (the batches already asked for are dropped)', async () => {
    const { api, calls } = standInMain()
    const cancel = new AbortController()
    const ids = [...pasted450(), ...Array.from({ length: 550 }, (_, i) => unknown(1000 + i))]
    const summary = await importIdentifierList(ids, {
      api,
      db: freshLibrary(),
      signal: cancel.signal,
      onProgress: done => done >= 200 && cancel.abort()
    })
    // The second and third batches were looked up while the first was stored; nothing of them is stored,
    // and none of the two batches after them is asked for.
    expect(calls).toHaveLength(3)
    expect(summary.cancelled).toBe(true)
    expect(summary.outcomes).toHaveLength(200)
    const firstBatchPapers = ids.slice(0, 200).filter(id => byPmid.has(id.value)).length
    expect(summary.added).toBe(firstBatchPapers)
    expect(await db.items.count()).toBe(firstBatchPapers)
  })

  it("has three batches asked for while the first is stored, so NCBI's pace in main, not the window's wait, spaces the requests", async () => {
    const { api, calls } = standInMain()
    const askedWhenStored: number[] = []
    const ids = [...pasted450(), ...Array.from({ length: 350 }, (_, i) => unknown(1000 + i))]
    const summary = await importIdentifierList(ids, { api, db: freshLibrary(), onProgress: () => askedWhenStored.push(calls.length) })
    // the second and third were asked for before the first batch was stored; the fourth once the first was handled
    expect(askedWhenStored[0]).toBe(3)
    expect(askedWhenStored.at(-1)).toBe(4)
    expect(calls.map(batch => batch.length)).toEqual([200, 200, 200, 200])
    expect(summary).toMatchObject({ added: RECORDED.length, failed: 800 - RECORDED.length, cancelled: false })
  })

  it('keeps going when one identifier or one whole batch fails', async () => {
    const offline: AppError = { code: 'OFFLINE', message: 'Could not reach eutils.ncbi.nlm.nih.gov. Check your internet connection.' }
    const { api, calls } = standInMain({ index: 1, error: offline })
    const ids = pasted450()
    const summary = await importIdentifierList(ids, { api, db: freshLibrary() })
    expect(calls).toHaveLength(3)
    const secondBatch = summary.outcomes.filter(o => ids.indexOf(o.ids[0]) >= 200 && ids.indexOf(o.ids[0]) < 400)
    expect(secondBatch).toHaveLength(200)
    expect(secondBatch.every(o => o.status === 'failed' && o.error === offline)).toBe(true)
    const unknownOne = summary.outcomes.find(o => o.label === 'PMID 98000000')
    expect(unknownOne).toMatchObject({ status: 'failed', error: { code: 'NOT_FOUND' } })
    const outsideSecond = [...ids.slice(0, 200), ...ids.slice(400)].filter(id => byPmid.has(id.value)).length
    expect(summary.added).toBe(outsideSecond)
    expect(await db.items.count()).toBe(outsideSecond)
  })

  it('stores each paper whole, and a paper the library cannot save fails alone', async () => {
    const { api } = standInMain()
    const library = freshLibrary()
    const [broken, ...fine] = RECORDED.slice(0, 6)
    library.items.hook('creating', (_key, item) => {
      if (item.pmid === broken) throw new DOMException('The disk is full.', 'QuotaExceededError')
    })
    const summary = await importIdentifierList([broken, ...fine].map(pmid), { api, db: library })

    expect(summary.outcomes.find(o => o.label === `PMID ${broken}`)).toMatchObject({
      status: 'failed',
      error: { code: 'IO', message: expect.stringMatching(/^The library could not save it: .*The disk is full\./) }
    })
    expect(summary.added).toBe(5)
    expect(await library.items.where('pmid').equals(broken).count()).toBe(0)
    for (const value of fine) {
      const stored = await library.items.where('pmid').equals(value).first()
      const record = byPmid.get(value)!
      // Everything the PubMed record holds arrives in the library.
      expect(stored?.csl).toEqual(record.csl)
      for (const field of ['mesh', 'keywords', 'chemicals', 'grants', 'publicationTypes', 'abstractSections', 'references', 'authorDetails'] as const) {
        expect(stored?.[field]).toEqual(record[field])
      }
    }
  })

  it('recognises a paper already in the library: the second import says "existing"', async () => {
    const { api } = standInMain()
    const library = freshLibrary()
    const ids = RECORDED.slice(0, 8).map(pmid)
    const first = await importIdentifierList(ids, { api, db: library })
    const second = await importIdentifierList(ids, { api, db: library })
    expect(first).toMatchObject({ added: 8, existing: 0 })
    expect(second).toMatchObject({ added: 0, existing: 8, failed: 0 })
    expect(second.outcomes.map(o => (o.status === 'existing' ? o.itemId : undefined))).toEqual(
      first.outcomes.map(o => (o.status === 'added' ? o.itemId : undefined))
    )
    expect(await library.items.count()).toBe(8)
  })
})
