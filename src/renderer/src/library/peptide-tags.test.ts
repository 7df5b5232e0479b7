// Removing a peptide tag on fake-indexeddb, with the recorded PubMed record of
// PMID 38147649 (e2e/fixtures/pubmed/efetch/metapub_38147649_oxytocin_vasopressin_social_fear.xml):
// tagged Oxytocin at import, removed, and still removed after the same paper
// is added again and after the library is tagged anew.
import { afterEach, describe, expect, it } from 'vitest'
import { fixtureText } from '../../../main/services/pubmed/fixture-files.test-support'
import { parsePubmedArticleSet } from '../../../main/services/pubmed/parse-efetch'
import { itemTags } from '@shared/tags'
import { addRecordToLibrary } from './add-paper'
import { removePeptideTag, restorePeptideTag } from './peptide-tags'
import { retagPeptidesIfNeeded } from './peptide-retag'
import { openLibrary, type NeurorefDb } from './schema'

const [SOCIAL_FEAR] = parsePubmedArticleSet(fixtureText('efetch', 'metapub_38147649_oxytocin_vasopressin_social_fear.xml'))

let db: NeurorefDb
afterEach(() => db?.delete())

const peptideNames = async (id: string) =>
  itemTags((await db.items.get(id))!)
    .filter(t => t.kind === 'peptide')
    .map(t => t.name)

describe('peptide tags the researcher removes', () => {
  it('come with their evidence at import', async () => {
    db = openLibrary(`peptide-tags-${Math.random()}`)
    const { item } = await addRecordToLibrary(db, SOCIAL_FEAR)
    expect(item.peptideTags).toEqual([
      {
        peptide: 'Oxytocin',
        family: 'oxytocin/vasopressin',
        evidence: [
          { source: 'mesh', text: 'Oxytocin' },
          { source: 'abstract', text: 'oxytocin' }
        ]
      }
    ])
  })

  it('stay removed when the paper is added again and when the library is tagged anew', async () => {
    db = openLibrary(`peptide-tags-${Math.random()}`)
    const { item } = await addRecordToLibrary(db, SOCIAL_FEAR)
    const before = await removePeptideTag(db, item.id, 'Oxytocin')
    expect(before?.removedPeptideTags).toBeUndefined()
    expect(await peptideNames(item.id)).toEqual([])
    expect(await removePeptideTag(db, item.id, 'Oxytocin')).toBeUndefined() // already removed: nothing to undo

    expect(await addRecordToLibrary(db, SOCIAL_FEAR)).toMatchObject({ status: 'existing' })
    expect(await peptideNames(item.id)).toEqual([])
    await db.settings.put({ key: 'peptideTaggingVersion', value: 0 })
    await retagPeptidesIfNeeded(db)
    expect((await db.items.get(item.id))?.removedPeptideTags).toEqual(['Oxytocin'])
    expect(await peptideNames(item.id)).toEqual([])

    await restorePeptideTag(db, item.id, 'Oxytocin')
    expect(await peptideNames(item.id)).toEqual(['Oxytocin'])
  })
})
