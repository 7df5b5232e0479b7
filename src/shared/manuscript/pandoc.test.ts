// Side by side with pandoc --citeproc (Debian's pandoc 2.17, Haskell citeproc)
// on the same manuscript, the same CSL-JSON and the same style file. The
// manuscript .docx itself is written by pandoc from the Markdown (markers kept
// as text), so this is also a document Neuroref did not write.
// CI installs pandoc; locally: apt-get install -y pandoc
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { cslRecords } from '../export/csl-items'
import { formatManuscript, openManuscript } from './manuscript'
import { partText, testLibrary, visibleText } from './manuscript.test-support'

// building a CSL engine for a large style (APA) takes seconds on a busy machine: a guard against hangs, not a speed test
vi.setConfig({ testTimeout: 120_000 })

const CSL_DIR = join(import.meta.dirname, '../../../resources/csl')
const dir = mkdtempSync(join(tmpdir(), 'neuroref-pandoc-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const library = testLibrary()
const key = (pmid: string) => library.find(item => item.pmid === pmid)!.citationKey!

const manuscript = [
  `Social defeat raises cocaine reward [@${key('33673448')}; @${key('23121403')}, p. 12].`,
  `Oxytocin and vasopressin [see @${key('38147649')}, pp. 3-5] and [-@${key('32934823')}].`,
  `Again [@${key('33673448')}] and [@${key('12091962')}; @${key('11748933')}; @${key('11700088')}].`,
  `Chapters too [@${key('20821847')}, chap. 2].`
]

function pandoc(args: string[]): string {
  const run = spawnSync('pandoc', args, { cwd: dir, encoding: 'utf8', timeout: 60_000 })
  if (run.error) throw new Error(`pandoc could not be run (${run.error.message}). Install it: apt-get install -y pandoc`)
  if (run.status !== 0) throw new Error(`pandoc failed: ${run.stderr}`)
  return run.stdout
}

/** Paragraphs of pandoc's plain-text output with citeproc, and of Neuroref's .docx made from the same Markdown. */
function sideBySide(styleFile: string, styleId: string): { pandoc: string[]; neuroref: string[] } {
  writeFileSync(join(dir, 'refs.json'), JSON.stringify(cslRecords(library)))
  writeFileSync(join(dir, 'paper.md'), `${manuscript.join('\n\n')}\n\n[bibliography]\n`)
  writeFileSync(join(dir, 'paper-pandoc.md'), `${manuscript.join('\n\n')}\n\n::: {#refs}\n:::\n`)
  pandoc(['paper.md', '-o', 'paper.docx'])
  const plain = pandoc(['paper-pandoc.md', '--citeproc', '--csl', join(CSL_DIR, styleFile), '--bibliography', 'refs.json', '-t', 'plain', '--wrap=none'])
  const docx = new Uint8Array(readFileSync(join(dir, 'paper.docx')))
  const out = formatManuscript(openManuscript(docx, 'paper.docx'), library, styleId)
  return {
    pandoc: plain
      .split(/\n\n+/)
      .map(p => p.trim())
      .filter(Boolean),
    neuroref: visibleText(partText(out.bytes, 'word/document.xml'))
      .split('\n')
      .map(line => line.replace(/^(\d+)\.\t/, '$1. ').trim())
      .filter(Boolean)
  }
}

/** Where the two engines differ: [Neuroref's text, pandoc's text] pairs that are expected, each with its reason. */
function differences(neuroref: string[], pandoc: string[]): [string, string][] {
  return neuroref.map((line, i): [string, string] => [line, pandoc[i]]).filter(([a, b]) => a !== b)
}

describe('the same manuscript through pandoc --citeproc and through Neuroref', () => {
  it('agrees in APA on every citation and bibliography entry but two, each explained', () => {
    const { pandoc, neuroref } = sideBySide('apa.csl', 'apa')
    expect(neuroref).toHaveLength(pandoc.length)
    expect(differences(neuroref, pandoc)).toEqual([
      // pandoc 2.17 reads "chap. 2" as a bare locator and drops the label; the CSL label is "chapter", which APA prints "Chapter 2"
      ['Chapters too (Nussey & Whitehead, 2001, Chapter 2).', 'Chapters too (Nussey & Whitehead, 2001, 2).'],
      // citeproc-js puts a narrow no-break space (U+202F) before a colon inside a title, pandoc keeps the plain space
      [expect.stringContaining('(San Diego, Calif.\u202f: 1997)'), expect.stringContaining('(San Diego, Calif. : 1997)')]
    ])
  })

  it('agrees in NLM citation-sequence (Vancouver) on numbering and every entry after the author list', () => {
    const { pandoc, neuroref } = sideBySide('nlm-citation-sequence.csl', 'nlm-citation-sequence')
    expect(neuroref).toHaveLength(pandoc.length)
    const citations = manuscript.length
    expect(neuroref.slice(0, citations)).toEqual(pandoc.slice(0, citations))
    expect(neuroref.slice(0, citations)).toEqual([
      'Social defeat raises cocaine reward (1,2).',
      'Oxytocin and vasopressin (see 3) and (4).',
      'Again (1) and (5–7).',
      'Chapters too (8).'
    ])
    // pandoc 2.17 (Haskell citeproc 0.6) ignores the style's initialize-with="" and writes full given names first
    // ("Carmen Ferrer-Pérez"), where the style asks for "Ferrer-Pérez C" and "et al." after six: compare what follows the names
    const afterNames = (entry: string) => entry.replace(/^(\d+)\. [^.]*?(?:, et al)?\. /, '$1. ')
    expect(neuroref.slice(citations).map(afterNames)).toEqual(pandoc.slice(citations).map(afterNames))
    expect(neuroref[citations]).toMatch(/^1\. Ferrer-Pérez C, Castro-Zavala A, Luján MÁ, Martín-García E, Maldonado R, Miñarro J, et al\. Oxytocin/)
    expect(pandoc[citations]).toMatch(/^1\. Carmen Ferrer-Pérez, Adriana Castro-Zavala, .*, Marina Rodríguez-Arias\. Oxytocin/)
  })
})
