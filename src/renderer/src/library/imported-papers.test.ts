// What an import keeps of the papers it has written: each paper's light fields, abstract and key hashes, a batch kept
// a slice at a time so the window answers meanwhile.
import { afterEach, expect, it, vi } from 'vitest'
import { keyHash, recognitionKeys } from '@shared/duplicates'
import { createSyntheticLibrary } from '../../../../bench/synthetic-library'
import { ImportedPapersKept } from './imported-papers'
import { basics } from './item-basics'

afterEach(() => vi.restoreAllMocks())

it('keeps a batch of 3,000 papers over many turns of the window, each with its light fields, abstract and key hashes', async () => {
  const items = createSyntheticLibrary(3_000, 4).items
  // a slow machine: every look at the clock finds 5 ms gone
  let clock = 0
  vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5))
  let turns = 0
  let kept = false
  const turn = (): void => {
    turns++
    if (!kept) setTimeout(turn, 0)
  }
  setTimeout(turn, 0)
  const papers = new ImportedPapersKept()
  await papers.keepAll(items, item => ({ paper: basics(item), abstract: item.csl.abstract, keys: recognitionKeys(item) }))
  kept = true
  expect(turns).toBeGreaterThan(100)

  const { items: light, abstracts, hashes, hashFrom } = papers.papers()
  expect(light).toEqual(items.map(basics))
  expect(abstracts).toEqual(items.map(item => item.csl.abstract))
  items.forEach((item, n) => expect([...hashes.subarray(hashFrom[n], hashFrom[n + 1])]).toEqual(recognitionKeys(item).map(keyHash)))
})
