// The worker's bibliography maker gives exactly what citation-js gives in one
// go (the way every reference list was made before it), in every output and
// several styles, with papers that need year suffixes; it reports progress
// entry by entry and hands a repeated list back from what it kept.
import { Cite } from '@citation-js/core'
import { describe, expect, it } from 'vitest'
import { fixtureItems } from '../../main/services/pubmed/fixture-items.test-support'
import { BibliographyMaker, type Progress } from './bibliography-maker'
import type { ExportItem } from './bibtex-fields'
import { cslRecords } from './csl-items'
import { exportItems } from './formats'
import type { StyledOutput } from './file-types'
import { findStyle, registerStyle } from './styles'
import { seedPaper } from './seed-paper.test-support'

/** The recorded PubMed papers, the seed paper, and three papers by the same first author in the same year (APA writes 2021a, b, c). */
function papers(): ExportItem[] {
  const real = [seedPaper, ...fixtureItems()]
  const sameYear = [1, 2, 3].map(n => ({
    ...seedPaper,
    id: `same-year-${n}`,
    pmid: undefined,
    doi: undefined,
    citationKey: undefined,
    csl: { ...seedPaper.csl, title: `Another paper of that year, number ${n}`, DOI: undefined, PMID: undefined }
  }))
  return [...real, ...sameYear]
}

/** How a reference list was made before the worker: citation-js in one call. */
function oneShot(items: ExportItem[], style: string, output: StyledOutput): string {
  return new Cite(cslRecords(items)).format('bibliography', { template: style, lang: findStyle(style)?.locale, format: output })
}

const STYLES = ['apa', 'nlm-citation-sequence', 'nature']

// citeproc compiles each style on first use: seconds on a busy machine.
describe('BibliographyMaker', { timeout: 60_000 }, () => {
  const items = papers()
  const records = cslRecords(items)

  it.each(STYLES)(
    '%s: the same text and HTML as citation-js in one call, after a warm-up of the engine',
    async style => {
      const maker = new BibliographyMaker()
      maker.warm(style)
      expect(await maker.make({ records, style, output: 'text' })).toBe(oneShot(items, style, 'text'))
      // HTML comes as a whole file around citeproc's fragment
      const html = await maker.make({ records, style, output: 'html' })
      expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true)
      expect(html).toContain(`<body>\n${oneShot(items, style, 'html')}\n</body>`)
    },
    60_000
  )

  it('writes year suffixes in APA where the first author and year repeat', async () => {
    const text = await new BibliographyMaker().make({ records, style: 'apa', output: 'text' })
    expect(text).toMatch(/\(2021a\)/)
    expect(text).toMatch(/\(2021c\)/)
  })

  it.each(['text', 'html', 'rtf'] as const)('%s: the same file as the export in this thread', async output => {
    expect(await new BibliographyMaker().make({ records, style: 'apa', output })).toBe(exportItems(items, 'bibliography', { style: 'apa', output }))
  })

  it('reports every entry as citeproc writes it, ending at the total', async () => {
    const seen: [number, number][] = []
    const progress: Progress = (done, total) => void seen.push([done, total])
    await new BibliographyMaker().make({ records, style: 'apa', output: 'text' }, progress)
    expect(seen).toHaveLength(items.length)
    expect(seen.map(([done]) => done)).toEqual(items.map((_, i) => i + 1))
    expect(seen.every(([, total]) => total === items.length)).toBe(true)
  })

  it('hands the same list back at once from what it kept, and makes a new one when a paper changed', async () => {
    const maker = new BibliographyMaker()
    const first = await maker.make({ records, style: 'apa', output: 'text' })
    const seen: number[] = []
    expect(await maker.make({ records: structuredClone(records), style: 'apa', output: 'text' }, done => void seen.push(done))).toBe(first)
    expect(seen).toEqual([records.length]) // one step: nothing was formatted again

    const changed = records.map((r, i) => (i === 0 ? { ...r, title: 'A changed title' } : r))
    const again = await maker.make({ records: changed, style: 'apa', output: 'text' })
    expect(again).toContain('A changed title')
    expect(again).not.toBe(first)
    expect(await maker.make({ records, style: 'nature', output: 'text' })).toBe(oneShot(items, 'nature', 'text'))
  })

  it("registers the researcher's own style it is sent, and formats with it", async () => {
    const xml = (await import('node:fs'))
      .readFileSync('resources/csl/apa.csl', 'utf8')
      .replace(/<title>[^<]*<\/title>/, '<title>Lab APA</title>')
      .replace(/<id>[^<]*<\/id>/, '<id>http://example.org/lab-apa</id>')
    const made = await new BibliographyMaker().make({ records, style: 'lab-apa-maker-test', output: 'text', customStyles: [{ id: 'lab-apa-maker-test', xml }] })
    expect(made).toBe(oneShot(items, 'apa', 'text'))
  })

  it("writes each paper's abstract and keywords where a style prints them (APA leaves them out unread)", async () => {
    registerStyle(
      'annotated-maker-test',
      `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Annotated</title><id>http://example.org/annotated-maker-test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <sort><key variable="title"/></sort>
    <layout><text variable="title" suffix=". "/><text variable="abstract" suffix=" "/><text variable="keyword" prefix="Keywords: "/></layout>
  </bibliography>
</style>`
    )
    const annotated = records.map((record, i) => ({ ...record, abstract: `What paper ${i} found.`, keyword: `oxytocin, trust ${i}` }))
    const request = { records: annotated, style: 'annotated-maker-test', output: 'text' as const }
    const expected = new Cite(annotated).format('bibliography', { template: 'annotated-maker-test', format: 'text' })
    // one run, and in pieces of two papers
    for (const maker of [new BibliographyMaker(), new BibliographyMaker({ pieceSize: 2 })]) {
      const made = await maker.make(request)
      expect(made).toBe(expected)
      annotated.forEach((_, i) => expect(made).toContain(`What paper ${i} found. Keywords: oxytocin, trust ${i}`))
    }
  })
})
