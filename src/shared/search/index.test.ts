// Realistic items: real PubMed records (e2e/fixtures/pubmed/efetch, see its
// SOURCES.md) read by the app's own PubMed parser, plus the library's own
// fields (tags, notes, citation keys, peptide tags) a researcher adds.
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, test } from 'vitest'
import { parsePubmedArticleSet } from '../../main/services/pubmed/parse-efetch'
import type { Item, ReferenceRecord } from '../model'
import { createSearchIndex, type SearchIndex } from './index'

const FIXTURES = new URL('../../../e2e/fixtures/pubmed/efetch/', import.meta.url)
const records = [
  'metapub_38147649_oxytocin_vasopressin_social_fear.xml', // Ritz et al. 2024, PNAS, gut microbiota and social fear
  'metapub_38909159_turkish_diacritics.xml', // Akgün, Sözeri, Şahin … 2025, Pediatr Res
  'metapub_37167981_mu_and_italic_in_title.xml', // Zambianchi 2023, "(<i>μ</i>-XRF)" in the title
  'metapub_39382274_collective_plus_persons_greek.xml' // Blanco-Martín, López-Hernández … 2024, β-lactamase
].flatMap(file => parsePubmedArticleSet(readFileSync(new URL(file, FIXTURES), 'utf8')))

function toItem(record: ReferenceRecord, extra: Partial<Item> = {}): Item {
  return { ...record, id: `pmid-${record.pmid}`, titleWords: [], tags: [], collectionIds: [], addedAt: 0, modifiedAt: 0, ...extra }
}

const byPmid = (pmid: string) => records.find(r => r.pmid === pmid)!
const SOCIAL_FEAR = 'pmid-38147649'
const CARDIAC = 'pmid-38909159'
const XRF = 'pmid-37167981'
const LACTAM = 'pmid-39382274'

let index: SearchIndex
const find = (query: string, within?: Set<string>) => index.search(query, { within }).sort()

beforeEach(() => {
  index = createSearchIndex()
  index.add(
    toItem(byPmid('38147649'), {
      tags: ['to read', 'gut-brain'],
      citationKey: 'Ritz2024social',
      peptideTags: [{ peptide: 'Oxytocin', receptor: 'Oxytocin receptor', evidence: [{ source: 'mesh', text: 'Oxytocin' }] }]
    }),
    'Fear of social situations transferred with the microbiota: cite in the oxytocin chapter.'
  )
  index.add(toItem(byPmid('38909159'), { tags: ['review'], citationKey: 'Akgun2025cardiac' }))
  index.add(toItem(byPmid('37167981'), { citationKey: 'Zambianchi2023monte' }), ['Simulation only.', 'Compare with the Geant4 paper.'])
  index.add(toItem(byPmid('39382274'), { tags: ['to do'], citationKey: 'BlancoMartin2024assessment' }))
})

describe('free words', () => {
  test('every word must match, in any field', () => {
    expect(find('microbiota fear ')).toEqual([SOCIAL_FEAR])
    expect(find('humans ')).toEqual([CARDIAC, XRF, LACTAM, SOCIAL_FEAR].sort())
    expect(find('microbiota cardiac ')).toEqual([])
  })

  test('the last word typed matches as a beginning, earlier words only whole', () => {
    expect(find('oxyt')).toEqual([SOCIAL_FEAR])
    expect(find('dermato')).toEqual([CARDIAC])
    expect(find('dermato ')).toEqual([])
  })

  test('case, accents, Greek letters and markup do not matter', () => {
    expect(find('SOZERI ')).toEqual([CARDIAC])
    expect(find('gokmen akgun ')).toEqual([CARDIAC])
    expect(find('lopez-hernandez ')).toEqual([LACTAM])
    expect(find('beta-lactamase ')).toEqual([LACTAM])
    expect(find('β-lactamase ')).toEqual([LACTAM])
    expect(find('mu-XRF ')).toEqual([XRF])
  })

  test('an empty query finds everything', () => {
    expect(find('')).toHaveLength(4)
  })

  test('identifiers typed or pasted as free text', () => {
    expect(find('38909159')).toEqual([CARDIAC])
    expect(find('https://doi.org/10.1038/s41390-024-03336-8')).toEqual([CARDIAC])
    expect(find('PMC10769841 ')).toEqual([SOCIAL_FEAR])
    expect(find('ritz2024')).toEqual([SOCIAL_FEAR])
  })

  test('an unknown qualifier is read as plain words', () => {
    expect(find('juvenile:dermatomyositis ')).toEqual([CARDIAC])
    expect(find('foo:dermatomyositis ')).toEqual([])
  })
})

describe('phrases and exclusions', () => {
  test('a quoted phrase needs its words side by side, in order', () => {
    expect(find('"social fear" ')).toEqual([SOCIAL_FEAR])
    expect(find('"fear social" ')).toEqual([])
    expect(find('"juvenile dermatomyositis" ')).toEqual([CARDIAC])
    expect(find('"juvenile derm')).toEqual([CARDIAC])
  })

  test('a phrase does not run from one author to the next', () => {
    const [first, second] = byPmid('38909159').csl.author!
    expect(find(`author:"${first.given} ${first.family}" `)).toEqual([CARDIAC])
    expect(find(`author:"${first.family} ${second.family}" `)).toEqual([])
  })

  test('-word and -"phrase" remove items', () => {
    expect(find('humans -mice ')).toEqual([CARDIAC, XRF, LACTAM].sort())
    expect(find('humans -"monte carlo" ')).toEqual([CARDIAC, LACTAM, SOCIAL_FEAR].sort())
    expect(find('-"carlo monte" ')).toHaveLength(4)
    expect(find('-author:sahin -tag:review ')).toEqual([XRF, LACTAM, SOCIAL_FEAR].sort())
  })
})

