// A .docx manuscript: its citations (typed markers and live fields) in
// reading order, and a writer that turns each into a Zotero-compatible field
// showing the formatted citation, puts the bibliography in its place, and
// changes nothing else in the document.
import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom'
import type { DocumentPackage } from './container'
import { writeDocument } from './container'
import { W, child, fieldCharRun, fieldRuns, instructionRun, makeRun, replaceText, runPropertiesAt, wElement } from './docx-runs'
import { parseWordXml, scanDocx, type DocxScan, type FieldRecord, type MarkerRecord, type Paragraph } from './docx-scan'
import { WORD_BIBLIOGRAPHY_INSTRUCTION, citationJson, wordCitationInstruction, type CslCitation } from './field-codes'
import { describeCitations, locateCitations, noteMarkStart } from './citation-order'
import type { ManuscriptFile, WritePlan } from './model'
import type { BibliographyLayout } from './cite-engine'
import type { TextRun } from './rich-text'
import { readDocumentPrefs } from './document-prefs'
import { readProperties, setPrefProperties } from './document-properties'

export function readDocx(pkg: DocumentPackage): ManuscriptFile {
  const scan = scanDocx(pkg.xml, pkg.name)
  const citations = describeCitations(scan, locateCitations(scan))
  const hasBibliographyPlace = scan.markers.some(m => m.marker.bibliography) || scan.fields.some(f => f.code.kind === 'bibliography')
  const prefs = readDocumentPrefs(readProperties(pkg))
  // the first copy is written into the parse just made (parsing a long document again costs as much as writing it);
  // any later copy starts from a fresh parse, so each copy is made from the document as it was read
  let unused: DocxScan | undefined = scan
  const write = (plan: WritePlan) => {
    const fresh = unused ?? scanDocx(pkg.xml, pkg.name)
    unused = undefined
    return writeDocx(pkg, plan, fresh)
  }
  return { kind: 'docx', name: pkg.name, citations, hasBibliographyPlace, prefs, write }
}

function instructionFor(code: CslCitation, origin: 'zotero' | 'mendeley' | undefined): string {
  if (origin !== 'mendeley') return wordCitationInstruction(code)
  const { formattedCitation, plainCitation } = code.properties
  const mendeley = { formattedCitation, plainTextFormattedCitation: plainCitation, previouslyFormattedCitation: formattedCitation }
  return ` ADDIN CSL_CITATION ${JSON.stringify({ ...JSON.parse(citationJson(code)), mendeley })} `
}

/** Nodes between a field's separate and end marks (its shown result), removed. */
function clearFieldResult(field: FieldRecord): void {
  if (field.simple) {
    for (let node = field.simple.firstChild; node;) {
      const next = node.nextSibling
      if (node.nodeType === 1 && (node as Element).localName === 'r') field.simple.removeChild(node)
      node = next
    }
    return
  }
  const { separate, end } = field
  if (!separate || !end) return
  const clearAfter = (from: Element, stopAt?: Element) => {
    for (let node = from.nextSibling; node && node !== stopAt;) {
      const next = node.nextSibling
      if (node.nodeType === 1 && (node as Element).localName === 'r') node.parentNode!.removeChild(node)
      node = next
    }
  }
  if (separate.parentNode === end.parentNode) clearAfter(separate, end)
  else {
    clearAfter(separate)
    for (let node = end.previousSibling; node;) {
      const prev = node.previousSibling
      if (node.nodeType === 1 && (node as Element).localName === 'r') node.parentNode!.removeChild(node)
      node = prev
    }
  }
}

function rewriteField(doc: Document, field: FieldRecord, instruction: string, runs: TextRun[]): void {
  if (field.simple) {
    field.simple.setAttributeNS(W, 'w:instr', instruction)
    clearFieldResult(field)
    const base = undefined
    for (const run of runs) field.simple.appendChild(makeRun(doc, run, base))
    return
  }
  const [first, ...rest] = field.instructions
  if (first) first.firstChild ? (first.firstChild.nodeValue = instruction) : first.appendChild(doc.createTextNode(instruction))
  for (const extra of rest) {
    const run = extra.parentNode as Element
    run.removeChild(extra)
    if (!child(run, 'fldChar') && !run.getElementsByTagNameNS(W, 't').length && run.parentNode) run.parentNode.removeChild(run)
  }
  const base = field.end ? child(field.end, 'rPr') : undefined
  if (!field.separate && field.end) {
    field.end.parentNode!.insertBefore(fieldCharRun(doc, 'separate', base), field.end)
    field.separate = field.end.previousSibling as Element
  }
  clearFieldResult(field)
  for (const run of runs) field.end!.parentNode!.insertBefore(makeRun(doc, run, base), field.end!)
}

