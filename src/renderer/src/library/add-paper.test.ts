// The library database on fake-indexeddb: schema v1, adding papers whole,
// one paper one item, citation keys unique.
import { afterEach, describe, expect, it } from 'vitest'
import type { ReferenceRecord } from '@shared/model'
import { openLibrary, SCHEMA_V10, type NeurorefDb } from './schema'
import { addRecordsToLibrary, addRecordToLibrary, findSamePaper } from './add-paper'
import { DuplicateFinder } from '@shared/duplicates'
import type { Item } from '@shared/model'

let db: NeurorefDb
afterEach(async () => {
  await db?.delete()
})

function fresh(): NeurorefDb {
  db = openLibrary(`test-${Math.random()}`)
  return db
}

const paper = (over: Partial<ReferenceRecord> = {}, csl: Partial<ReferenceRecord['csl']> = {}): ReferenceRecord => ({
  csl: {
    type: 'article-journal',
    title: 'Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat',
    author: [
      { family: 'Ferrer-Pérez', given: 'Carmen' },
      { family: 'Miñarro', given: 'José' }
    ],
    issued: { 'date-parts': [[2021, 2, 27]] },
    'container-title': 'International Journal of Molecular Sciences',
    ...csl
  },
  doi: '10.3390/ijms22052372',
  sources: ['crossref'],
  ...over
})

describe('schema', () => {
  it('has every table of the model with the planned indexes', async () => {
    const library = fresh()
    await library.open()
    expect(library.tables.map(t => t.name).sort()).toEqual(Object.keys(SCHEMA_V10).sort())
    const itemIndexes = library.items.schema.indexes.map(i => i.name)
    expect(itemIndexes).toEqual(expect.arrayContaining(['doiKey', 'pmid', 'pmcid', 'year', 'addedAt', 'citationKey']))
    // title words are a field, not an index: nothing queries them, and the index tripled an import's write
    expect(itemIndexes).not.toContain('titleWords')
    expect(itemIndexes).not.toContain('modifiedAt')
  })
})

describe('addRecordToLibrary', () => {
  it('stores a new paper with its search fields and a citation key', async () => {
    const library = fresh()
    const outcome = await addRecordToLibrary(library, paper())
    expect(outcome.status).toBe('added')
    const stored = await library.items.get(outcome.item.id)
    expect(stored?.doiKey).toBe('10.3390/ijms22052372')
    expect(stored?.year).toBe(2021)
    expect(stored).not.toHaveProperty('titleWords')
    expect(stored?.citationKey).toBe('ferrerperez2021oxytocin')
  })

  it('keeps one item per paper: same DOI in another case, same PMID, or same title, year and first author', async () => {
    const library = fresh()
    const first = await addRecordToLibrary(library, paper({ pmid: '33673448' }))
    expect((await addRecordToLibrary(library, paper({ doi: '10.3390/IJMS22052372' }))).status).toBe('existing')
    expect((await addRecordToLibrary(library, paper({ doi: undefined, pmid: '33673448' }))).status).toBe('existing')
    const byTitle = await findSamePaper(
      library,
      paper({ doi: undefined }, { title: 'Oxytocin prevents the increase of cocaine-related responses produced by social defeat.' })
    )
    expect(byTitle?.id).toBe(first.item.id)
    expect(await library.items.count()).toBe(1)
  })

  it('merges missing fields in and never overwrites what the user edited', async () => {
    const library = fresh()
    const { item } = await addRecordToLibrary(library, paper())
    await library.items.update(item.id, { 'csl.title': 'My own title', editedFields: ['title'] } as never)
    const again = await addRecordToLibrary(library, paper({ pmid: '33673448', pmcid: 'pmc7956822', keywords: ['oxytocin'] }, { title: 'Other', volume: '22' }))
    expect(again.status).toBe('existing')
    const stored = await library.items.get(item.id)
    expect(stored?.csl.title).toBe('My own title')
    expect(stored?.csl.volume).toBe('22')
    expect(stored?.pmid).toBe('33673448')
    expect(stored?.keywords).toEqual(['oxytocin'])
  })

  it('gives a second paper with the same key base a suffixed key and leaves the first alone', async () => {
    const library = fresh()
    const a = await addRecordToLibrary(library, paper())
    const b = await addRecordToLibrary(library, paper({ doi: '10.1/other' }, { title: 'Oxytocin and social fear' }))
    expect(a.item.citationKey).toBe('ferrerperez2021oxytocin')
    expect(b.item.citationKey).toBe('ferrerperez2021oxytocina')
    expect((await library.items.get(a.item.id))?.citationKey).toBe('ferrerperez2021oxytocin')
  })
})

