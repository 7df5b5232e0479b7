// Zotero's document preferences through real LibreOffice: a document that
// LibreOffice wrote (with a coauthor's Zotero preferences in its properties)
// gives its style; the copy Neuroref writes carries the new style, and the
// preferences survive LibreOffice opening it and saving it again.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { strToU8 } from 'fflate'
import { openDocument } from './container'
import { readProperties } from './document-properties'
import { formatManuscript, openManuscript } from './manuscript'
import { testLibrary } from './manuscript.test-support'
import { convertWithLibreOffice, type Converted } from './office.test-support'

// LibreOffice starts take seconds on a busy machine: a guard against hangs, not a speed test
vi.setConfig({ testTimeout: 120_000 })

const library = testLibrary()
const SEED = library[0].citationKey!

/** What Zotero's LibreOffice plugin keeps for a document in Nature, British English: more than one 255-character property. */
const ZOTERO_DATA =
  '<data data-version="3" zotero-version="7.0.11"><session id="Ab3dE6gH"/><style id="http://www.zotero.org/styles/nature" locale="en-GB" hasBibliography="1" bibliographyStyleHasBeenSet="0"/><prefs><pref name="fieldType" value="ReferenceMark"/><pref name="automaticJournalAbbreviations" value="true"/></prefs></data>'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function manuscriptFodt(): string {
  const chunks = [0, 1].map(i => ZOTERO_DATA.slice(i * 255, (i + 1) * 255))
  const properties = chunks.map(
    (chunk, i) => `<meta:user-defined meta:name="ZOTERO_PREF_${i + 1}" meta:value-type="string">${escape(chunk)}</meta:user-defined>`
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:user-defined meta:name="Project" meta:value-type="string">Oxytocin &amp; defeat</meta:user-defined>${properties.join('')}</office:meta>
<office:body><office:text>
<text:p>Social defeat increases cocaine reward [@${SEED}].</text:p>
</office:text></office:body></office:document>
`
}

let docx: Converted
let odt: Converted
let roundTrip: Map<string, Converted>

beforeAll(() => {
  const source = [{ name: 'coauthor.fodt', bytes: strToU8(manuscriptFodt()) }]
  docx = convertWithLibreOffice(source, 'docx').get('coauthor.fodt')!
  odt = convertWithLibreOffice(source, 'odt').get('coauthor.fodt')!
  expect(docx.ok && odt.ok).toBe(true)
  const vancouverDocx = formatManuscript(openManuscript(docx.bytes, 'coauthor.docx'), library, 'vancouver-nlm').bytes
  const vancouverOdt = formatManuscript(openManuscript(odt.bytes, 'coauthor.odt'), library, 'vancouver-nlm').bytes
  // LibreOffice opens each copy and saves it again, as a coauthor would
  roundTrip = new Map([
    ...convertWithLibreOffice([{ name: 'docx-copy.docx', bytes: vancouverDocx }], 'docx'),
    ...convertWithLibreOffice([{ name: 'odt-copy.odt', bytes: vancouverOdt }], 'odt')
  ])
}, 300_000)

describe("Zotero's document preferences with LibreOffice", () => {
  it('reads the style and language from a .docx and an .odt that LibreOffice wrote', () => {
    for (const [bytes, name] of [
      [docx.bytes, 'coauthor.docx'],
      [odt.bytes, 'coauthor.odt']
    ] as const) {
      expect(openManuscript(bytes, name).prefs).toMatchObject({
        styleId: 'http://www.zotero.org/styles/nature',
        locale: 'en-GB',
        prefs: { fieldType: 'ReferenceMark', automaticJournalAbbreviations: 'true' }
      })
    }
  })

  it('keeps the new style and every other property when LibreOffice saves the formatted copy again', () => {
    for (const name of ['docx-copy.docx', 'odt-copy.odt']) {
      const saved = roundTrip.get(name)!
      expect(saved.ok).toBe(true)
      const again = openManuscript(saved.bytes, name)
      expect(again.prefs).toMatchObject({
        styleId: 'http://www.zotero.org/styles/vancouver-nlm',
        locale: 'en-US',
        prefs: { fieldType: name.endsWith('.docx') ? 'Field' : 'ReferenceMark', automaticJournalAbbreviations: 'true' }
      })
      // the citation is still a live field after LibreOffice saved it
      expect(again.citations.map(citation => citation.source)).toEqual(['field'])
    }
  })

  it("keeps the lab's own property through the round trip", () => {
    for (const name of ['docx-copy.docx', 'odt-copy.odt']) {
      expect(readProperties(openDocument(roundTrip.get(name)!.bytes, name)).get('Project')).toBe('Oxytocin & defeat')
    }
  })
})