interface NoteMaker {
  /** a new footnote holding these runs; returns the reference run for the body */
  footnote(content: Element[]): Element
}

function bibliographyParagraphs(doc: Document, entries: { runs: TextRun[] }[], layout: BibliographyLayout, hasStyle: (id: string) => boolean): Element[] {
  const paragraph = () => {
    const p = wElement(doc, 'p')
    const pPr = wElement(doc, 'pPr')
    if (hasStyle('Bibliography')) pPr.appendChild(wElement(doc, 'pStyle', { val: 'Bibliography' }))
    const indent = layout.secondFieldAlign ? '567' : '720'
    if (layout.secondFieldAlign) {
      const tabs = wElement(doc, 'tabs')
      tabs.appendChild(wElement(doc, 'tab', { val: 'left', pos: indent }))
      pPr.appendChild(tabs)
    }
    pPr.appendChild(
      wElement(doc, 'spacing', { after: String(layout.entrySpacing * 240), line: String(Math.max(1, layout.lineSpacing) * 240), lineRule: 'auto' })
    )
    if (layout.hangingIndent || layout.secondFieldAlign) pPr.appendChild(wElement(doc, 'ind', { left: indent, hanging: indent }))
    p.appendChild(pPr)
    return p
  }
  const paragraphs = (entries.length ? entries : [{ runs: [] }]).map(entry => {
    const p = paragraph()
    for (const run of entry.runs) p.appendChild(makeRun(doc, run, undefined))
    return p
  })
  const first = paragraphs[0]
  const firstRun = first.getElementsByTagNameNS(W, 'r')[0] ?? null
  for (const run of [fieldCharRun(doc, 'begin'), instructionRun(doc, WORD_BIBLIOGRAPHY_INSTRUCTION), fieldCharRun(doc, 'separate')])
    first.insertBefore(run, firstRun)
  paragraphs[paragraphs.length - 1].appendChild(fieldCharRun(doc, 'end'))
  return paragraphs
}

function headingParagraph(doc: Document, text: string, hasStyle: (id: string) => boolean): Element {
  const p = wElement(doc, 'p')
  if (hasStyle('Heading1')) {
    const pPr = wElement(doc, 'pPr')
    pPr.appendChild(wElement(doc, 'pStyle', { val: 'Heading1' }))
    p.appendChild(pPr)
    p.appendChild(makeRun(doc, { text }, undefined))
  } else p.appendChild(makeRun(doc, { text, bold: true }, undefined))
  return p
}

function replaceParagraphs(first: Element, last: Element, replacement: Element[]): void {
  const parent = first.parentNode!
  for (const p of replacement) parent.insertBefore(p, first)
  for (let node: Element | null = first; node;) {
    const next = node.nextSibling as Element | null
    parent.removeChild(node)
    if (node === last) break
    node = next
  }
}

const FOOTNOTES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes'
const EMPTY_FOOTNOTES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>`

function noteMaker(scan: DocxScan, hasStyle: (id: string) => boolean): { maker: NoteMaker; footnotes: () => Document | undefined } {
  let footnotes = scan.footnotes
  let nextId = 1
  const ensure = (): Document => {
    if (!footnotes) footnotes = parseWordXml(EMPTY_FOOTNOTES, 'footnotes')
    const list = footnotes.getElementsByTagNameNS(W, 'footnote')
    for (let i = 0; i < list.length; i++) nextId = Math.max(nextId, Number(list[i].getAttributeNS(W, 'id')) + 1)
    return footnotes
  }
  return {
    footnotes: () => footnotes,
    maker: {
      footnote(content) {
        const notes = ensure()
        const id = String(nextId++)
        const note = wElement(notes, 'footnote', { id })
        const p = wElement(notes, 'p')
        if (hasStyle('FootnoteText')) {
          const pPr = wElement(notes, 'pPr')
          pPr.appendChild(wElement(notes, 'pStyle', { val: 'FootnoteText' }))
          p.appendChild(pPr)
        }
        const mark = wElement(notes, 'r')
        mark.appendChild(rPrSuperscript(notes))
        mark.appendChild(wElement(notes, 'footnoteRef'))
        p.appendChild(mark)
        p.appendChild(makeRun(notes, { text: ' ' }, undefined))
        for (const node of content) p.appendChild(notes.importNode(node, true))
        note.appendChild(p)
        notes.documentElement!.appendChild(note)
        const ref = wElement(scan.document, 'r')
        ref.appendChild(rPrSuperscript(scan.document))
        ref.appendChild(wElement(scan.document, 'footnoteReference', { id }))
        return ref
      }
    }
  }
}

function rPrSuperscript(doc: Document): Element {
  const rPr = wElement(doc, 'rPr')
  rPr.appendChild(wElement(doc, 'vertAlign', { val: 'superscript' }))
  return rPr
}

function serialize(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc)
  return text.startsWith('<?xml') ? text : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`
}

