// Completing a draft's references online, on the renderer side: what is
// looked up (papers not in the library that carry an identifier), in
// batches, and what happens when PubMed and Crossref cannot be reached.
// Main is a stand-in here; e2e/manuscript.spec.ts runs the real one against
// the replay server.
import { describe, expect, it } from 'vitest'
import type { IdentifierLookup, NeurorefApi } from '@shared/contract'
import { DuplicateFinder } from '@shared/duplicates'
import type { Identifier } from '@shared/identifiers'
import type { ImportedRecord } from '@shared/import/imported-record'
import type { Item } from '@shared/model'
import { fail, ok, type Result } from '@shared/result'
import { completeOnline } from './complete-online'

const record = (pmid?: string, title = `Paper ${pmid}`): ImportedRecord => ({
  csl: { type: 'article-journal', title },
  sources: ['file'],
  ...(pmid ? { pmid } : {})
})

/** Main answering every PMID below 900 with a fuller record, "not found" for the rest; or failing every call. */
function fakeApi(answer?: (ids: Identifier[]) => Result<IdentifierLookup>) {
  const calls: Identifier[][] = []
  const api = {
    'lookup.identifiers': async ({ ids }: { ids: Identifier[] }) => {
      calls.push(ids)
      if (answer) return answer(ids)
      const known = ids.filter(id => Number(id.value) < 900)
      return ok({
        papers: known.map(id => ({
          ids: [id],
          record: { csl: { type: 'article-journal', title: `Full title ${id.value}`, volume: '7' }, pmid: id.value, sources: ['pubmed' as const] }
        })),
        failures: ids
          .filter(id => Number(id.value) >= 900)
          .map(id => ({ id, error: { code: 'NOT_FOUND' as const, message: `PubMed has no paper with PMID ${id.value}.` } }))
      })
    }
  } as unknown as NeurorefApi
  return { api, calls }
}

describe('completing references online', () => {
  it('looks up only papers not in the library that carry an identifier, in batches of 200', async () => {
    const inLibrary = { id: 'i1', csl: { type: 'article-journal', title: 'Mine' }, pmid: '1', sources: ['pubmed'] } as unknown as Item
    const records = [record('1'), record(undefined, 'A book'), ...Array.from({ length: 250 }, (_, i) => record(String(i + 2))), record('950')]
    const { api, calls } = fakeApi()
    const started: number[] = []
    const out = await completeOnline(api, records, new DuplicateFinder([inLibrary]), count => started.push(count))
    expect(started).toEqual([251])
    expect(calls.map(batch => batch.length)).toEqual([200, 51])
    expect(calls.flat().some(id => id.value === '1')).toBe(false)
    expect(out.records[0]).toBe(records[0])
    expect(out.records[1]).toBe(records[1])
    expect(out.records[2]).toMatchObject({ csl: { title: 'Full title 2', volume: '7' }, pmid: '2', sources: ['pubmed', 'file'] })
    expect(out.completed.size).toBe(250)
    expect(out.notFound).toBe(1)
    expect(out.unreachable).toBeUndefined()
  })

  it('offline: stops after the first failed batch and keeps every paper as embedded, saying why', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => record(String(i + 1)))
    const { api, calls } = fakeApi(() => fail('OFFLINE', 'Could not reach eutils.ncbi.nlm.nih.gov. Check your internet connection.'))
    const out = await completeOnline(api, records, new DuplicateFinder())
    // the second and third batches were already asked for while the first was awaited; the fourth and fifth never are
    expect(calls.length).toBeLessThanOrEqual(3)
    expect(out.records).toEqual(records)
    expect(out.completed.size).toBe(0)
    expect(out.unreachable).toEqual({ count: 1000, reason: 'Could not reach eutils.ncbi.nlm.nih.gov. Check your internet connection.' })
  })

  it('a service failing for one batch keeps that batch as embedded and completes the others', async () => {
    const records = Array.from({ length: 250 }, (_, i) => record(String(i + 1)))
    let call = 0
    const { api } = fakeApi(ids =>
      call++ === 0
        ? fail('SERVER_ERROR', 'PubMed answered with an error (502).')
        : ok({
            papers: ids.map(id => ({ ids: [id], record: { csl: { type: 'article-journal', title: 'Full' }, pmid: id.value, sources: ['pubmed'] } })),
            failures: []
          })
    )
    const out = await completeOnline(api, records, new DuplicateFinder())
    expect(out.completed.size).toBe(50)
    expect(out.unreachable).toEqual({ count: 200, reason: 'PubMed answered with an error (502).' })
  })
})
