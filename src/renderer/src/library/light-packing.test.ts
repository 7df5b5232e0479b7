// A part of the saved light form gives back every paper exactly as it went
// in — real PubMed records, names in any script, odd values where a list or
// a name is expected — while keeping its papers ASCII bytes, and a paper's DOI
// once.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Item, ItemBasics } from '@shared/model'
import { recognitionHashes } from '@shared/duplicates'
import { fixtureItems } from '../../../main/services/pubmed/fixture-items.test-support'
import { basics } from './item-basics'
import { withIndexFields } from './index-fields'
import { lineTexts, packPapers, SharedValues, sharedValue, unpackLine, unpackPapers } from './light-packing'
import { loadPeptideTagger } from './peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

/** As JSON keeps a paper (what the form kept before it shared anything). */
const asJson = (papers: ItemBasics[]): unknown => JSON.parse(JSON.stringify(papers))

function odd(base: Item): Item {
  return {
    ...base,
    id: 'odd',
    keywords: ['Łódź', 'μ-opioid', 'Nguyễn', '😀 emoji', 'lone \ud800 surrogate', '"quoted" \\ back'],
    tags: ['to read'],
    sources: ['file'],
    addedBy: 'Zoë',
    doiKey: 0 as unknown as string,
    csl: {
      ...base.csl,
      DOI: [0] as unknown as string,
      type: 7 as unknown as string,
      title: 'β-Endorphin and κ-opioid receptors in 東京',
      author: [{ family: 'Dvořák', given: 'Łucja' }, { literal: 'Oxytocin Consortium' }],
      editor: 'not a list' as unknown as Item['csl']['editor'],
      issued: { 'date-parts': [['2020', 3]] },
      'container-title': ''
    },
    mesh: [{ descriptor: 'Receptors, Opioid, kappa', majorTopic: false, qualifiers: [{ name: 'metabolism', majorTopic: true }] }]
  }
}

describe('a part of the saved light form', () => {
  it('gives back every paper as it went in, through a structured clone as IndexedDB keeps it, its papers ASCII bytes', () => {
    const items = fixtureItems()
    const papers = [...items, odd(items[0])].map(basics)
    const part = structuredClone(packPapers(papers, papers.map(recognitionHashes)))
    expect(part.lines.every(byte => byte < 0x80)).toBe(true)
    const { papers: back, hashes } = unpackPapers(part)
    expect(asJson(back)).toEqual(asJson(papers))
    expect(hashes).toEqual(papers.map(recognitionHashes))
    expect(back.at(-1)!.keywords).toEqual(odd(items[0]).keywords)
  })

  it('gives back a title holding every character past ASCII, each line still ASCII bytes', () => {
    const [paper] = fixtureItems().map(basics)
    const every = String.fromCharCode(...Array.from({ length: 0x10000 - 0x7e }, (_, n) => n + 0x7e))
    const papers = [0, 1, 2, 3].map(n => ({ ...paper, id: `p${n}`, csl: { ...paper.csl, title: every.slice(n * 0x4000, (n + 1) * 0x4000) } }))
    const part = packPapers([...papers, { ...paper, csl: { ...paper.csl, title: '😀 at the end ÿ' } }], [])
    expect(part.lines.every(byte => byte < 0x80)).toBe(true)
    expect(unpackPapers(part).papers.map(back => back.csl.title)).toEqual([...papers.map(p => p.csl.title), '😀 at the end ÿ'])
  })

  it('read with the same shared values, gives one copy of each, which cannot be changed', () => {
    const papers = fixtureItems().map(basics)
    const part = packPapers(papers, [])
    const shared = new SharedValues()
    const [a, b] = [unpackPapers(part, shared), unpackPapers(part, shared)]
    expect(b.papers[0].csl.author![0]).toBe(a.papers[0].csl.author![0])
    expect(b.papers[0].mesh![0]).toBe(a.papers[0].mesh![0])
    expect(Object.isFrozen(a.papers[0].mesh![0])).toBe(true)
    // lists few papers differ in: one array for all the papers holding the same
    const [first, last] = [a.papers[0], b.papers.at(-1)!]
    expect(first.sources).toEqual(last.sources)
    expect(first.sources).toBe(last.sources)
    expect(first.collectionIds).toBe(last.collectionIds)
    expect(Object.isFrozen(first.tags)).toBe(true)
  })

  it('gives the papers without keywords, MeSH terms or authors one empty list, and a mark only where the window asks for one', () => {
    const [one, two] = fixtureItems().map(basics)
    const papers = [
      { ...one, keywords: [], mesh: [] },
      { ...two, keywords: [], csl: { ...two.csl, author: [] } }
    ]
    const part = packPapers(papers, [])
    const back = unpackPapers(part).papers
    expect(asJson(back)).toEqual(asJson(papers))
    expect(back[1].keywords).toBe(back[0].keywords)
    expect(back[1].csl.author).toBe(back[0].mesh)
    expect(Object.isFrozen(back[0].keywords)).toBe(true)
    // unmarked: a part rewritten from them, or a row, never holds a mark
    expect(back.every(paper => !('light' in paper))).toBe(true)
    const mark = () => undefined
    const marked = [...lineTexts(part)].flatMap(line => unpackLine(line, part.shared.map(sharedValue), mark))
    expect(marked.map(paper => (paper as { light?: unknown }).light)).toEqual([mark, mark])
  })

  it("writes a paper's DOI once where its doi, doiKey and csl.DOI say the same, and gives one string for them", () => {
    const papers = fixtureItems().map(item => basics(withIndexFields(item)))
    const part = packPapers(papers, [])
    const json = [...lineTexts(part)].join('')
    const withDoi = papers.filter(paper => paper.doi)
    expect(withDoi.length).toBeGreaterThan(20)
    for (const { doi } of withDoi) {
      const written = json.split(JSON.stringify(doi)).length - 1
      expect(written, doi).toBe(withDoi.filter(paper => paper.doi === doi).length)
    }
    const back = unpackPapers(part).papers
    expect(asJson(back)).toEqual(asJson(papers))
    for (const paper of back.filter(paper => paper.doi)) expect(paper.doiKey).toBe(paper.doi)
  })

  it('packs papers read from the form (their shared values frozen) into the same part as the same papers unshared', () => {
    const papers = [...fixtureItems().map(item => basics(withIndexFields(item))), basics(odd(fixtureItems()[0]))]
    const read = unpackPapers(packPapers(papers, [])).papers
    expect(Object.isFrozen(read[0].csl.author![0])).toBe(true)
    const again = packPapers(read, read.map(recognitionHashes))
    const fresh = packPapers(asJson(read) as ItemBasics[], read.map(recognitionHashes))
    expect(again.shared).toEqual(fresh.shared)
    expect([...lineTexts(again)]).toEqual([...lineTexts(fresh)])
    expect(again.hashes).toEqual(fresh.hashes)
    // a value changed in one paper's copy is packed as it is, not as the frozen one it was copied from
    const changed = { ...read[1], csl: { ...read[1].csl, author: [{ ...read[1].csl.author![0], given: 'Changed' }] } }
    expect(asJson(unpackPapers(packPapers([read[0], changed], [])).papers)).toEqual(asJson([read[0], changed]))
  })
})

