import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { strToU8, zipSync } from 'fflate'
import { customStyleId, registerStyle } from '../export/styles'
import { documentData, prefProperties, readDocumentPrefs, type DocumentPrefs } from './document-prefs'
import { formatManuscript, openManuscript } from './manuscript'
import { makeDocx, para, partText, run, testLibrary, withCustomProperties, zoteroPrefProperties } from './manuscript.test-support'

// building a CSL engine takes seconds on a busy machine: a guard against hangs, not a speed test
vi.setConfig({ testTimeout: 120_000 })

const library = testLibrary()
const SEED = library[0].citationKey!

/** What Zotero 7 writes for a document in Nature, British English, with abbreviations on. */
const ZOTERO_DATA =
  '<data data-version="3" zotero-version="7.0.11"><session id="Ab3dE6gH"/><style id="http://www.zotero.org/styles/nature" locale="en-GB" hasBibliography="1" bibliographyStyleHasBeenSet="0"/><prefs><pref name="fieldType" value="Field"/><pref name="automaticJournalAbbreviations" value="true"/><pref name="dontAskDelayCitationUpdates" value="true"/></prefs></data>'

function chunks(text: string, base = 'ZOTERO_PREF'): Map<string, string> {
  const out = new Map<string, string>()
  for (let i = 0; i * 255 < text.length; i++) out.set(`${base}_${i + 1}`, text.slice(i * 255, (i + 1) * 255))
  return out
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The custom properties a .docx carries, by name, in their order. */
function customProperties(docx: Uint8Array): [string, string][] {
  const xml = partText(docx, 'docProps/custom.xml')
  return [...xml.matchAll(/<property [^>]*name="([^"]+)"[^>]*><vt:lpwstr>([^<]*)<\/vt:lpwstr><\/property>/g)].map(m => [
    m[1],
    m[2]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
  ])
}

/** A small .odt as LibreOffice lays it out (mimetype first and stored), with user-defined properties in meta.xml. */
function makeOdt(body: string, userDefined: string): Uint8Array {
  const office = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${office} xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`
    ),
    'meta.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta ${office} xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"><office:meta><meta:generator>LibreOffice/7.4</meta:generator>${userDefined}</office:meta></office:document-meta>`
    ),
    'META-INF/manifest.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
  })
}

const draft = makeDocx(para(run(`Social defeat raises cocaine reward [@${SEED}].`)))

