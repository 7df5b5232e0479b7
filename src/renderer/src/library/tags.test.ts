// Manual tags on real PubMed records (e2e/fixtures/pubmed/SOURCES.md): the
// researcher's tags change, the record's keywords and MeSH topics never do.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import { itemTags, tagKey } from '@shared/tags'
import { openLibrary, type NeurorefDb } from './schema'
import { addRecordToLibrary } from './add-paper'
import { addTag, deleteTag, removeTag, renameTag, setTagColor, tagColors } from './tags'

// PMID 25744111 (keywords + MeSH), and four Biopython records (MeSH only).
const FIXTURES = ['zotero_nbib_25744111_doi_pii.nbib', 'biopython_pubmed_result2_4records.txt']

let db: NeurorefDb
let ids: string[]

beforeEach(async () => {
  db = openLibrary(`tags-${Math.random()}`)
  ids = []
  for (const name of FIXTURES) {
    const bytes = readFileSync(`${import.meta.dirname}/../../../../e2e/fixtures/pubmed/medline_nbib/${name}`)
    for (const record of readBibliographyFile(bytes, name).records) ids.push((await addRecordToLibrary(db, record)).item.id)
  }
})
afterEach(() => db?.delete())

const tagsOf = async (id: string): Promise<string[]> => (await db.items.get(id))!.tags
const allKeys = async (id: string): Promise<string[]> => itemTags((await db.items.get(id))!).map(tagKey)

describe('manual tags', () => {
  it('are added to every selected paper once, trimmed, in the spelling the library already uses', async () => {
    expect(await addTag(db, ids.slice(0, 2), '  Shaken   baby  ')).toBe(2)
    expect(await tagsOf(ids[0])).toEqual(['Shaken baby'])
    expect(await addTag(db, ids.slice(0, 3), 'shaken baby')).toBe(1)
    expect(await tagsOf(ids[2])).toEqual(['Shaken baby'])
    expect(await tagsOf(ids[3])).toEqual([])
    await expect(addTag(db, ids, '   ')).rejects.toThrow('A tag needs a name.')
  })

  it('sit beside the keywords and MeSH topics, which survive every manual change', async () => {
    const before = await allKeys(ids[0])
    expect(before).toContain('keyword:Shaken baby syndrome')
    expect(before).toContain('mesh:Child Abuse')
    await addTag(db, [ids[0]], 'to read')
    expect(await allKeys(ids[0])).toEqual(['manual:to read', ...before])
    await renameTag(db, 'to read', 'Priority')
    await removeTag(db, [ids[0]], 'Priority')
    await deleteTag(db, 'Priority')
    expect(await allKeys(ids[0])).toEqual(before)
  })

  it('can be removed from some papers only', async () => {
    await addTag(db, ids, 'methods')
    expect(await removeTag(db, [ids[1]], 'methods')).toBe(1)
    expect(await tagsOf(ids[1])).toEqual([])
    expect(await tagsOf(ids[2])).toEqual(['methods'])
  })

  it('rename across the library, and renaming to an existing tag merges the two', async () => {
    await addTag(db, ids.slice(0, 3), 'bioinfo')
    await addTag(db, ids.slice(2), 'Software')
    const renamed = await renameTag(db, 'bioinfo', 'Bioinformatics')
    expect(renamed).toEqual({ name: 'Bioinformatics', items: 3, merged: false })
    const merged = await renameTag(db, 'Bioinformatics', 'software')
    expect(merged).toEqual({ name: 'Software', items: 3, merged: true })
    expect(await Promise.all(ids.map(tagsOf))).toEqual([['Software'], ['Software'], ['Software'], ['Software'], ['Software']])
    expect(await db.items.where('tags').equals('Bioinformatics').count()).toBe(0)
  })

  it('keep their colour through a rename; a merge keeps the surviving colour', async () => {
    await addTag(db, [ids[0]], 'urgent')
    await addTag(db, [ids[1]], 'later')
    await setTagColor(db, 'urgent', '#C0392B')
    await setTagColor(db, 'later', '#2980b9')
    await renameTag(db, 'urgent', 'Urgent!')
    expect(await tagColors(db)).toEqual(
      new Map([
        ['Urgent!', '#c0392b'],
        ['later', '#2980b9']
      ])
    )
    await renameTag(db, 'Urgent!', 'later')
    expect(await tagColors(db)).toEqual(new Map([['later', '#2980b9']]))
    await setTagColor(db, 'later', undefined)
    expect((await tagColors(db)).size).toBe(0)
    await expect(setTagColor(db, 'later', 'red; background: url(x)')).rejects.toThrow(/#c0392b/)
  })

  it('delete from every paper without deleting a paper', async () => {
    await addTag(db, ids, 'obsolete')
    await setTagColor(db, 'obsolete', '#888888')
    expect(await deleteTag(db, 'obsolete')).toBe(5)
    expect(await db.items.count()).toBe(5)
    expect(await db.items.where('tags').equals('obsolete').count()).toBe(0)
    expect(await db.tags.count()).toBe(0)
  })
})
