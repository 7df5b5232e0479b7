// citeproc remembering the citations it renders while disambiguating
// (citeproc-repeated-cites.ts) writes what citeproc as shipped writes, in
// styles with each disambiguation rule, for a large set of papers that cite
// alike: same first author and year, shared co-authors, namesakes, exact
// twins (year suffixes), institutions; and it renders each paper a few times,
// not once for every paper settled before it.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CslRecord } from '@citation-js/core'
import { describe, expect, it } from 'vitest'
import { withCiteprocAsShipped } from './citeproc-shortcuts'
import { callsDuring } from './citeproc-calls.test-support'
import { bibliographyOfRecords, formatCitation } from './formats'
import { registerStyle } from './styles'
import type { ExportItem } from './bibtex-fields'
import { cslRecords } from './csl-items'
import { createSyntheticLibrary } from '../../../bench/synthetic-library'

/**
 * `count` synthetic papers of 2019 and 2020 whose first author is a Wang (a
 * few given names) or the Wang Institute; every tenth a twin of the one
 * before (same names and year: only a year suffix tells them apart).
 */
function papersCitedAlike(count: number): CslRecord[] {
  const givens = ['Wei', 'Wen', 'Li', 'W. J.']
  const papers: CslRecord[] = []
  for (const [i, paper] of cslRecords(createSyntheticLibrary(count, 5).items).entries()) {
    const twin = i % 10 === 9 ? papers[i - 1] : undefined
    const first = i % 23 === 0 ? { literal: 'Wang Institute' } : { family: 'Wang', given: givens[i % givens.length] }
    const author = twin?.author ?? [first, ...(Array.isArray(paper.author) ? paper.author.slice(1) : [])]
    papers.push({ ...paper, abstract: undefined, author, issued: twin?.issued ?? { 'date-parts': [[2019 + (i % 2)]] } })
  }
  return papers
}

const APA_XML = readFileSync(resolve(__dirname, '../../../resources/csl/apa.csl'), 'utf8')
/** APA under another given-name rule (its id changed so it is another style). */
function apaWithRule(rule: string): string {
  const id = `apa-${rule}`
  registerStyle(
    id,
    APA_XML.replace(/givenname-disambiguation-rule="[^"]*"/, `givenname-disambiguation-rule="${rule}"`).replace(
      /<id>[^<]*<\/id>/,
      `<id>http://example.org/${id}</id>`
    )
  )
  return id
}

const papers = papersCitedAlike(120)
/** As the citation dialog cites them: ExportItems around the same records. */
const items: ExportItem[] = papers.map(csl => ({ id: String(csl.id), csl }) as unknown as ExportItem)

describe('citeproc remembering repeated citations', { timeout: 180_000 }, () => {
  it.each([
    ['apa', 'text'],
    ['apa', 'html'],
    ['chicago-author-date', 'text'],
    ['elsevier-harvard', 'text'],
    ['the-journal-of-neuroscience', 'text'],
    [apaWithRule('all-names'), 'text'],
    [apaWithRule('by-cite'), 'text']
  ] as const)('in %s (%s) writes the list and a citation of papers that cite alike as citeproc as shipped', (style, output) => {
    const options = { style, output: output as 'text' | 'html' }
    const quick = bibliographyOfRecords(papers, options)
    expect(quick).toBe(withCiteprocAsShipped(() => bibliographyOfRecords(papers, options)))
    // the twins are told apart by year suffixes
    if (style === 'apa') expect(quick).toMatch(/\(2019b\)|\(2020b\)/)
    const some = items.slice(0, 40)
    expect(formatCitation(some, options)).toBe(withCiteprocAsShipped(() => formatCitation(some, options)))
  })

  it('renders each paper of a set that cites alike a few times, not once per paper settled before it', () => {
    // the times citeproc renders a citation while `run` runs
    const count = (run: () => string): number => callsDuring('getCite', run)[1]
    const quick = count(() => bibliographyOfRecords(papers, { style: 'apa' }))
    const asShipped = count(() => withCiteprocAsShipped(() => bibliographyOfRecords(papers, { style: 'apa' })))
    console.log(`renders for ${papers.length} papers: ${quick}, as shipped ${asShipped}`)
    expect(quick).toBeLessThan(12 * papers.length)
  })
})
