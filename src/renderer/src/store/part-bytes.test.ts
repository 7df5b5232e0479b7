// A part of the saved light form crosses from the reader worker to the window as bytes and typed arrays: the window
// must get every paper and its key hashes as saved, whatever the characters of its names and titles, a line of a
// hundred papers at a time, with one copy of each shared value across parts.
import { describe, expect, it } from 'vitest'
import type { ItemBasics } from '@shared/model'
import { recognitionHashes } from '@shared/duplicates'
import { fixtureItems } from '../../../main/services/pubmed/fixture-items.test-support'
import { basics } from '../library/item-basics'
import { packPapers, PAPERS_PER_LINE, unpackPapers } from '../library/light-packing'
import { PartReceiver, PartSender, partTransfer, type ArrivedLine, type PartOnTheWay } from './part-bytes'

/** As the worker's message hands it over: copied by structured clone, its arrays transferred. */
const crossed = (part: PartOnTheWay): PartOnTheWay => structuredClone(part, { transfer: partTransfer(part) })

/** Every paper of the lines, with its key hashes. */
const withHashes = (lines: ArrivedLine[]) =>
  lines.flatMap(({ papers, hashes, hashFrom }) =>
    papers.map((paper, i) => ({ paper, hashes: hashes ? [...hashes.slice(hashFrom[i], hashFrom[i + 1])] : undefined }))
  )

describe('a part of the saved light form sent to the window', () => {
  it('gives the window every paper and its key hashes as saved: Latin-1, control characters, other scripts, emoji, a lone surrogate', () => {
    const [first, ...others] = fixtureItems().map(basics)
    const named: ItemBasics = {
      ...first,
      tags: ['Ångström', 'niño', 'next\u0085line', 'nbsp\u00a0here', 'ÿ', 'new\nline'],
      keywords: ['Łódź', '東京', '🧠 brain', 'lone \udc00 half', '"quoted" \\ slash', 'tab\there'],
      csl: { ...first.csl, title: 'Müller–Ørsted: μ-opioid receptors\nin the nucleus accumbens' }
    }
    const papers = [named, ...others]
    const packed = packPapers(papers, papers.map(recognitionHashes))
    const part = crossed(new PartSender().onTheWay(structuredClone(packed), []))
    expect(part.lines.every(byte => byte < 0x80)).toBe(true)
    const arrived = withHashes([...new PartReceiver().lines(part)])
    expect(arrived.map(({ paper }) => paper)).toEqual(unpackPapers(packed).papers)
    expect(arrived.map(({ hashes }) => hashes)).toEqual(papers.map(recognitionHashes))
    expect(arrived[0].paper.tags).toEqual(named.tags)
    expect(arrived[0].paper.keywords).toEqual(named.keywords)
    expect(arrived[0].paper.csl.title).toBe(named.csl.title)
  })

  it('is read a hundred papers at a time, each shared value sent and held once across parts, and a part saved without hashes has none', () => {
    const papers = fixtureItems().map(basics)
    const many = Array.from({ length: 250 }, (_, n) => ({ ...papers[n % papers.length], id: `paper-${n}` }))
    const sender = new PartSender()
    const receiver = new PartReceiver()
    const one = crossed(sender.onTheWay(packPapers(many, many.map(recognitionHashes)), []))
    const two = crossed(sender.onTheWay(packPapers(many.slice(0, 120), []), []))
    const lines = [...receiver.lines(one)]
    expect(lines.map(line => line.papers.length)).toEqual([PAPERS_PER_LINE, PAPERS_PER_LINE, 50])
    expect(two.newValues).toEqual([])
    const again = [...receiver.lines(two)]
    expect(again.map(line => line.papers.length)).toEqual([PAPERS_PER_LINE, 20])
    expect(again[0].papers[0].csl.author![0]).toBe(lines[0].papers[0].csl.author![0])
    expect(again[0].papers[0].sources).toBe(lines[0].papers[0].sources)
    expect(withHashes(again).every(({ hashes }) => hashes === undefined)).toBe(true)
    expect(withHashes(again).map(({ paper }) => paper)).toEqual(JSON.parse(JSON.stringify(many.slice(0, 120))))
  })
})
