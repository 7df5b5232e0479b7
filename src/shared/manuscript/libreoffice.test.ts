// Documents written by LibreOffice itself go in; every document Neuroref
// writes must open in LibreOffice (headless) and read as formatted text.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { strToU8 } from 'fflate'
import { formatManuscript, openManuscript } from './manuscript'
import { testLibrary } from './manuscript.test-support'
import { convertWithLibreOffice, type Converted } from './office.test-support'

// building a CSL engine for a large style (APA) takes seconds on a busy machine: a guard against hangs, not a speed test
vi.setConfig({ testTimeout: 120_000 })

const library = testLibrary()
const key = (pmid: string) => library.find(item => item.pmid === pmid)!.citationKey!

/** A flat OpenDocument manuscript as a researcher might type it: a split marker, a footnote, a table. */
function manuscriptFodt(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">Oxytocin and social defeat</text:h>
<text:p>Social defeat increases cocaine reward [@<text:span text:style-name="T1">${key('33673448')}</text:span>; @${key('23121403')}, p. 12].</text:p>
<text:p>A note follows<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>As reviewed [@${key('38147649')}].</text:p></text:note-body></text:note>.</text:p>
<table:table table:name="Results"><table:table-column/><table:table-row><table:table-cell office:value-type="string"><text:p>Cell [PMID:33673448]</text:p></table:table-cell></table:table-row></table:table>
<text:p>[bibliography]</text:p>
<text:p>Acknowledgements stay here.</text:p>
</office:text></office:body></office:document>
`
}

/** The APA copy as LibreOffice shows it: citations in the text and the table, the bibliography at [bibliography]. */
function expectApaText(apa: Converted): void {
  expect(apa.ok).toBe(true)
  const lines = apa.text.split(/\r?\n/).filter(Boolean)
  expect(lines).toContain('Social defeat increases cocaine reward (Brighton et al., 2012, p. 12; Ferrer-Pérez et al., 2021).')
  expect(lines).toContain('Cell (Ferrer-Pérez et al., 2021)')
  const bib = lines.findIndex(line => line.startsWith('Brighton, T. A.'))
  expect(lines[bib + 1]).toMatch(/^Ferrer-Pérez, C\., Castro-Zavala, A\./)
  expect(lines[bib + 2]).toMatch(/^Ritz, /)
  expect(lines[bib + 3]).toBe('Acknowledgements stay here.')
  expect(apa.text).not.toMatch(/\[@|\[bibliography\]|\[PMID/)
}

let fromLibreOffice: Map<string, Converted>
let odtFromLibreOffice: Converted
let written: Map<string, Converted>

beforeAll(() => {
  fromLibreOffice = convertWithLibreOffice([{ name: 'manuscript.fodt', bytes: strToU8(manuscriptFodt()) }], 'docx')
  const docx = fromLibreOffice.get('manuscript.fodt')!
  expect(docx.ok).toBe(true)
  odtFromLibreOffice = convertWithLibreOffice([{ name: 'manuscript.fodt', bytes: strToU8(manuscriptFodt()) }], 'odt').get('manuscript.fodt')!
  expect(odtFromLibreOffice.ok).toBe(true)
  const file = openManuscript(docx.bytes, 'manuscript.docx')
  const outputs = ['apa', 'vancouver-nlm'].map(style => ({ name: `${style}.docx`, bytes: formatManuscript(file, library, style).bytes }))
  const odtApa = formatManuscript(openManuscript(odtFromLibreOffice.bytes, 'manuscript.odt'), library, 'apa').bytes
  // re-format the .odt from its own reference marks alone (empty library)
  const odtNature = formatManuscript(openManuscript(odtApa, 'manuscript.odt'), [], 'nature').bytes
  written = convertWithLibreOffice([...outputs, { name: 'apa.odt', bytes: odtApa }, { name: 'nature.odt', bytes: odtNature }], 'txt')
}, 300_000)

describe('LibreOffice', () => {
  it('reads a .docx that LibreOffice wrote and finds its markers, including the one in the footnote', () => {
    const file = openManuscript(fromLibreOffice.get('manuscript.fodt')!.bytes, 'manuscript.docx')
    expect(file.citations.map(c => [c.text, c.inNote])).toEqual([
      [`[@${key('33673448')}; @${key('23121403')}, p. 12]`, false],
      [`[@${key('38147649')}]`, true],
      ['[PMID:33673448]', false]
    ])
  })

  // LibreOffice's text export leaves footnotes out: docx.test.ts checks the footnote part itself
  it('opens what Neuroref wrote in APA and shows citations, table and bibliography as text', () => {
    expectApaText(written.get('apa.docx')!)
  })

  it('opens the Vancouver copy: numbered by first citation, the note counted where it stands', () => {
    const text = written.get('vancouver-nlm.docx')!.text
    expect(text).toContain('Social defeat increases cocaine reward (1,2).')
    expect(text).toContain('Cell (1)')
    expect(text).toMatch(/1\.\tFerrer-Pérez C, Castro-Zavala A[^\n]*\n2\.\tBrighton TA[^\n]*\n3\.\tRitz/)
  })

  it('reads an .odt that LibreOffice wrote, with the marker in its footnote', () => {
    const file = openManuscript(odtFromLibreOffice.bytes, 'manuscript.odt')
    expect(file.kind).toBe('odt')
    expect(file.citations.map(c => [c.text, c.inNote])).toEqual([
      [`[@${key('33673448')}; @${key('23121403')}, p. 12]`, false],
      [`[@${key('38147649')}]`, true],
      ['[PMID:33673448]', false]
    ])
  })

  it('opens the .odt Neuroref wrote in APA, and its re-format in Nature, as text with citations and bibliography', () => {
    expectApaText(written.get('apa.odt')!)
    const nature = written.get('nature.odt')!
    expect(nature.ok).toBe(true)
    const natureLines = nature.text.split(/\r?\n/).filter(Boolean)
    expect(natureLines).toContain('Social defeat increases cocaine reward 1,2.')
    expect(natureLines).toContain('Cell 1')
    expect(nature.text).toMatch(/1\.\tFerrer-Pérez, C\. et al\.[^\n]*\n2\.\tBrighton, T\. A\. et al\.[^\n]*\n3\.\tRitz, N\. L\. et al\./)
    expect(nature.text).not.toMatch(/\[@|\[bibliography\]|\[PMID/)
  })
})
