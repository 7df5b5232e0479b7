// The library database on fake-indexeddb: schema v1, adding papers whole,
// one paper one item, citation keys unique.
import { afterEach, describe, expect, it } from 'vitest'
import type { ReferenceRecord } from '@shared/model'
import { openLibrary, SCHEMA_V4, type NeurorefDb } from './schema'
import { addRecordToLibrary, findSamePaper } from './add-paper'

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
    expect(library.tables.map(t => t.name).sort()).toEqual(Object.keys(SCHEMA_V4).sort())
    const itemIndexes = library.items.schema.indexes.map(i => i.name)
    expect(itemIndexes).toEqual(expect.arrayContaining(['doiKey', 'pmid', 'pmcid', 'titleWords', 'year', 'addedAt']))
    expect(library.items.schema.indexes.find(i => i.name === 'titleWords')?.multi).toBe(true)
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
    expect(stored?.titleWords).toEqual(expect.arrayContaining(['oxytocin', 'cocaine', 'defeat']))
    expect(stored?.citationKey).toBe('ferrerperez2021oxytocin')
    expect(await library.items.where('titleWords').equals('oxytocin').count()).toBe(1)
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
