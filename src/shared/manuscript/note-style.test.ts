// A note style (Chicago notes and bibliography) puts every body citation into
// a footnote of its own, numbered with the footnotes already there.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { customStyleId, registerStyle } from '../export/styles'
import { readFieldCode } from './field-codes'
import { formatManuscript, openManuscript } from './manuscript'
import { makeDocx, para, partText, run, testLibrary, visibleText } from './manuscript.test-support'

// building a CSL engine for a large style takes seconds on a busy machine: a guard against hangs, not a speed test
vi.setConfig({ testTimeout: 120_000 })

const xml = readFileSync(join(import.meta.dirname, '../../../e2e/fixtures/csl/chicago-notes-bibliography.csl'), 'utf8')
const style = registerStyle(customStyleId(xml), xml)
const library = testLibrary()
const key = (pmid: string) => library.find(item => item.pmid === pmid)!.citationKey!

function noteCodes(xml: string) {
  return [...xml.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map(m => readFieldCode(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')))
}

describe('a note style', () => {
  it('moves body citations into new footnotes, numbered with the existing note, and shortens a repeated citation', () => {
    const body =
      para(run(`Social defeat matters [@${key('33673448')}].`)) +
      para(run('An existing note'), '<w:r><w:footnoteReference w:id="1"/></w:r>', run(` and again [@${key('33673448')}, p. 4].`))
    const footnote = `<w:footnote w:id="1"><w:p>${run(`Compare [@${key('23121403')}].`)}</w:p></w:footnote>`
    const out = formatManuscript(openManuscript(makeDocx(body, { footnotes: footnote }), 'Draft.docx'), library, style.id)
    const document = partText(out.bytes, 'word/document.xml')
    expect(visibleText(document).split('\n').slice(0, 2)).toEqual(['Social defeat matters.', 'An existing note and again.'])
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map(m => m[1])).toEqual(['2', '1', '3'])
    const notes = partText(out.bytes, 'word/footnotes.xml')
    const texts = visibleText(notes).split('\n').filter(Boolean)
    expect(texts[0]).toMatch(/^Compare Timothy A\. Brighton et al\., “Low-Dose Aspirin/)
    expect(texts[1]).toMatch(
      /^ Carmen Ferrer-Pérez et al\., “Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat,” International Journal of Molecular Sciences 22, no\. 5/
    )
    // the repeated citation takes the style's short form: family names only, then the page
    expect(texts[2]).toBe(' Ferrer-Pérez et al., “Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat,” 4.')
    const indexes = noteCodes(notes).map(code => (code?.kind === 'citation' ? code.citation.properties.noteIndex : undefined))
    expect(indexes).toEqual([2, 1, 3])
  })

  it('creates the footnotes part when the document has none', () => {
    const out = formatManuscript(openManuscript(makeDocx(para(run(`Defeat [@${key('33673448')}].`))), 'Draft.docx'), library, style.id)
    expect(partText(out.bytes, '[Content_Types].xml')).toContain(
      '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    )
    expect(partText(out.bytes, 'word/_rels/document.xml.rels')).toContain('Target="footnotes.xml"')
    expect(visibleText(partText(out.bytes, 'word/footnotes.xml'))).toContain('Carmen Ferrer-Pérez et al.')
  })
})
