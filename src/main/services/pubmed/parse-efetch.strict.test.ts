// The efetch reader on its SAX-built tree: the same records the DOM-based
// reader gave, a cut-off reply refused at any point, no entity expansion
// beyond XML's own, and no stack overflow on absurdly deep markup.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPubmedCorpus } from '../../../../e2e/replay/ncbi-corpus'
import { pubmedArticleSet } from '../../../../e2e/replay/ncbi-replies'
import { ServiceError } from '@shared/result'
import { fixtureNames, fixtureText } from './fixture-files.test-support'
import { parsePubmedArticleSet, parsePubmedArticleSetInTurns } from './parse-efetch'

/**
 * What the earlier reader (@xmldom/xmldom's DOM under the same field readers,
 * commit 4bcdc06) gave for every efetch fixture, written once before that
 * reader was removed.
 */
const DOM_RECORDS: Record<string, unknown> = JSON.parse(readFileSync(path.join(import.meta.dirname, 'golden/efetch-records.json'), 'utf8'))

function refusal(xml: string): string | undefined {
  try {
    parsePubmedArticleSet(xml)
  } catch (e) {
    expect(e).toBeInstanceOf(ServiceError)
    expect((e as ServiceError).message).toBe('PubMed sent a reply that could not be read.')
    return (e as ServiceError).code
  }
  return undefined
}

/** One made-up record around the given title markup, in NCBI's shape. */
function articleSet(titleMarkup: string, doctype = ''): string {
  return `<?xml version="1.0" ?>${doctype}<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">123</PMID><Article><Journal><Title>J</Title><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue></Journal><ArticleTitle>${titleMarkup}</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`
}

describe('every efetch fixture', () => {
  const names = fixtureNames('efetch').filter(n => !n.includes('malformed'))
  it('has a record of what the DOM-based reader gave', () => {
    expect(Object.keys(DOM_RECORDS).sort()).toEqual(names)
  })
  it.each(names)('%s reads to the very same records, byte for byte', name => {
    expect(JSON.stringify(parsePubmedArticleSet(fixtureText('efetch', name)))).toBe(JSON.stringify(DOM_RECORDS[name]))
  })
})

describe('a reply cut off anywhere', () => {
  const whole = pubmedArticleSet(loadPubmedCorpus().records)
  const end = whole.lastIndexOf('</PubmedArticleSet>') + '</PubmedArticleSet>'.length

  it('reads whole: all 31 recorded records', () => {
    expect(parsePubmedArticleSet(whole)).toHaveLength(31)
  })

  it('is refused right after each complete record (where a lenient parser returns the records so far)', () => {
    const cuts = [...whole.matchAll(/<\/(PubmedArticle|PubmedBookArticle)>/g)].map(m => (m.index ?? 0) + m[0].length)
    expect(cuts).toHaveLength(31)
    for (const cut of cuts) expect(refusal(whole.slice(0, cut)), `cut at ${cut}`).toBe('BAD_RESPONSE')
  })

  it('is refused at 200 points spread over the reply, and one character short of the end', () => {
    const cuts = Array.from({ length: 200 }, (_, i) => Math.floor((end * i) / 200)).concat(end - 1)
    for (const cut of cuts) expect(refusal(whole.slice(0, cut)), `cut at ${cut}`).toBe('BAD_RESPONSE')
  }, 60_000) // 201 parses: 1.8 s at load 2, 23.4 s at load 10-13, past the 20 s default
})

describe('read in turns, a slice at a time (as main reads efetch replies)', () => {
  const whole = pubmedArticleSet(loadPubmedCorpus().records)
  let turns = 0
  const nextTurn = (): Promise<void> => {
    turns += 1
    return new Promise(resolve => setImmediate(resolve))
  }

  it('gives the very same records as reading the reply at once, with turns between the slices', async () => {
    turns = 0
    expect(JSON.stringify(await parsePubmedArticleSetInTurns(whole, nextTurn))).toBe(JSON.stringify(parsePubmedArticleSet(whole)))
    expect(turns).toBeGreaterThanOrEqual(3)
  })

  it('refuses a reply cut off right after a record, in any slice, and one character short of the end', async () => {
    const cuts = [...whole.matchAll(/<\/(PubmedArticle|PubmedBookArticle)>/g)].map(m => (m.index ?? 0) + m[0].length)
    const end = whole.lastIndexOf('</PubmedArticleSet>') + '</PubmedArticleSet>'.length
    for (const cut of [...cuts, end - 1]) {
      const attempt = parsePubmedArticleSetInTurns(whole.slice(0, cut), nextTurn)
      await expect(attempt, `cut at ${cut}`).rejects.toThrow(new ServiceError('BAD_RESPONSE', 'PubMed sent a reply that could not be read.'))
    }
  })
})

describe('entities', () => {
  it("decodes XML's predefined entities and numeric references", () => {
    const [record] = parsePubmedArticleSet(articleSet('A &amp; B &lt;3 &quot;&apos;&gt; &#946;-&#x3B2; <![CDATA[<raw>]]>'))
    expect(record.csl.title).toBe('A & B <3 "\'> β-β <raw>')
  })

  it('refuses a billion-laughs reply at once, without expanding anything', () => {
    const doctype = `<!DOCTYPE PubmedArticleSet [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`
    const xml = articleSet('&lol9;', doctype)
    const start = performance.now()
    expect(refusal(xml)).toBe('BAD_RESPONSE')
    expect(performance.now() - start).toBeLessThan(5_000) // a guard against a hang, not a benchmark
  })

  it('refuses an external entity (XXE) instead of reading the file it names', () => {
    const doctype = `<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM "file://${path.resolve(import.meta.dirname, 'fixture-files.ts')}">]>`
    expect(refusal(articleSet('&xxe;', doctype))).toBe('BAD_RESPONSE')
  })

  it('refuses HTML entities, which are not XML', () => {
    expect(refusal(articleSet('a&nbsp;b'))).toBe('BAD_RESPONSE')
  })
})

describe('deeply nested markup', () => {
  const DEPTH = 100_000
  const nested = (tag: string, inner: string): string => `<${tag}>`.repeat(DEPTH) + inner + `</${tag}>`.repeat(DEPTH)

  it('reads a title nested 100,000 elements deep without overflowing the stack', () => {
    const [record] = parsePubmedArticleSet(articleSet(`Deep ${nested('mml:mrow', 'title')} end`))
    expect(record.csl.title).toBe('Deep title end')
  })

  it('keeps the formatting tags of a 100,000-deep italic run', () => {
    const [record] = parsePubmedArticleSet(articleSet(nested('i', 'x')))
    expect(record.csl.title).toBe('<i>'.repeat(DEPTH) + 'x' + '</i>'.repeat(DEPTH))
  })

  it('reads plain-text fields nested as deep (the journal title)', () => {
    const xml = articleSet('T').replace('<Title>J</Title>', `<Title>${nested('span', 'Deep Journal')}</Title>`)
    expect(parsePubmedArticleSet(xml)[0].csl['container-title']).toBe('Deep Journal')
  })
})
