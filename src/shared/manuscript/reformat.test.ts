import { describe, expect, it, vi } from 'vitest'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { formatManuscript, openManuscript } from './manuscript'
import { readFieldCode } from './field-codes'
import { referenceImportSummary, referencesInDocument } from './references'
import { makeDocx, para, partText, run, testLibrary, visibleText } from './manuscript.test-support'

// building a CSL engine for a large style (APA) takes seconds on a busy machine: a guard against hangs, not a speed test
vi.setConfig({ testTimeout: 120_000 })

const library = testLibrary()
const key = (pmid: string) => library.find(item => item.pmid === pmid)!.citationKey!
const documentText = (bytes: Uint8Array) => visibleText(partText(bytes, 'word/document.xml'))

function withDocumentXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes)
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml'])))
  return zipSync(files)
}

/** A field as Zotero's Word plugin leaves it: the instruction split over runs, PMID in the "note" line, the bibliography over two paragraphs. */
function zoteroField(json: object, result: string): string {
  const code = ` ADDIN ZOTERO_ITEM CSL_CITATION ${JSON.stringify(json)} `.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
  const half = Math.floor(code.length / 2)
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve">${code.slice(0, half)}</w:instrText></w:r><w:r><w:instrText xml:space="preserve">${code.slice(half)}</w:instrText></w:r>` +
    `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
  )
}

const zoteroItem = {
  id: 1234,
  uris: ['http://zotero.org/users/local/abcd/items/XYZ12345'],
  itemData: {
    id: 1234,
    type: 'article-journal',
    title: 'Oxytocin Prevents the Increase of Cocaine-Related Responses Produced by Social Defeat',
    'container-title': 'International Journal of Molecular Sciences',
    author: [
      { family: 'Ferrer-Pérez', given: 'Carmen' },
      { family: 'Castro-Zavala', given: 'Adriana' },
      { family: 'Rodríguez-Arias', given: 'Marina' }
    ],
    issued: { 'date-parts': [['2021', 3, 1]] },
    volume: '22',
    issue: '5',
    page: '2372',
    DOI: '10.3390/ijms22052372',
    note: 'PMID: 33673448\nPMCID: PMC7956822'
  }
}
const noIdentifiers = {
  id: 77,
  itemData: {
    id: 77,
    type: 'book',
    title: 'Behavioral Neuroendocrinology',
    author: [{ family: 'Nelson', given: 'Randy J.' }],
    issued: { 'date-parts': [[2016]] }
  }
}

function zoteroDocx(): Uint8Array {
  const citation = (items: object[], result: string) =>
    zoteroField(
      { citationID: 'a1b2c3d4', properties: { formattedCitation: result, plainCitation: result, noteIndex: 0 }, citationItems: items, schema: 'x' },
      result
    )
  const bibCode = ' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY '.replace(/"/g, '&quot;')
  const bibliography =
    `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${bibCode}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('Ferrer-Pérez, C. … (2021).')}</w:p>` +
    `<w:p>${run('Nelson, R. J. (2016).')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
  return makeDocx(
    para(
      run('Defeat stress '),
      citation([zoteroItem], '(Ferrer-Pérez et al., 2021)'),
      run(' and a textbook '),
      citation([{ ...noIdentifiers, locator: '45', label: 'page' }], '(Nelson, 2016, p. 45)'),
      run('.')
    ) +
      para(run('Again '), citation([zoteroItem], '(Ferrer-Pérez et al., 2021)'), run('.')) +
      para(run('References')) +
      bibliography
  )
}