function writeDocx(pkg: DocumentPackage, plan: WritePlan, scan: DocxScan): Uint8Array {
  const doc = scan.document
  const styles = pkg.xml.get('word/styles.xml') ?? ''
  const hasStyle = (id: string) => styles.includes(`w:styleId="${id}"`)
  const located = locateCitations(scan)
  const { formatted, codes } = plan
  const notes = noteMaker(scan, hasStyle)
  const markersByParagraph = new Map<Paragraph, { record: MarkerRecord; id: string }[]>()
  located.forEach((cite, index) => {
    const id = `c${index + 1}`
    const shown = formatted.citations.get(id)
    const code = codes.get(id)
    if (!shown || !code) return
    if ('field' in cite) {
      const origin = cite.field.code.kind === 'citation' ? cite.field.code.origin : undefined
      rewriteField(
        cite.field.story === 'body' ? doc : cite.story.startsWith('footnote') ? scan.footnotes! : scan.endnotes!,
        cite.field,
        instructionFor(code, origin),
        shown.runs
      )
    } else {
      const list = markersByParagraph.get(cite.marker.paragraph) ?? []
      list.push({ record: cite.marker, id })
      markersByParagraph.set(cite.marker.paragraph, list)
    }
  })
  for (const [paragraph, list] of markersByParagraph) {
    const owner = paragraph.element.ownerDocument!
    for (const { record, id } of list.sort((a, b) => b.record.marker.start - a.record.marker.start)) {
      const base = runPropertiesAt(paragraph.pieces, record.marker.start)
      const runs = fieldRuns(owner, instructionFor(codes.get(id)!, 'zotero'), formatted.citations.get(id)!.runs, base)
      const inNote = formatted.note && paragraph.story === 'body'
      const nodes = inNote ? [notes.maker.footnote(runs)] : runs
      replaceText(owner, paragraph.pieces, inNote ? noteMarkStart(paragraph.text, record.marker.start) : record.marker.start, record.marker.end, nodes)
    }
  }
  placeBibliography(scan, plan, hasStyle)
  const replaced = new Map([['word/document.xml', serialize(doc)]])
  const added = new Map<string, string>()
  if (scan.endnotes) replaced.set('word/endnotes.xml', serialize(scan.endnotes))
  if (scan.footnotes) replaced.set('word/footnotes.xml', serialize(scan.footnotes))
  else if (notes.footnotes()) {
    added.set('word/footnotes.xml', serialize(notes.footnotes()!))
    replaced.set('[Content_Types].xml', addContentType(pkg.xml.get('[Content_Types].xml')!))
    replaced.set('word/_rels/document.xml.rels', addFootnotesRelation(pkg.xml.get('word/_rels/document.xml.rels')!))
  }
  setPrefProperties(pkg, plan.prefs, { replaced, added })
  return writeDocument(pkg, replaced, added)
}

function addContentType(types: string): string {
  const override = '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
  return types.replace(/<\/Types>\s*$/, `${override}</Types>`)
}

function addFootnotesRelation(rels: string): string {
  const relation = `<Relationship Id="rIdNeurorefFootnotes" Type="${FOOTNOTES_TYPE}" Target="footnotes.xml"/>`
  return rels.replace(/<\/Relationships>\s*$/, `${relation}</Relationships>`)
}

function placeBibliography(scan: DocxScan, plan: WritePlan, hasStyle: (id: string) => boolean): void {
  const doc = scan.document
  const make = () => bibliographyParagraphs(doc, plan.formatted.bibliography, plan.formatted.layout, hasStyle)
  let placed = false
  for (const field of scan.fields) {
    if (field.code.kind !== 'bibliography' || field.story !== 'body') continue
    replaceParagraphs(field.beginParagraph, field.endParagraph, make())
    placed = true
  }
  for (const { paragraph, marker } of scan.markers) {
    if (!marker.bibliography || paragraph.story !== 'body') continue
    if (paragraph.text.trim() === marker.text) replaceParagraphs(paragraph.element, paragraph.element, make())
    else {
      replaceText(doc, paragraph.pieces, marker.start, marker.end, [])
      for (const p of make().reverse()) paragraph.element.parentNode!.insertBefore(p, paragraph.element.nextSibling)
    }
    placed = true
  }
  if (placed) return
  const body = doc.getElementsByTagNameNS(W, 'body')[0]
  const sectPr = child(body, 'sectPr') ?? null
  for (const p of [headingParagraph(doc, plan.heading, hasStyle), ...make()]) body.insertBefore(p, sectPr)
}
