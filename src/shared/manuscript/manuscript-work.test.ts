import { describe, expect, it, vi } from 'vitest'
import { styleSource } from '../export/styles'
import { formatManuscript, openManuscript, type FormatProgress } from './manuscript'
import { ManuscriptWork } from './manuscript-work'
import { makeDocx, para, partText, run, testLibrary, visibleText } from './manuscript.test-support'

// building a CSL engine takes seconds on a busy machine: a guard against hangs, not a speed test
vi.setConfig({ testTimeout: 120_000 })

const library = testLibrary()
const keys = library.map(item => item.citationKey!)
const draft = makeDocx(
  para(run(`Defeat raises it [@${keys[0]}] and so does isolation [@${keys[1]}; @${keys[2]}, p. 4].`)) +
    para(run(`Again [@${keys[0]}] and [PMID:99999999].`)) +
    para(run('[bibliography]'))
)

describe('the manuscript work the worker does', () => {
  it('opens, reviews and formats a document to the same copy as formatting it directly, reporting each citation', () => {
    const work = new ManuscriptWork()
    const opened = work.open(1, draft, 'Draft.docx')
    expect(opened).toEqual({ key: 1, name: 'Draft.docx', kind: 'docx', citations: 4 })
    const review = work.review(1, library)
    expect(review.problems.map(problem => problem.message)).toEqual(['PMID 99999999 is not in your library yet.'])

    const clean = makeDocx(para(run(`Defeat raises it [@${keys[0]}] and isolation [@${keys[1]}; @${keys[2]}, p. 4]. Again [@${keys[0]}].`)))
    work.open(2, clean, 'Clean.docx')
    const seen: FormatProgress[] = []
    const out = work.format(2, library, styleSource('vancouver-nlm'), {}, progress => seen.push(progress))
    const direct = formatManuscript(openManuscript(clean, 'Clean.docx'), library, 'vancouver-nlm')
    expect(out.fileName).toBe('Clean (Vancouver (NLM)).docx')
    expect(visibleText(partText(out.bytes, 'word/document.xml'))).toBe(visibleText(partText(direct.bytes, 'word/document.xml')))
    expect(visibleText(partText(out.bytes, 'word/document.xml'))).toMatch(/^Defeat raises it \(1\) and isolation \(2,3\)/)
    expect(seen.filter(p => p.stage === 'citations').map(p => p.stage === 'citations' && p.done)).toEqual([1, 2, 3])
    expect(seen[seen.length - 1]).toEqual({ stage: 'writing' })
  })

  it('refuses a document with the same sentence as before, and a forgotten one with a sentence too', () => {
    const work = new ManuscriptWork()
    const bad = new TextEncoder().encode('just some text, not a document')
    expect(() => work.open(1, bad, 'notes.docx')).toThrow('“notes.docx” is not a Word (.docx) or LibreOffice (.odt) document.')
    expect(() => openManuscript(bad, 'notes.docx')).toThrow('“notes.docx” is not a Word (.docx) or LibreOffice (.odt) document.')
    work.open(1, draft, 'One.docx')
    work.open(2, draft, 'Two.docx')
    work.open(3, draft, 'Three.docx')
    expect(work.has(1)).toBe(false)
    expect(() => work.review(1, library)).toThrow('The document is no longer open: choose it again.')
    expect(work.review(3, library).citations).toBe(4)
  })
})