describe("Zotero's document preferences", () => {
  it('reads the style and language from chunks of 255 characters, from the JSON of Zotero 5 betas, and from Mendeley', () => {
    const zotero = readDocumentPrefs(chunks(ZOTERO_DATA))
    expect(ZOTERO_DATA.length).toBeGreaterThan(255)
    expect(zotero).toEqual({
      styleId: 'http://www.zotero.org/styles/nature',
      locale: 'en-GB',
      hasBibliography: true,
      prefs: { fieldType: 'Field', automaticJournalAbbreviations: 'true', dontAskDelayCitationUpdates: 'true' },
      origin: 'zotero'
    })
    // the LibreOffice plugin's older name
    expect(readDocumentPrefs(chunks(ZOTERO_DATA, 'CSL_PREF'))?.styleId).toBe('http://www.zotero.org/styles/nature')
    const json = JSON.stringify({
      style: { styleID: 'http://www.zotero.org/styles/apa', locale: 'en-US', hasBibliography: true },
      prefs: { fieldType: 'Field', noteType: 0 },
      dataVersion: 4
    })
    expect(readDocumentPrefs(chunks(json))).toMatchObject({
      styleId: 'http://www.zotero.org/styles/apa',
      locale: 'en-US',
      prefs: { fieldType: 'Field', noteType: '0' }
    })
    expect(readDocumentPrefs(new Map([['Mendeley Citation Style_1', 'http://www.zotero.org/styles/cell']]))).toMatchObject({
      styleId: 'http://www.zotero.org/styles/cell',
      origin: 'mendeley'
    })
  })

  it('reads nothing from missing, broken or cut-off preferences', () => {
    expect(readDocumentPrefs(new Map())).toBeUndefined()
    expect(readDocumentPrefs(new Map([['ZOTERO_PREF_1', '<data><style']]))).toBeUndefined()
    // chunk 2 missing: Zotero stops at the first gap, and so does Neuroref
    const cut = chunks(ZOTERO_DATA)
    cut.delete('ZOTERO_PREF_2')
    expect(readDocumentPrefs(cut)).toBeUndefined()
    expect(readDocumentPrefs(new Map([['ZOTERO_PREF_1', '<data data-version="3"><prefs/></data>']]))).toBeUndefined()
  })

  it('writes what Zotero writes, in chunks of at most 255 characters that read back the same', () => {
    const prefs: DocumentPrefs = {
      styleId: 'http://www.zotero.org/styles/vancouver-nlm',
      locale: 'en-US',
      hasBibliography: true,
      prefs: { fieldType: 'Field', noteType: '0', automaticJournalAbbreviations: 'true', delayCitationUpdates: 'false', odd: 'a "quoted" <value> & more' },
      origin: 'zotero'
    }
    const text = documentData(prefs)
    expect(text).toMatch(
      /^<data data-version="3" zotero-version="Neuroref"><session id="[A-Za-z0-9]{8}"\/><style id="http:\/\/www\.zotero\.org\/styles\/vancouver-nlm" locale="en-US" hasBibliography="1" bibliographyStyleHasBeenSet="0"\/><prefs><pref name="fieldType" value="Field"\/><pref name="automaticJournalAbbreviations" value="true"\/>/
    )
    // Zotero leaves out preferences that are off
    expect(text).not.toMatch(/noteType|delayCitationUpdates/)
    const properties = prefProperties(prefs)
    expect(properties.map(([name]) => name)).toEqual(['ZOTERO_PREF_1', 'ZOTERO_PREF_2'])
    expect(properties.every(([, value]) => value.length <= 255)).toBe(true)
    const back = readDocumentPrefs(new Map(properties))!
    expect(back.styleId).toBe(prefs.styleId)
    expect(back.prefs.odd).toBe('a "quoted" <value> & more')
  })
})