describe('qualifiers', () => {
  test.each([
    ['author:sahin ', [CARDIAC]],
    ['author:ritz', [SOCIAL_FEAR]],
    ['author:microbiota ', []],
    ['title:microbiota ', [SOCIAL_FEAR]],
    ['title:humans ', []],
    ['journal:"pediatr res" ', [CARDIAC]],
    ['journal:"Pediatric research" ', [CARDIAC]],
    ['journal:proceedings ', [SOCIAL_FEAR]],
    ['abstract:echocardiography ', [CARDIAC]],
    ['keyword:microbiome ', [SOCIAL_FEAR]],
    ['keyword:"β-lactamase inhibitor" ', [LACTAM]],
    ['mesh:"monte carlo method" ', [XRF]],
    ['mesh:oxytocin ', [SOCIAL_FEAR]],
    ['tag:review ', [CARDIAC]],
    ['tag:"to read" ', [SOCIAL_FEAR]],
    ['tag:to ', [SOCIAL_FEAR, LACTAM]],
    ['tag:gut', [SOCIAL_FEAR]],
    ['note:chapter ', [SOCIAL_FEAR]],
    ['note:geant4 ', [XRF]],
    ['peptide:oxytocin ', [SOCIAL_FEAR]],
    ['peptide:vasopressin ', []],
    ['peptide:"oxytocin receptor" ', [SOCIAL_FEAR]],
    ['doi:10.1073/PNAS.2308706120 ', [SOCIAL_FEAR]],
    ['doi:10.1128', [LACTAM]],
    ['doi:10.11 ', []],
    ['pmid:37167981 ', [XRF]],
    ['pmid:3716 ', []],
    ['pmcid:PMC11798830 ', [CARDIAC]],
    ['key:Zambianchi2023monte ', [XRF]],
    ['year:2024 ', [SOCIAL_FEAR, LACTAM]],
    ['year:2023-2024 ', [XRF, SOCIAL_FEAR, LACTAM]],
    ['year:>2024 ', [CARDIAC]],
    ['year:<2024 ', [XRF]],
    ['year:202', [CARDIAC, XRF, SOCIAL_FEAR, LACTAM]],
    ['-year:2024 ', [CARDIAC, XRF]],
    ['humans year:2024 -mice ', [LACTAM]]
  ])('%s', (query, expected) => {
    expect(find(query)).toEqual([...expected].sort())
  })
})

describe('keeping up with the library', () => {
  test('an edited item is found by its new text only', () => {
    const item = toItem(byPmid('38909159'), { tags: ['cardiology'] })
    index.update(item)
    expect(find('tag:review ')).toEqual([])
    expect(find('tag:cardiology ')).toEqual([CARDIAC])
    expect(index.size).toBe(4)
  })

  test('a removed item is no longer found; removing twice is harmless', () => {
    index.remove(XRF)
    index.remove(XRF)
    expect(find('monte ')).toEqual([])
    expect(find('')).toHaveLength(3)
    expect(index.size).toBe(3)
  })

  test('notes can change without the item changing', () => {
    index.update(toItem(byPmid('37167981')), 'Now read with the oxytocin chapter in mind.')
    expect(find('note:chapter ')).toEqual([SOCIAL_FEAR, XRF].sort())
    expect(find('geant4 ')).toEqual([])
  })

  test('within limits the answer to the items being looked at', () => {
    expect(find('humans ', new Set([XRF, CARDIAC, 'not-in-library']))).toEqual([CARDIAC, XRF].sort())
    expect(find('', new Set([LACTAM]))).toEqual([LACTAM])
    expect(find('mice ', new Set([LACTAM]))).toEqual([])
  })

  test('two indexes reopened from one saved snapshot keep their own edits (the saved arrays are read, never written)', () => {
    const saved = index.snapshot()
    const edited = createSearchIndex({ from: saved })
    edited.remove(XRF)
    edited.update(toItem(byPmid('38909159')), 'A note on monte carlo methods.')
    const untouched = createSearchIndex({ from: saved })
    expect(edited.search('"monte carlo"')).toEqual([CARDIAC])
    expect(untouched.search('"monte carlo"')).toEqual([XRF])
    expect(untouched.search('"heart failure"')).toEqual(index.search('"heart failure"'))
    expect(untouched.size).toBe(4)
  })

  test('thousands of edits keep answers right (the index tidies itself on the way)', () => {
    const base = byPmid('37167981')
    for (let i = 0; i < 3000; i++) index.add(toItem(base, { id: `copy-${i}`, tags: [`batch${i % 3}`] }))
    for (let i = 0; i < 3000; i += 2) index.remove(`copy-${i}`)
    for (let i = 1; i < 3000; i += 4) index.update(toItem(base, { id: `copy-${i}`, tags: ['checked'] }))
    expect(index.size).toBe(4 + 1500)
    expect(find('tag:checked ')).toHaveLength(750)
    // Left untouched: odd copies not re-tagged (i = 3 mod 4), a third of them in each batch.
    expect(find('tag:batch0 ')).toHaveLength(250)
    expect(find('tag:batch1 ')).toHaveLength(250)
    expect(find('"monte carlo" -tag:checked ')).toHaveLength(1 + 750)
    expect(find('sozeri ')).toEqual([CARDIAC])
  })
})
