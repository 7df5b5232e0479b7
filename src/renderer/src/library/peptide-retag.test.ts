import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary, type NeurorefDb } from './schema'
import { addRecordToLibrary } from './add-paper'
import { retagPeptidesIfNeeded } from './peptide-retag'
import { readSetting } from './settings'

let db: NeurorefDb
afterEach(() => db?.delete())

const seedLike = {
  csl: {
    type: 'article-journal',
    title: 'Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat',
    author: [{ family: 'Ferrer-Pérez', given: 'Carmen' }],
    issued: { 'date-parts': [[2021]] }
  },
  mesh: [{ descriptor: 'Corticotropin-Releasing Hormone', ui: 'D003346', majorTopic: false, qualifiers: [] }],
  doi: '10.3390/ijms22052372',
  sources: ['pubmed' as const]
}

describe('peptide tags', () => {
  it('are given on import, with evidence from MeSH and the title', async () => {
    db = openLibrary(`pt-${Math.random()}`)
    const { item } = await addRecordToLibrary(db, seedLike)
    const byName = new Map(item.peptideTags?.map(t => [t.peptide, t]))
    expect(byName.get('Oxytocin')?.evidence[0]).toEqual({ source: 'title', text: expect.stringMatching(/^Oxytocin$/i) })
    expect(byName.get('Corticotropin-Releasing Hormone')?.evidence[0]).toMatchObject({ source: 'mesh' })
  })

  it('are computed once for items that predate them, keeping removals', async () => {
    db = openLibrary(`pt-${Math.random()}`)
    const { item } = await addRecordToLibrary(db, seedLike)
    await db.items.update(item.id, { peptideTags: [], removedPeptideTags: ['Oxytocin'] })
    const seen: number[] = []
    expect(await retagPeptidesIfNeeded(db, done => seen.push(done))).toBe(1)
    expect(seen).toEqual([1])
    const again = await db.items.get(item.id)
    expect(again?.peptideTags?.map(t => t.peptide)).toContain('Oxytocin')
    expect(again?.removedPeptideTags).toEqual(['Oxytocin'])
    expect(await readSetting(db, 'peptideTaggingVersion', 0)).toBe(1)
    expect(await retagPeptidesIfNeeded(db)).toBe(0)
  })
})
