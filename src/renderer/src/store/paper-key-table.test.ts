// The library's duplicate finder keeps its papers' keys as hashes: it must
// recognise exactly the papers the keys as text recognise — real PubMed
// records found again by DOI in capitals, PMID, PMCID, or title, year and first
// author alone — and never take one paper for another whose key only has the
// same hash.
import { describe, expect, it } from 'vitest'
import type { Item, NamedRecord } from '@shared/model'
import { DuplicateFinder, keyHash, recognitionHashes } from '@shared/duplicates'
import { bareItem } from '@shared/bare-item.test-support'
import { fixtureItems } from '../../../main/services/pubmed/fixture-items.test-support'
import { PaperKeyTable } from './paper-key-table'

function tableOf(items: readonly Item[]): PaperKeyTable {
  const byId = new Map(items.map(item => [item.id, item]))
  const table = new PaperKeyTable(id => byId.get(id))
  for (const item of items) table.add(item.id, recognitionHashes(item))
  return table
}

/** Ways a colleague's copy of a paper may name it: one identifier at a time, or only its title, year and first author. */
function variants(item: Item): NamedRecord[] {
  const { csl } = item
  const bare = { csl: { ...csl, DOI: undefined } }
  return [
    item,
    { ...bare, doi: item.doi?.toUpperCase() },
    { ...bare, pmid: item.pmid },
    { ...bare, pmcid: item.pmcid?.toLowerCase() },
    { csl: { type: csl.type, title: csl.title?.toUpperCase(), author: csl.author, issued: csl.issued } },
    { csl: { type: csl.type, title: csl.title, author: csl.author?.slice(1), issued: csl.issued } }
  ]
}

/** Two DOIs whose keys have the same hash (found by trying). */
function collidingDois(): [string, string] {
  const seen = new Map<number, string>()
  for (let n = 0; ; n++) {
    const doi = `10.5555/np.${n}`
    const hash = keyHash(`doi:${doi}`)
    const other = seen.get(hash)
    if (other) return [other, doi]
    seen.set(hash, doi)
  }
}

const paper = (id: string, doi: string): Item => bareItem(id, { type: 'article-journal', title: `Paper ${id}` }, { doi, sources: ['manual'] })

describe("the library's duplicate finder", () => {
  it('recognises real records exactly as the keys as text do, by every identifier and by title, year and first author', () => {
    const items = fixtureItems()
    const table = tableOf(items)
    const text = new DuplicateFinder(items)
    let found = 0
    for (const item of items)
      for (const record of variants(item)) {
        expect(table.find(record), `${item.id} ${JSON.stringify(record).slice(0, 80)}`).toEqual(text.find(record))
        if (text.find(record)) found++
      }
    expect(found).toBeGreaterThan(items.length * 4)
  })

  it('never takes a paper for another whose key has the same hash', () => {
    const [a, b] = collidingDois()
    expect(keyHash(`doi:${a}`)).toBe(keyHash(`doi:${b}`))
    const onlyA = tableOf([paper('a', a)])
    expect(onlyA.find({ csl: { type: 'article-journal' }, doi: b })).toBeUndefined()
    const both = tableOf([paper('a', a), paper('b', b)])
    expect(both.find({ csl: { type: 'article-journal' }, doi: b })).toEqual({ id: 'b', reason: 'DOI' })
    expect(both.find({ csl: { type: 'article-journal' }, doi: a.toUpperCase() })).toEqual({ id: 'a', reason: 'DOI' })
  })

  it('forgets a paper removed or changed, keeps the first of two holding a key, and stays right as it grows', () => {
    const items = Array.from({ length: 3_000 }, (_, n) => paper(`p${n}`, `10.1/${n % 2_000}`))
    const byId = new Map(items.map(item => [item.id, item]))
    const table = new PaperKeyTable(id => byId.get(id))
    for (const item of items) table.add(item.id, recognitionHashes(item))
    // p0 and p2000 share a DOI: the one known first is found, the other once it is gone
    expect(table.find({ csl: { type: 'article-journal' }, doi: '10.1/0' })?.id).toBe('p0')
    table.remove('p0')
    expect(table.find({ csl: { type: 'article-journal' }, doi: '10.1/0' })?.id).toBe('p2000')
    // a DOI edited: known by the new one only, after many rebuilds of the table
    for (let round = 0; round < 20; round++)
      for (let n = 1; n < 1_000; n++) {
        const changed = paper(`p${n}`, `10.2/${n}.${round}`)
        byId.set(changed.id, changed)
        table.add(changed.id, recognitionHashes(changed))
      }
    expect(table.find({ csl: { type: 'article-journal' }, doi: '10.2/7.19' })?.id).toBe('p7')
    expect(table.find({ csl: { type: 'article-journal' }, doi: '10.2/7.18' })).toBeUndefined()
    expect(table.find({ csl: { type: 'article-journal' }, doi: '10.1/7' })?.id).toBe('p2007')
    expect(table.find({ csl: { type: 'article-journal' }, doi: '10.1/1999' })?.id).toBe('p1999')
    expect(table.size).toBe(2_999)
  })

  it('finds the same papers while those known move a few at a time into a table made for an import', () => {
    const items = Array.from({ length: 3_000 }, (_, n) => paper(`p${n}`, `10.1/${n % 2_000}`))
    const byId = new Map(items.map(item => [item.id, item]))
    const table = new PaperKeyTable(id => byId.get(id))
    let known = items.slice(0, 2_500)
    for (const item of known) table.add(item.id, recognitionHashes(item))
    const sameAsText = (when: string) => {
      const text = new DuplicateFinder(known)
      for (let n = 0; n < 2_000; n += 3) {
        const record: NamedRecord = { csl: { type: 'article-journal' }, doi: `10.1/${n}` }
        expect(table.find(record)?.id, `${when}: 10.1/${n}`).toBe(text.find(record)?.id)
      }
    }
    table.expect(300_000)
    sameAsText('none moved yet')
    // papers gone while their keys wait to move: the other holder of the key is found
    for (const id of ['p0', 'p1500', 'p2100']) table.remove(id)
    known = known.filter(item => !['p0', 'p1500', 'p2100'].includes(item.id))
    sameAsText('some gone')
    for (const [n, item] of items.slice(2_500).entries()) {
      table.add(item.id, recognitionHashes(item))
      known.push(item)
      if (n % 100 === 0) sameAsText(`${n} of the import's papers in`)
    }
    sameAsText('all in')
    expect(table.size).toBe(known.length)
  })
})
