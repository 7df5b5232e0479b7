// A part of the saved light form crosses from the reader worker to the window as bytes: the window must get every
// paper as it was saved, whatever the characters of its names and titles.
import { describe, expect, it } from 'vitest'
import { recognitionHashes } from '@shared/duplicates'
import { fixtureItems } from '../../../main/services/pubmed/fixture-items.test-support'
import { basics } from '../library/item-basics'
import { packPapers, unpackPapers } from '../library/light-packing'
import { partAsBytes, partFromBytes } from './part-bytes'

describe('a part of the saved light form sent as bytes', () => {
  it('gives the window every paper as saved: Latin-1, control characters, other scripts, emoji, a lone surrogate', () => {
    const [first, ...others] = fixtureItems().map(basics)
    const named = {
      ...first,
      tags: ['Ångström', 'niño', 'next\u0085line', 'nbsp\u00a0here', 'ÿ'],
      keywords: ['Łódź', '東京', '🧠 brain', 'lone \udc00 half', '"quoted" \\ slash'],
      csl: { ...first.csl, title: 'Müller–Ørsted: μ-opioid receptors in the nucleus accumbens' }
    }
    const papers = [named, ...others]
    const json = packPapers(papers, papers.map(recognitionHashes))
    const bytes = partAsBytes(json)
    expect(bytes.every(byte => byte < 0x80)).toBe(true)
    const sent = unpackPapers(partFromBytes(bytes))
    expect(sent).toEqual(unpackPapers(json))
    expect(sent.papers[0].tags).toEqual(named.tags)
    expect(sent.papers[0].keywords).toEqual(named.keywords)
    expect(sent.papers[0].csl.title).toBe(named.csl.title)
  })
})
