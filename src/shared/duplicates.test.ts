import { describe, expect, it } from 'vitest'
import type { Item } from './model'
import { DuplicateFinder, findDuplicatePairs, idsInPairs, keyHash } from './duplicates'

let n = 0
function item(over: Partial<Item>, title = 'Oxytocin and social defeat stress in mice', family = 'Miñarro', year = 2021): Item {
  n += 1
  return {
    id: over.id ?? `i${n}`,
    csl: { type: 'article-journal', title, author: [{ family, given: 'José' }], issued: { 'date-parts': [[year]] } },
    titleWords: [],
    year,
    tags: [],
    collectionIds: [],
    addedAt: 0,
    modifiedAt: 0,
    sources: ['manual'],
    ...over
  }
}

describe('findDuplicatePairs', () => {
  it('pairs items that share a DOI, PMID or PMCID, naming why', () => {
    const pairs = findDuplicatePairs([
      item({ id: 'a', doi: '10.1/x' }, 'First title here, long enough'),
      item({ id: 'b', doi: '10.1/x' }, 'Another title, quite different'),
      item({ id: 'c', pmid: '123' }, 'Third title that is unrelated'),
      item({ id: 'd', pmid: '123' }, 'Fourth title that is unrelated'),
      item({ id: 'e', pmcid: 'PMC1' }, 'Fifth title that is unrelated'),
      item({ id: 'f', pmcid: 'pmc1' }, 'Sixth title that is unrelated')
    ])
    expect(pairs).toEqual([
      { a: 'a', b: 'b', reason: 'DOI' },
      { a: 'c', b: 'd', reason: 'PMID' },
      { a: 'e', b: 'f', reason: 'PMCID' }
    ])
  })

  it('pairs near-identical titles (case, accents, punctuation) with the same year and first author', () => {
    const pairs = findDuplicatePairs([
      item({ id: 'x' }, 'Oxytocin and social-defeat stress in mice.', 'Miñarro'),
      item({ id: 'y' }, 'OXYTOCIN AND SOCIAL DEFEAT STRESS IN MICE', 'Minarro')
    ])
    expect(pairs).toEqual([{ a: 'x', b: 'y', reason: 'title, year and first author' }])
  })

  it('does not pair the same title in another year, by another first author, or in the Trash', () => {
    expect(findDuplicatePairs([item({}, undefined, 'Miñarro', 2020), item({}, undefined, 'Miñarro', 2021)])).toEqual([])
    expect(findDuplicatePairs([item({}, undefined, 'Miñarro'), item({}, undefined, 'Maldonado')])).toEqual([])
    expect(findDuplicatePairs([item({ doi: '10.1/t' }), item({ doi: '10.1/t', trashedAt: 5 })])).toEqual([])
  })

  it('lists each pair once even when several reasons agree', () => {
    const pairs = findDuplicatePairs([item({ id: 'p', doi: '10.1/z', pmid: '9' }), item({ id: 'q', doi: '10.1/z', pmid: '9' })])
    expect(pairs).toHaveLength(1)
    expect([...idsInPairs(pairs)].sort()).toEqual(['p', 'q'])
  })
})

describe('DuplicateFinder', () => {
  // keys whose hashes are the same (a key is looked up by its hash, then its text)
  const [first, second] = ['9742', '186051']

  it('tells apart papers whose keys hash alike, and forgets only the keys a removed paper held', () => {
    expect(keyHash(`pmid:${first}`)).toBe(keyHash(`pmid:${second}`))
    const finder = new DuplicateFinder([item({ id: 'a', pmid: first }), item({ id: 'b', pmid: second }, 'Vasopressin in voles')])
    const find = (pmid: string) => finder.find(item({ pmid }, 'Another paper entirely'))
    expect([find(first), find(second), find('1')]).toEqual([{ id: 'a', reason: 'PMID' }, { id: 'b', reason: 'PMID' }, undefined])
    finder.add(item({ id: 'c', pmid: first }, 'Oxytocin again'))
    expect(find(first)).toEqual({ id: 'a', reason: 'PMID' })
    finder.remove('a')
    // as a map by key had it: the key is nobody's once its holder leaves
    expect([find(first), find(second)]).toEqual([undefined, { id: 'b', reason: 'PMID' }])
  })

  it("finds each of an import's many papers by any of its keys, and none of those removed", () => {
    const fork = new DuplicateFinder().fork()
    const papers = Array.from({ length: 3_000 }, (_, k) => item({ id: `p${k}`, doi: `10.1/p${k}`, pmid: String(500_000 + k) }, `Paper number ${k} on oxytocin`))
    papers.forEach(paper => fork.add(paper))
    papers.filter((_, k) => k % 3 === 0).forEach(paper => fork.remove(paper.id))
    const found = papers.map((_, k) => [
      fork.find(item({ doi: `10.1/P${k}` }, 'x'))?.id,
      fork.find(item({ pmid: String(500_000 + k) }, 'y'))?.id,
      fork.find(item({}, `Paper number ${k} on oxytocin`))?.id
    ])
    expect(found).toEqual(papers.map((paper, k) => (k % 3 === 0 ? [undefined, undefined, undefined] : [paper.id, paper.id, paper.id])))
  })

  it('asks the finder it was forked from about keys it does not hold', () => {
    const known = new DuplicateFinder([item({ id: 'old', doi: '10.1/old' })])
    const fork = known.fork()
    fork.add(item({ id: 'new', doi: '10.1/new' }, 'Orexin and sleep'))
    expect(fork.find(item({ doi: '10.1/OLD' }, 'x'))).toEqual({ id: 'old', reason: 'DOI' })
    expect(fork.find(item({ doi: '10.1/new' }, 'x'))).toEqual({ id: 'new', reason: 'DOI' })
    expect(known.find(item({ doi: '10.1/new' }, 'x'))).toBeUndefined()
  })
})