describe('addRecordsToLibrary', () => {
  // Already in the library: found again by DOI (other case), PMID, PMCID, and by title, year and first author.
  const library = (): ReferenceRecord[] => [
    paper(),
    paper({ doi: '10.1/pmid', pmid: '111' }, { title: 'Orexin neurons and arousal in the mouse' }),
    paper({ doi: undefined, pmcid: 'PMC222' }, { title: 'Galanin and feeding behaviour in rats' }),
    paper({ doi: undefined }, { title: 'Neuropeptide Y and stress resilience' })
  ]
  const batch = (withinBatchTitle: boolean): ReferenceRecord[] => [
    paper({ doi: '10.3390/IJMS22052372', keywords: ['oxytocin'] }),
    paper({ doi: undefined, pmid: '111' }, { title: 'Orexin neurons and arousal in the mouse', volume: '9' }),
    paper({ doi: '10.1/pmc', pmcid: 'pmc222' }, { title: 'Galanin and feeding behaviour in rats' }),
    paper({ doi: '10.1/npy' }, { title: 'Neuropeptide Y and stress resilience' }),
    paper({ doi: '10.1/new' }, { title: 'Oxytocin and social fear' }),
    paper({ doi: '10.1/NEW', pmid: '333' }, { title: 'Oxytocin and social fear', page: '1-9' }),
    paper({ doi: '10.1/other' }, { title: 'Oxytocin and social memory' }),
    ...(withinBatchTitle ? [paper({ doi: '10.1/again' }, { title: 'Oxytocin and social memory', page: '3' })] : [])
  ]
  /** What a library holds and what each record became, without the random ids and the clock. */
  async function contents(library: NeurorefDb, outcomes: { status: string; item: Item }[]) {
    const items = await library.items.orderBy('citationKey').toArray()
    const strip = ({ id, addedAt, modifiedAt, ...rest }: Item) => (void [id, addedAt, modifiedAt], rest)
    const keyOf = new Map(items.map(item => [item.id, item.citationKey]))
    return { items: items.map(strip), outcomes: outcomes.map(o => [o.status, keyOf.get(o.item.id)]) }
  }
  async function both(known: boolean, withinBatchTitle: boolean) {
    const results = []
    for (const together of [false, true]) {
      const db = fresh()
      const seeded = []
      for (const record of library()) seeded.push((await addRecordToLibrary(db, record)).item)
      const finder = known ? new DuplicateFinder(seeded) : undefined
      const outcomes = together ? await addRecordsToLibrary(db, batch(withinBatchTitle), finder) : []
      if (!together) for (const record of batch(withinBatchTitle)) outcomes.push(await addRecordToLibrary(db, record, finder))
      results.push(await contents(db, outcomes))
      await db.delete()
    }
    return results
  }

  it('stores what adding the records one after the other stores, and says the same of each', async () => {
    const [oneByOne, together] = await both(false, true)
    expect(together).toEqual(oneByOne)
    expect(together.outcomes.map(([status]) => status)).toEqual(['existing', 'existing', 'existing', 'existing', 'added', 'existing', 'added', 'existing'])
  })

  it("does the same with the store's finder (which knows the library, not the batch)", async () => {
    const [oneByOne, together] = await both(true, false)
    expect(together).toEqual(oneByOne)
  })
})