describe('preferences in a formatted .docx', () => {
  it('are written when formatting a document that had none: the custom part, its content type and its relationship are added', () => {
    const out = formatManuscript(openManuscript(draft, 'Draft.docx'), library, 'vancouver-nlm').bytes
    expect(partText(out, '[Content_Types].xml')).toContain(
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    )
    expect(partText(out, '_rels/.rels')).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"'
    )
    const again = openManuscript(out, 'Draft (Vancouver).docx')
    expect(again.prefs).toEqual({
      styleId: 'http://www.zotero.org/styles/vancouver-nlm',
      locale: 'en-US',
      hasBibliography: true,
      prefs: { fieldType: 'Field' },
      origin: 'zotero'
    })
  })

  it("replace a coauthor's Zotero preferences with the new style, keep their other preferences and every other property", () => {
    const docx = withCustomProperties(draft, [...zoteroPrefProperties(ZOTERO_DATA), ['Project', 'Oxytocin & defeat']])
    const file = openManuscript(docx, 'Coauthor.docx')
    expect(file.prefs?.styleId).toBe('http://www.zotero.org/styles/nature')
    const out = formatManuscript(file, library, 'apa').bytes
    const properties = customProperties(out)
    expect(properties.filter(([name]) => name === 'Project')).toEqual([['Project', 'Oxytocin & defeat']])
    const prefs = readDocumentPrefs(new Map(properties))!
    expect(prefs).toMatchObject({
      styleId: 'http://www.zotero.org/styles/apa',
      locale: 'en-US',
      prefs: { fieldType: 'Field', automaticJournalAbbreviations: 'true', dontAskDelayCitationUpdates: 'true' }
    })
    // the old chunks are gone (not left behind a shorter text), every pid is its own
    const names = properties.map(([name]) => name).filter(name => name.startsWith('ZOTERO_PREF_'))
    expect(names).toEqual(names.map((_, i) => `ZOTERO_PREF_${i + 1}`))
    const pids = [...partText(out, 'docProps/custom.xml').matchAll(/pid="(\d+)"/g)].map(m => m[1])
    expect(new Set(pids).size).toBe(pids.length)
    // one content type and one relationship, not two
    expect(partText(out, '[Content_Types].xml').match(/docProps\/custom\.xml/g)).toHaveLength(1)
    expect(partText(out, '_rels/.rels').match(/custom-properties/g)).toHaveLength(1)
  })

  it('updates the style Mendeley keeps in a document it wrote, so Mendeley does not put the old one back', () => {
    const docx = withCustomProperties(draft, [
      ['Mendeley Citation Style_1', 'http://www.zotero.org/styles/apa'],
      ['Mendeley Recent Style Name 0_1', 'American Psychological Association 7th edition']
    ])
    expect(openManuscript(docx, 'Mendeley.docx').prefs).toMatchObject({ styleId: 'http://www.zotero.org/styles/apa', origin: 'mendeley' })
    const properties = new Map(customProperties(formatManuscript(openManuscript(docx, 'Mendeley.docx'), library, 'vancouver-nlm').bytes))
    expect(properties.get('Mendeley Citation Style_1')).toBe('http://www.zotero.org/styles/vancouver-nlm')
    expect(properties.get('Mendeley Recent Style Name 0_1')).toBe('American Psychological Association 7th edition')
    expect(readDocumentPrefs(properties)).toMatchObject({ styleId: 'http://www.zotero.org/styles/vancouver-nlm', origin: 'zotero' })
  })

  it("records a note style as footnotes (noteType 1), as Zotero does, under the style's own id", () => {
    const xml = readFileSync(join(import.meta.dirname, '../../../e2e/fixtures/csl/chicago-notes-bibliography.csl'), 'utf8')
    const chicago = registerStyle(customStyleId(xml), xml)
    const out = formatManuscript(openManuscript(draft, 'Draft.docx'), library, chicago.id).bytes
    const prefs = openManuscript(out, 'Draft.docx').prefs
    expect(prefs?.styleId).toBe(/<id>([^<]+)<\/id>/.exec(xml)![1])
    expect(prefs?.prefs).toEqual({ fieldType: 'Field', noteType: '1' })
  })
})

describe('preferences in a formatted .odt', () => {
  it('are user-defined properties in meta.xml, the other ones kept', () => {
    const meta = `<meta:user-defined meta:name="Project">Oxytocin</meta:user-defined>${[
      ...chunks(ZOTERO_DATA.replace('value="Field"', 'value="ReferenceMark"'))
    ]
      .map(([name, value]) => `<meta:user-defined meta:name="${name}" meta:value-type="string">${escape(value)}</meta:user-defined>`)
      .join('')}`
    const odt = makeOdt(`<text:p>Social defeat [@${SEED}].</text:p>`, meta)
    const file = openManuscript(odt, 'Coauthor.odt')
    expect(file.prefs).toMatchObject({ styleId: 'http://www.zotero.org/styles/nature', locale: 'en-GB', prefs: { fieldType: 'ReferenceMark' } })
    const out = formatManuscript(file, library, 'vancouver-nlm', { lang: 'en-GB' }).bytes
    const xml = partText(out, 'meta.xml')
    expect(xml).toContain('<meta:user-defined meta:name="Project">Oxytocin</meta:user-defined>')
    expect(openManuscript(out, 'Coauthor.odt').prefs).toMatchObject({
      styleId: 'http://www.zotero.org/styles/vancouver-nlm',
      locale: 'en-GB',
      prefs: { fieldType: 'ReferenceMark', automaticJournalAbbreviations: 'true' }
    })
  })
})