describe('re-formatting a document that already has live citations', () => {
  it('formats in APA, re-formats in Vancouver from the embedded data alone, and imports the same papers with their identifiers', () => {
    const body = para(run(`Stress [@${key('33673448')}; @${key('23121403')}, p. 12] and [PMID:38147649].`)) + para(run(`Later [@${key('23121403')}].`))
    const apa = formatManuscript(openManuscript(makeDocx(body), 'Draft.docx'), library, 'apa')
    expect(apa.fileName).toBe('Draft (APA 7th edition).docx')
    // an empty library: the document carries its references
    const vancouver = formatManuscript(openManuscript(apa.bytes, apa.fileName), [], 'vancouver-nlm')
    expect(vancouver.fileName).toBe('Draft (Vancouver (NLM)).docx')
    const lines = documentText(vancouver.bytes).split('\n')
    expect(lines.slice(0, 3)).toEqual(['Stress (1,2) and (3).', 'Later (2).', 'References'])
    expect(lines.slice(3).map(line => line.split(',')[0])).toEqual(['1.\tFerrer-Pérez C', '2.\tBrighton TA', '3.\tRitz NL'])
    const refs = referencesInDocument(openManuscript(vancouver.bytes, vancouver.fileName))
    expect(refs.collectionName).toBe('Draft (Vancouver (NLM))')
    expect(refs.records.map(r => [r.pmid, r.doi])).toEqual([
      ['33673448', '10.3390/ijms22052372'],
      ['23121403', '10.1056/nejmoa1210384'],
      ['38147649', '10.1073/pnas.2308706120']
    ])
    expect(refs.records[0].csl.title).toBe(library[0].csl.title)
  })

  it('keeps what the researcher typed around a citation after it was formatted', () => {
    const apa = formatManuscript(openManuscript(makeDocx(para(run(`Stress [@${key('33673448')}] rises.`))), 'Draft.docx'), library, 'apa')
    const edited = withDocumentXml(apa.bytes, xml => xml.replace('>Stress <', '>Chronic stress, as shown <').replace('> rises.<', '>, rises sharply.<'))
    const again = formatManuscript(openManuscript(edited, 'Draft.docx'), [], 'nature')
    expect(documentText(again.bytes).split('\n')[0]).toBe('Chronic stress, as shown 1, rises sharply.')
  })

  it('re-formats a document Zotero wrote (split instructions, numeric ids, a bibliography over two paragraphs) and imports its papers', () => {
    const file = openManuscript(zoteroDocx(), 'Coauthor draft.docx')
    expect(file.citations.map(c => [c.source, c.origin, c.text])).toEqual([
      ['field', 'zotero', '(Ferrer-Pérez et al., 2021)'],
      ['field', 'zotero', '(Nelson, 2016, p. 45)'],
      ['field', 'zotero', '(Ferrer-Pérez et al., 2021)']
    ])
    const out = formatManuscript(file, [], 'vancouver-nlm')
    const lines = documentText(out.bytes).split('\n')
    expect(lines.slice(0, 3)).toEqual(['Defeat stress (1) and a textbook (2).', 'Again (1).', 'References'])
    expect(lines[3]).toMatch(/^1\.\tFerrer-Pérez C, Castro-Zavala A, Rodríguez-Arias M\. Oxytocin Prevents/)
    expect(lines[4]).toMatch(/^2\.\tNelson RJ\. Behavioral Neuroendocrinology/)
    expect(lines).toHaveLength(5)
    const xml = partText(out.bytes, 'word/document.xml')
    const codes = [...xml.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map(m => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    expect(codes).toHaveLength(4)
    const first = readFieldCode(codes[0])
    expect(first?.kind === 'citation' && first.citation.citationID).toBe('a1b2c3d4')
    expect(first?.kind === 'citation' && first.citation.properties.plainCitation).toBe('(1)')

    const refs = referencesInDocument(openManuscript(zoteroDocx(), 'Coauthor draft.docx'))
    expect(refs.records.map(r => [r.csl.title, r.pmid, r.pmcid, r.doi])).toEqual([
      [zoteroItem.itemData.title, '33673448', 'PMC7956822', '10.3390/ijms22052372'],
      ['Behavioral Neuroendocrinology', undefined, undefined, undefined]
    ])
  })

  it('keeps a Mendeley citation a Mendeley field', () => {
    const json = { citationItems: [zoteroItem], mendeley: { formattedCitation: '(Ferrer-Pérez et al., 2021)' }, properties: { noteIndex: 0 }, schema: 'x' }
    const code = ` ADDIN CSL_CITATION ${JSON.stringify(json)} `.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
    const field = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>${code}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('(Ferrer-Pérez et al., 2021)')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
    const file = openManuscript(makeDocx(para(run('See '), field)), 'mendeley.docx')
    expect(file.citations[0].origin).toBe('mendeley')
    const out = formatManuscript(file, [], 'nature')
    const [instruction] = [...partText(out.bytes, 'word/document.xml').matchAll(/<w:instrText[^>]*>([^<]*)</g)].map(m => m[1].replace(/&quot;/g, '"'))
    expect(instruction).toMatch(/^ ADDIN CSL_CITATION \{/)
    expect(JSON.parse(instruction.replace(' ADDIN CSL_CITATION ', '')).mendeley.plainTextFormattedCitation).toBe('1')
  })

  it('says so when a document has no live citations to import', () => {
    const file = openManuscript(makeDocx(para(run(`Typed [@${key('33673448')}].`))), 'plain.docx')
    expect(() => referencesInDocument(file)).toThrow(/^“plain\.docx” has no Zotero, Mendeley or Neuroref citations to import/)
  })

  it('sums up an import the way the researcher reads it', () => {
    expect(referenceImportSummary({ cited: 84, already: 51, added: 33, withoutIdentifiers: 2 })).toBe(
      'Cited 84, already in library 51, added 33, 2 without identifiers kept as they were embedded.'
    )
  })
})
