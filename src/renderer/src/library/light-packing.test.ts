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
import { linesIn, packPapers, SharedValues, sharedValue, unpackLine, unpackPapers } from './light-packing'
import { loadPeptideTagger } from './peptide-tagger'
import { randomFrom } from '../store/random-changes.test-support'

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
    const marked = Array.from({ length: linesIn(part) }, (_, line) => unpackLine(part, line, part.shared.map(sharedValue), mark)).flat()
    expect(marked.map(paper => (paper as { light?: unknown }).light)).toEqual([mark, mark])
  })

  it('gives plain objects holding the fields the papers had', () => {
    const papers = [...fixtureItems(), odd(fixtureItems()[0])].map(basics)
    const back = unpackPapers(packPapers(papers, [])).papers
    const fields = (value: object) => Object.keys(JSON.parse(JSON.stringify(value))).sort()
    back.forEach((paper, n) => {
      for (const value of [paper, paper.csl]) {
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
        expect(value.constructor).toBe(Object)
      }
      expect(Object.keys(paper).sort()).toEqual(fields(papers[n]))
      expect(Object.keys(paper.csl).sort()).toEqual(fields(papers[n].csl))
    })
  })

  it("writes a paper's DOI once where its doi, doiKey and csl.DOI say the same, and gives one string for them", () => {
    const papers = fixtureItems().map(item => basics(withIndexFields(item)))
    const part = packPapers(papers, [])
    const decoder = new TextDecoder()
    const texts = decoder.decode(part.lines) + decoder.decode(part.wide)
    const withDoi = papers.filter(paper => paper.doi)
    expect(withDoi.length).toBeGreaterThan(20)
    for (const { doi } of withDoi) {
      const written = texts.split(doi!).length - 1
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
    expect(again).toEqual(fresh)
    expect(again.hashes).toEqual(fresh.hashes)
    // a value changed in one paper's copy is packed as it is, not as the frozen one it was copied from
    const changed = { ...read[1], csl: { ...read[1].csl, author: [{ ...read[1].csl.author![0], given: 'Changed' }] } }
    expect(asJson(unpackPapers(packPapers([read[0], changed], [])).papers)).toEqual(asJson([read[0], changed]))
  })
})

describe('a part of random papers', () => {
  /** Texts of every kind a field may hold: empty, ASCII, Latin-1, other scripts, emoji, a lone surrogate, escapes. */
  const TEXTS = ['', 'Smith', 'Müller', 'μ-opioid', '東京', '🧠', 'lone \ud800', '"q" \\ \n', '10.1/AbC', 'x'.repeat(300)]

  function randomPaper(random: () => number, n: number): ItemBasics {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
    const text = () => pick(TEXTS) + (random() < 0.5 ? String(n) : '')
    const value = (depth = 0): unknown => {
      const roll = random()
      if (roll < 0.35) return text()
      if (roll < 0.55) return pick([0, 1, -3, 2.5, 1e15, 2020])
      if (roll < 0.65) return pick([true, false, null])
      if (depth > 1) return text()
      if (roll < 0.85) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1))
      return { a: value(depth + 1), [text()]: value(depth + 1) }
    }
    const fields: Record<string, unknown> = { id: `p${n}` }
    const csl: Record<string, unknown> = { type: pick(['article-journal', 'book', 7]) }
    const doi = random() < 0.6 ? text() : undefined
    if (doi !== undefined) fields.doi = doi
    if (random() < 0.5) fields.doiKey = random() < 0.7 ? doi : value()
    if (random() < 0.5) csl.DOI = random() < 0.7 ? doi : value()
    // the fields shared whole, the lists of shared entries, and others, each there or not, of any kind
    for (const name of ['tags', 'collectionIds', 'readStatus', 'mesh', 'keywords', 'year', 'trashedAt', 'rating', 'citationKey', 'odd'])
      if (random() < 0.6) fields[name] = value()
    for (const name of ['title', 'author', 'editor', 'container-title', 'issued', 'page', 'volume'])
      if (random() < 0.6) csl[name] = name === 'author' && random() < 0.7 ? [{ family: text(), given: text() }, { literal: text() }] : value()
    // a field's place differs from paper to paper
    const paper = random() < 0.5 ? { ...fields, csl } : { csl, ...fields }
    return paper as unknown as ItemBasics
  }

  it('gives back every paper as it went in, whatever its fields hold and in whatever order, through a structured clone', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const random = randomFrom(seed)
      const papers = Array.from({ length: 1 + Math.floor(random() * 260) }, (_, n) => randomPaper(random, n))
      const hashes = papers.map(() => Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * 2 ** 32) | 0))
      const part = structuredClone(packPapers(papers, hashes))
      expect(part.lines.every(byte => byte < 0x80)).toBe(true)
      const back = unpackPapers(part)
      expect(asJson(back.papers), `seed ${seed}`).toEqual(asJson(papers))
      expect(back.hashes).toEqual(hashes)
    }
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
