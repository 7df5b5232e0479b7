// A light copy's MeSH headings: the descriptor and whether it is a major topic, one frozen copy of each heading
// for every paper that has it (packing numbers it once, and the window keeps one object, as the saved form gives).
import { describe, expect, it } from 'vitest'
import type { Item, MeshHeading } from '@shared/model'
import { basics } from './item-basics'

const paper = (id: string, mesh: MeshHeading[]): Item =>
  ({
    id,
    csl: { type: 'article-journal', title: id },
    sources: ['file'],
    tags: [],
    collectionIds: [],
    readStatus: 'unread',
    addedAt: 1,
    modifiedAt: 1,
    mesh
  }) as Item

describe('basics: MeSH headings', () => {
  const first = basics(
    paper('a', [
      { descriptor: 'Oxytocin', majorTopic: false, qualifiers: [{ name: 'metabolism', majorTopic: true }] },
      { descriptor: 'Humans', majorTopic: false, qualifiers: [] }
    ])
  )
  const second = basics(
    paper('b', [
      { descriptor: 'Humans', majorTopic: false, qualifiers: [] },
      { descriptor: 'Oxytocin', majorTopic: true, qualifiers: [] },
      { descriptor: 'Oxytocin', majorTopic: false, qualifiers: [{ name: 'genetics', majorTopic: false }] }
    ])
  )

  it('keeps the descriptor and the major-topic flag (a starred qualifier makes one) of each heading, in order', () => {
    expect(first.mesh).toEqual([
      { descriptor: 'Oxytocin', majorTopic: true },
      { descriptor: 'Humans', majorTopic: false }
    ])
    expect(second.mesh).toEqual([
      { descriptor: 'Humans', majorTopic: false },
      { descriptor: 'Oxytocin', majorTopic: true },
      { descriptor: 'Oxytocin', majorTopic: false }
    ])
  })

  it('gives papers with the same heading one frozen copy of it, and a heading with the other flag its own', () => {
    expect(second.mesh![0]).toBe(first.mesh![1])
    expect(second.mesh![1]).toBe(first.mesh![0])
    expect(second.mesh![2]).not.toBe(second.mesh![1])
    expect(second.mesh!.every(term => Object.isFrozen(term))).toBe(true)
  })

  it('copies a heading whose descriptor is not text as it is', () => {
    const odd = basics(paper('c', [{ descriptor: 7 as unknown as string, majorTopic: false, qualifiers: [] }]))
    expect(odd.mesh).toEqual([{ descriptor: 7, majorTopic: false }])
  })
})
