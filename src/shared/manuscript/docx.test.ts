import { describe, expect, it, vi } from 'vitest'
import { strToU8, zipSync } from 'fflate'
import { formatManuscript, openManuscript, reviewManuscript } from './manuscript'
import { readFieldCode } from './field-codes'
import { makeDocx, para, partBytes, partText, run, testLibrary, visibleText } from './manuscript.test-support'

// building a CSL engine for a large style (APA) takes seconds on a busy machine: a guard against hangs, not a speed test
vi.setConfig({ testTimeout: 120_000 })

const library = testLibrary()
const key = (pmid: string) => library.find(item => item.pmid === pmid)!.citationKey!
const SEED = key('33673448')
const NEJM = key('23121403')
const OXT = key('38147649')
const KB220 = key('32934823')

function instructions(xml: string): string[] {
  return [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map(m =>
    m[1]
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
  )
}

function format(body: string, style: string, opts: Parameters<typeof makeDocx>[1] = {}) {
  const file = openManuscript(makeDocx(body, opts), 'Draft.docx')
  const out = formatManuscript(file, library, style)
  return { file, out, xml: partText(out.bytes, 'word/document.xml'), text: visibleText(partText(out.bytes, 'word/document.xml')) }
}

describe('formatting a .docx manuscript', () => {
  it('finds a marker Word split over runs (formatting, spelling marks, a tracked insertion) and keeps the text around it', () => {
    const body = para(
      run('Social defeat '),
      run('[@', '<w:i/>'),
      '<w:proofErr w:type="spellStart"/>',
      run(SEED),
      '<w:proofErr w:type="spellEnd"/>',
      `<w:ins w:id="1" w:author="Coauthor" w:date="2024-01-01T00:00:00Z">${run(`; @${NEJM}, p. 12]`)}</w:ins>`,
      run(' raises cocaine seeking.', '<w:b/>')
    )
    const { file, text, xml } = format(body, 'apa')
    expect(file.citations.map(c => c.text)).toEqual([`[@${SEED}; @${NEJM}, p. 12]`])
    expect(text.split('\n')[0]).toBe('Social defeat (Brighton et al., 2012, p. 12; Ferrer-Pérez et al., 2021) raises cocaine seeking.')
    // the bold run after the marker is still bold, the tracked insertion is still there
    expect(xml).toMatch(/<w:b\/><\/w:rPr><w:t xml:space="preserve"> raises cocaine seeking.<\/w:t>/)
    expect(xml).toContain('w:author="Coauthor"')
    expect(xml).not.toContain('[@')
  })

  it('numbers a numeric style by first citation and collapses ranges', () => {
    const body = para(run(`First [@${OXT}].`)) + para(run(`Then [@${SEED}; @${NEJM}; @${KB220}] and again [@${OXT}].`))
    const { text } = format(body, 'vancouver-nlm')
    const lines = text.split('\n')
    expect(lines[0]).toBe('First (1).')
    expect(lines[1]).toBe('Then (2–4) and again (1).')
    expect(lines[2]).toBe('References')
    expect(lines[3]).toMatch(/^1\.\tRitz /)
    expect(lines[4]).toMatch(/^2\.\tFerrer-Pérez C, Castro-Zavala A/)
    expect(lines).toHaveLength(7)
  })

  it('writes each citation as a Zotero field with the CSL citation JSON and the bibliography as a ZOTERO_BIBL field', () => {
    const body = para(run(`See [see @${SEED}, pp. 3-5] and [-@${NEJM}].`))
    const { xml, text } = format(body, 'apa')
    const codes = instructions(xml)
    expect(codes).toHaveLength(3)
    const first = readFieldCode(codes[0])
    expect(codes[0]).toMatch(/^ ADDIN ZOTERO_ITEM CSL_CITATION \{/)
    if (first?.kind !== 'citation') throw new Error('not a citation field')
    const { citation } = first
    expect(citation.schema).toBe('https://github.com/citation-style-language/schema/raw/master/csl-citation.json')
    expect(citation.citationID).toMatch(/^\w{8}$/)
    expect(citation.properties.plainCitation).toBe('(see Ferrer-Pérez et al., 2021, pp. 3–5)')
    expect(text).toContain(citation.properties.plainCitation)
    expect(citation.properties.noteIndex).toBe(0)
    expect(citation.citationItems).toHaveLength(1)
    const [item] = citation.citationItems
    expect(item).toMatchObject({ id: SEED, locator: '3-5', label: 'page', prefix: 'see' })
    expect(item.itemData).toMatchObject({
      id: SEED,
      type: 'article-journal',
      DOI: '10.3390/ijms22052372',
      PMID: '33673448',
      title: expect.stringContaining('Oxytocin Prevents')
    })
    const second = readFieldCode(codes[1])
    expect(second?.kind === 'citation' && second.citation.citationItems[0]['suppress-author']).toBe(true)
    expect(text).toContain('and (2012).')
    expect(codes[2]).toBe(' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY ')
  })

  it('puts the bibliography where [bibliography] stands, and formats citations in tables and footnotes', () => {
    const table = `<w:tbl><w:tr><w:tc><w:p>${run(`Cell [PMID:33673448]`)}</w:p></w:tc></w:tr></w:tbl>`
    const body =
      para(run('Intro'), '<w:r><w:footnoteReference w:id="1"/></w:r>', run('.')) +
      table +
      para(run('Bibliography')) +
      para(run('[bibliography]')) +
      para(run('Appendix text.'))
    const footnote = `<w:footnote w:id="1"><w:p>${run(`As shown {Ferrer-Pérez et al., 2021}.`)}</w:p></w:footnote>`
    const { out, text } = format(body, 'apa', { footnotes: footnote })
    expect(text.split('\n')).toEqual([
      'Intro.',
      'Cell (Ferrer-Pérez et al., 2021)',
      'Bibliography',
      expect.stringMatching(/^Ferrer-Pérez, C\., Castro-Zavala/),
      'Appendix text.'
    ])
    const notes = visibleText(partText(out.bytes, 'word/footnotes.xml'))
    expect(notes).toContain('As shown (Ferrer-Pérez et al., 2021).')
    const noteCode = readFieldCode(instructions(partText(out.bytes, 'word/footnotes.xml'))[0])
    expect(noteCode?.kind === 'citation' && noteCode.citation.properties.noteIndex).toBe(1)
  })

  it('keeps every part it does not need to change byte for byte, and adds only the document preferences', () => {
    const image = new Uint8Array(5000).map((_, i) => (i * 7919) % 251)
    const bytes = makeDocx(para(run(`Text [@${SEED}].`)), { extra: { 'word/media/image1.png': image, 'word/styles.xml': strToU8('<w:styles xmlns:w="x"/>') } })
    const out = formatManuscript(openManuscript(bytes, 'Draft.docx'), library, 'apa')
    expect(partBytes(out.bytes, 'word/media/image1.png')).toEqual(image)
    expect(partBytes(out.bytes, 'word/styles.xml')).toEqual(partBytes(bytes, 'word/styles.xml'))
    // the only change to the package's list of parts: the custom properties that hold Zotero's document preferences
    const customType = '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    expect(partText(out.bytes, '[Content_Types].xml')).toBe(partText(bytes, '[Content_Types].xml').replace('</Types>', `${customType}</Types>`))
  })

  it('lists every marker that does not resolve, with its sentence, and writes nothing', () => {
    const body = para(run(`Known [@${SEED}]. Unknown here [@nobody2020]. New paper [PMID:99999999].`)) + para(run('Vague {Smith, 1990}.'))
    const file = openManuscript(makeDocx(body), 'Draft.docx')
    const review = reviewManuscript(file, library)
    expect(review.problems.map(p => [p.kind, p.message, p.sentence])).toEqual([
      ['unknown-key', 'No paper in your library has the citation key “nobody2020”.', 'Unknown here [@nobody2020].'],
      ['not-in-library', 'PMID 99999999 is not in your library yet.', 'New paper [PMID:99999999].'],
      ['no-match', 'No paper in your library matches “Smith, 1990”.', 'Vague {Smith, 1990}.']
    ])
    expect(review.problems[1].identifier).toEqual({ kind: 'pmid', value: '99999999' })
    expect(() => formatManuscript(file, library, 'apa')).toThrow(
      /^Nothing was written: No paper in your library has the citation key “nobody2020”\. In: “Unknown here \[@nobody2020\]\.” \(and 2 more\)$/
    )
  })

  it('asks which paper an ambiguous scannable cite means, and uses the choice', () => {
    const twins = [0, 1].map(n => ({
      ...library[0],
      pmid: undefined,
      doi: undefined,
      citationKey: `twin${n}`,
      csl: { ...library[0].csl, DOI: undefined, title: `Twin paper ${n}` }
    }))
    const file = openManuscript(makeDocx(para(run('Either {Ferrer-Pérez et al., 2021}.'))), 'Draft.docx')
    const review = reviewManuscript(file, twins)
    expect(review.problems[0].kind).toBe('ambiguous')
    expect(review.problems[0].candidates?.map(c => c.id)).toEqual(['twin0', 'twin1'])
    const out = formatManuscript(file, twins, 'apa', { choices: { 'c1/0': 'twin1' } })
    expect(visibleText(partText(out.bytes, 'word/document.xml'))).toContain('Twin paper 1')
  })
})

describe('files that are not manuscripts', () => {
  const refuse = (bytes: Uint8Array, name: string) => () => openManuscript(bytes, name)
  it('says how to handle an old .doc, a password-protected file, a damaged zip and other files', () => {
    const ole = new Uint8Array(2048)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(refuse(ole, 'old.doc')).toThrow(
      '“old.doc” is an old Word document (.doc). Open it in Word or LibreOffice and save it as .docx, then format that file.'
    )
    const encrypted = ole.slice()
    ;[...'EncryptionInfo'].forEach((ch, i) => (encrypted[1024 + i * 2] = ch.charCodeAt(0)))
    expect(refuse(encrypted, 'secret.docx')).toThrow(/^“secret\.docx” is protected by a password\./)
    const good = makeDocx(para(run('x')))
    expect(refuse(good.slice(0, good.length / 2), 'cut.docx')).toThrow(/^“cut\.docx” is damaged/)
    expect(refuse(strToU8('%PDF-1.7 not a document'), 'paper.pdf')).toThrow('“paper.pdf” is not a Word (.docx) or LibreOffice (.odt) document.')
    expect(refuse(zipSync({ 'a.txt': strToU8('hello') }), 'notes.zip')).toThrow(
      '“notes.zip” is a zip file but not a Word (.docx) or LibreOffice (.odt) document.'
    )
  })
})