describe("a light copy's peptide tags", () => {
  const tagged = (title: string): Item =>
    withIndexFields({ id: title, csl: { type: 'article-journal', title }, sources: ['file'], tags: [], collectionIds: [], addedAt: 1, modifiedAt: 1 } as Item)

  it('keep no evidence but MeSH, and a tag without any is one frozen copy for every paper naming that peptide', () => {
    const [one, two] = [tagged('Oxytocin and vasopressin in voles'), tagged('Oxytocin receptor knockout mice')]
    const [a, b] = [basics(one), basics(two)]
    // as the light copy was made before: the tag without its evidence
    for (const [paper, light] of [
      [one, a],
      [two, b]
    ] as const)
      expect(light.peptideTags).toEqual(paper.peptideTags!.map(tag => ({ ...tag, evidence: [] })))
    const oxytocin = a.peptideTags!.find(tag => tag.peptide === 'Oxytocin')!
    expect(basics(tagged('Oxytocin in a title')).peptideTags![0]).toBe(oxytocin)
    expect(Object.isFrozen(oxytocin) && Object.isFrozen(oxytocin.evidence)).toBe(true)
    // the receptor is part of what it names: not the same copy
    expect(b.peptideTags!.find(tag => tag.peptide === 'Oxytocin')).toEqual({ ...oxytocin, receptor: expect.any(String) })
  })

  it("keep a MeSH heading's evidence, and a tag written in another order (an older row) as it is", () => {
    const paper = tagged('Oxytocin in voles')
    const [tag] = paper.peptideTags!
    const withMesh = { ...tag, evidence: [{ source: 'mesh' as const, text: 'Oxytocin' }, ...tag.evidence] }
    const reordered = { family: tag.family, evidence: tag.evidence, peptide: tag.peptide }
    const light = basics({ ...paper, peptideTags: [withMesh, reordered] })
    expect(light.peptideTags).toEqual([
      { ...tag, evidence: [{ source: 'mesh', text: 'Oxytocin' }] },
      { ...reordered, evidence: [] }
    ])
    expect(Object.keys(light.peptideTags![1])).toEqual(['family', 'evidence', 'peptide'])
    expect(Object.isFrozen(light.peptideTags![1])).toBe(false)
  })
})
