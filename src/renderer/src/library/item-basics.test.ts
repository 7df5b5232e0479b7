// A light copy's MeSH headings: the descriptor and whether it is a major topic, one frozen copy of each heading
// for every paper that has it (packing numbers it once, and the window keeps one object, as the saved form gives).
import { describe, expect, it } from 'vitest'
import type { Item, MeshHeading, PeptideTag } from '@shared/model'
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

describe('basics: peptide tags', () => {
  const tagged = (id: string, peptideTags: PeptideTag[]): Item => ({ ...paper(id, []), peptideTags })
  const oxytocin = (): PeptideTag => ({
    peptide: 'Oxytocin',
    family: 'oxytocin/vasopressin',
    evidence: [
      { source: 'mesh', text: 'Oxytocin' },
      { source: 'title', text: 'oxytocin' }
    ],
    receptor: 'oxytocin receptor'
  })

  it('keeps only the MeSH evidence of each tag, one frozen copy for papers with the same, and leaves the paper its own', () => {
    const first = tagged('a', [oxytocin()])
    const second = tagged('b', [{ ...oxytocin(), evidence: [{ source: 'mesh', text: 'Oxytocin' }] }])
    const [light] = basics(first).peptideTags!
    expect(JSON.stringify(light)).toBe(
      '{"peptide":"Oxytocin","family":"oxytocin/vasopressin","evidence":[{"source":"mesh","text":"Oxytocin"}],"receptor":"oxytocin receptor"}'
    )
    expect(basics(second).peptideTags![0]).toBe(light)
    expect(Object.isFrozen(light) && Object.isFrozen(light.evidence) && Object.isFrozen(light.evidence[0])).toBe(true)
    expect(Object.isFrozen(first.peptideTags![0].evidence[0]) || Object.isFrozen(second.peptideTags![0])).toBe(false)
    expect(first.peptideTags![0].evidence).toHaveLength(2)
  })

  it('gives a tag with other evidence its own copy, and one with fields of its own its fields as they are', () => {
    const [other] = basics(tagged('c', [{ ...oxytocin(), evidence: [{ source: 'mesh', text: 'Oxytocin, 2' }] }])).peptideTags!
    expect(other.evidence).toEqual([{ source: 'mesh', text: 'Oxytocin, 2' }])
    const odd = { ...oxytocin(), evidence: [{ source: 'mesh', text: 'Oxytocin', note: 'kept' } as PeptideTag['evidence'][number]] }
    const [light] = basics(tagged('d', [odd])).peptideTags!
    expect(light).toBe(odd)
    expect(Object.isFrozen(light)).toBe(false)
  })
})
