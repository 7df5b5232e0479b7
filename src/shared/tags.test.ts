import { describe, expect, it } from 'vitest'
import type { Item } from './model'
import { itemTagKeys, itemTags, parseTagKey, tagKey } from './tags'

const base: Item = {
  id: '1',
  csl: { type: 'article-journal', title: 'x' },
  titleWords: [],
  tags: ['to read', 'stress'],
  collectionIds: [],
  addedAt: 0,
  modifiedAt: 0,
  sources: ['pubmed'],
  keywords: ['oxytocin', 'social defeat'],
  mesh: [
    { descriptor: 'Oxytocin', majorTopic: false, qualifiers: [{ name: 'pharmacology', majorTopic: true }] },
    { descriptor: 'Mice', majorTopic: false, qualifiers: [] },
    { descriptor: 'Cocaine', majorTopic: true, qualifiers: [] }
  ],
  peptideTags: [
    { peptide: 'Oxytocin', evidence: [{ source: 'mesh', text: 'MeSH: Oxytocin' }] },
    { peptide: 'Corticotropin-Releasing Hormone', evidence: [{ source: 'mesh', text: 'MeSH: CRH' }] }
  ],
  removedPeptideTags: ['Corticotropin-Releasing Hormone']
}

describe('item tags', () => {
  it('keeps manual tags, keywords, MeSH major topics and peptide tags apart', () => {
    expect(itemTags(base)).toEqual([
      { kind: 'manual', name: 'to read' },
      { kind: 'manual', name: 'stress' },
      { kind: 'keyword', name: 'oxytocin' },
      { kind: 'keyword', name: 'social defeat' },
      { kind: 'mesh', name: 'Oxytocin' },
      { kind: 'mesh', name: 'Cocaine' },
      { kind: 'peptide', name: 'Oxytocin' }
    ])
  })

  it('drops a peptide tag the user removed, and not minor MeSH headings', () => {
    const keys = itemTagKeys(base)
    expect(keys).not.toContain('peptide:Corticotropin-Releasing Hormone')
    expect(keys).not.toContain('mesh:Mice')
  })

  it('never loses imported tags when manual ones change', () => {
    const edited = { ...base, tags: [] }
    expect(itemTagKeys(edited)).toEqual(['keyword:oxytocin', 'keyword:social defeat', 'mesh:Oxytocin', 'mesh:Cocaine', 'peptide:Oxytocin'])
  })

  it('are kept with the paper, not as a field of it: a copy, its JSON and a stored clone have none; a frozen paper has its own', () => {
    const paper: Item = { ...base, id: '2' }
    const keys = itemTagKeys(paper)
    expect(itemTagKeys(paper)).toBe(keys)
    expect(Object.keys(paper)).toEqual(Object.keys(base))
    expect(JSON.parse(JSON.stringify(paper))).toEqual(JSON.parse(JSON.stringify({ ...base, id: '2' })))
    expect(Object.getOwnPropertySymbols(structuredClone(paper))).toEqual([])
    const retagged = { ...paper, tags: ['read'] }
    expect(itemTagKeys(retagged)).toContain('manual:read')
    expect(itemTagKeys(retagged)).not.toContain('manual:to read')
    const frozen = Object.freeze({ ...base, id: '3' })
    expect(itemTagKeys(frozen)).toEqual(keys)
    expect(itemTagKeys(frozen)).toBe(itemTagKeys(frozen))
  })

  it('round-trips tag keys, names with colons included', () => {
    expect(parseTagKey(tagKey({ kind: 'manual', name: 'aim: 2' }))).toEqual({ kind: 'manual', name: 'aim: 2' })
  })
})
