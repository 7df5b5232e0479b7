// Test support: small .docx packages written with fflate around a given body
// (WordprocessingML), and the text a reader sees in a part. Used by unit and
// end-to-end tests alike, so it imports nothing from the app.
import { DOMParser, type Element } from '@xmldom/xmldom'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>FOOTNOTES</Types>`
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">FOOTNOTES</Relationships>`

/** A minimal .docx around a body's paragraphs (WordprocessingML), with footnotes when given. */
export function makeDocx(body: string, opts: { footnotes?: string; extra?: Record<string, Uint8Array> } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      CONTENT_TYPES.replace(
        'FOOTNOTES',
        opts.footnotes
          ? '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
          : ''
      )
    ),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr/></w:body></w:document>`
    ),
    'word/_rels/document.xml.rels': strToU8(
      DOC_RELS.replace(
        'FOOTNOTES',
        opts.footnotes
          ? '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
          : ''
      )
    ),
    ...opts.extra
  }
  if (opts.footnotes) {
    files['word/footnotes.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="${W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${opts.footnotes}</w:footnotes>`
    )
  }
  return zipSync(files)
}

export function partText(bytes: Uint8Array, part: string): string {
  const files = unzipSync(bytes, { filter: file => file.name === part })
  return files[part] ? strFromU8(files[part]) : ''
}

export function partBytes(bytes: Uint8Array, part: string): Uint8Array | undefined {
  return unzipSync(bytes, { filter: file => file.name === part })[part]
}

/** The text a reader sees in a part: w:t contents, a line per paragraph, deleted text and field codes left out. */
export function visibleText(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml')
  const lines: string[] = []
  const walk = (node: Element, line: string[]): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue
      const el = child as Element
      if (el.localName === 'del') continue
      if (el.localName === 'p') {
        const inner: string[] = []
        walk(el, inner)
        lines.push(inner.join(''))
      } else if (el.localName === 't') line.push(el.textContent ?? '')
      else if (el.localName === 'tab' && el.parentNode && (el.parentNode as Element).localName === 'r') line.push('\t')
      else walk(el, line)
    }
  }
  walk(doc.documentElement!, [])
  return lines.join('\n')
}

/** A run of text as Word writes it. */
export const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`
export const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`

/** A citation field as Zotero's Word plugin writes it: the CSL citation JSON in the instruction, the formatted text as its result. */
export function zoteroCitationField(itemData: Record<string, unknown>[], shown: string): string {
  const citation = {
    citationID: `z${itemData.map(item => item.id).join('')}`,
    properties: { formattedCitation: shown, plainCitation: shown, noteIndex: 0 },
    citationItems: itemData.map(item => ({ id: item.id, uris: [`http://zotero.org/users/local/abc/items/${item.id}`], itemData: item })),
    schema: 'https://github.com/citation-style-language/schema/raw/master/csl-citation.json'
  }
  const code = ` ADDIN ZOTERO_ITEM CSL_CITATION ${JSON.stringify(citation)} `.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve">${code}</w:instrText></w:r>` +
    `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(shown)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
  )
}

/** The .docx with custom document properties (docProps/custom.xml) as Word writes them, registered in the package. */
export function withCustomProperties(docx: Uint8Array, properties: [string, string][]): Uint8Array {
  const files = unzipSync(docx)
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const list = properties
    .map(
      ([name, value], i) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${name}"><vt:lpwstr>${escape(value)}</vt:lpwstr></property>`
    )
    .join('')
  files['docProps/custom.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${list}</Properties>`
  )
  files['[Content_Types].xml'] = strToU8(
    strFromU8(files['[Content_Types].xml']).replace(
      '</Types>',
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'
    )
  )
  files['_rels/.rels'] = strToU8(
    strFromU8(files['_rels/.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'
    )
  )
  return zipSync(files)
}

/** Zotero's document preferences split as its plugins store them: ZOTERO_PREF_1 … of 255 characters each. */
export function zoteroPrefProperties(data: string): [string, string][] {
  const out: [string, string][] = []
  for (let i = 0; i * 255 < data.length; i++) out.push([`ZOTERO_PREF_${i + 1}`, data.slice(i * 255, (i + 1) * 255)])
  return out
}
