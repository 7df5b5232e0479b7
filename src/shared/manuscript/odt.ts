// An .odt manuscript: citations written the way Zotero's LibreOffice plugin
// writes them — a reference mark named "ZOTERO_ITEM CSL_CITATION {…} RND…"
// around the formatted text — and the bibliography as a section named
// "ZOTERO_BIBL {…} CSL_BIBLIOGRAPHY RND…". Only content.xml changes.
import { XMLSerializer, type Document, type Element, type Text } from '@xmldom/xmldom'
import { describeCitations, locateCitations, noteMarkStart } from './citation-order'
import type { BibliographyLayout } from './cite-engine'
import { writeDocument, type DocumentPackage } from './container'
import { odtBibliographyName, odtCitationName, randomSuffix } from './field-codes'
import type { ManuscriptFile, WritePlan } from './model'
import { OFFICE, TEXT, scanOdt, type OdtField, type OdtMarker, type OdtParagraph, type OdtPiece, type OdtScan } from './odt-scan'
import type { TextRun } from './rich-text'
import { readDocumentPrefs } from './document-prefs'
import { readProperties, setPrefProperties } from './document-properties'

const STYLE = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0'
const FO = 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0'

export function readOdt(pkg: DocumentPackage): ManuscriptFile {
  const scan = scanOdt(pkg.xml.get('content.xml')!, pkg.name)
  const citations = describeCitations(scan, locateCitations(scan))
  const hasBibliographyPlace = scan.markers.some(m => m.marker.bibliography) || scan.fields.some(f => f.code.kind === 'bibliography')
  const prefs = readDocumentPrefs(readProperties(pkg))
  // the first copy is written into the parse just made; a later one starts from a fresh parse (see docx.ts)
  let unused: OdtScan | undefined = scan
  const write = (plan: WritePlan) => {
    const fresh = unused ?? scanOdt(pkg.xml.get('content.xml')!, pkg.name)
    unused = undefined
    return writeOdt(pkg, plan, fresh)
  }
  return { kind: 'odt', name: pkg.name, citations, hasBibliographyPlace, prefs, write }
}

/** Automatic styles for citation text (italic, superscript …) and bibliography paragraphs, made once each. */
class OdtStyles {
  private made = new Map<string, string>()
  private container: Element

  constructor(private doc: Document) {
    const root = doc.documentElement!
    let styles = root.getElementsByTagNameNS(OFFICE, 'automatic-styles')[0]
    if (!styles) {
      styles = doc.createElementNS(OFFICE, 'office:automatic-styles')
      root.insertBefore(styles, root.getElementsByTagNameNS(OFFICE, 'body')[0] ?? null)
    }
    this.container = styles
  }

  private style(name: string, family: 'text' | 'paragraph' | 'section', props: Record<string, string>, kind: string): string {
    const known = this.made.get(name)
    if (known) return known
    const style = this.doc.createElementNS(STYLE, 'style:style')
    style.setAttributeNS(STYLE, 'style:name', name)
    style.setAttributeNS(STYLE, 'style:family', family)
    if (family === 'paragraph') style.setAttributeNS(STYLE, 'style:parent-style-name', 'Standard')
    const properties = this.doc.createElementNS(STYLE, `style:${kind}`)
    for (const [attr, value] of Object.entries(props)) properties.setAttributeNS(attr.startsWith('fo:') ? FO : STYLE, attr, value)
    style.appendChild(properties)
    this.container.appendChild(style)
    this.made.set(name, name)
    return name
  }

  text(run: TextRun): string | undefined {
    const props: Record<string, string> = {}
    if (run.italic) props['fo:font-style'] = 'italic'
    if (run.bold) props['fo:font-weight'] = 'bold'
    if (run.smallCaps) props['fo:font-variant'] = 'small-caps'
    if (run.underline) props['style:text-underline-style'] = 'solid'
    if (run.superscript) props['style:text-position'] = 'super 58%'
    if (run.subscript) props['style:text-position'] = 'sub 58%'
    const key = Object.entries(props)
      .map(([k, v]) => `${k}=${v}`)
      .join(';')
    if (!key) return undefined
    const name = `NeurorefCite${[...key].reduce((hash, ch) => (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0, 7).toString(36)}`
    return this.style(name, 'text', props, 'text-properties')
  }

  bibliography(layout: BibliographyLayout): string {
    const indent = layout.secondFieldAlign ? '1cm' : '1.27cm'
    const props: Record<string, string> = {
      'fo:margin-bottom': `${(layout.entrySpacing * 0.42).toFixed(2)}cm`,
      'fo:line-height': `${Math.max(1, layout.lineSpacing) * 100}%`
    }
    if (layout.hangingIndent || layout.secondFieldAlign) Object.assign(props, { 'fo:margin-left': indent, 'fo:text-indent': `-${indent}` })
    return this.style(
      `NeurorefBibliography${layout.secondFieldAlign ? 'Numbered' : ''}${layout.hangingIndent ? 'Hanging' : ''}`,
      'paragraph',
      props,
      'paragraph-properties'
    )
  }
}

function textNodes(doc: Document, text: string): (Text | Element)[] {
  const out: (Text | Element)[] = []
  for (const [index, part] of text.split('\t').entries()) {
    if (index > 0) out.push(doc.createElementNS(TEXT, 'text:tab'))
    // ODF collapses runs of spaces: the extra ones are written as <text:s text:c="n"/>
    for (const piece of part.split(/( {2,})/)) {
      if (!piece) continue
      if (/^ {2,}$/.test(piece)) {
        out.push(doc.createTextNode(' '))
        const spaces = doc.createElementNS(TEXT, 'text:s')
        spaces.setAttributeNS(TEXT, 'text:c', String(piece.length - 1))
        out.push(spaces)
      } else out.push(doc.createTextNode(piece))
    }
  }
  return out
}

function runNodes(doc: Document, runs: TextRun[], styles: OdtStyles): (Text | Element)[] {
  return runs.flatMap(run => {
    const nodes = run.tab ? [doc.createElementNS(TEXT, 'text:tab')] : textNodes(doc, run.text)
    const style = styles.text(run)
    if (!style) return nodes
    const span = doc.createElementNS(TEXT, 'text:span')
    span.setAttributeNS(TEXT, 'text:style-name', style)
    nodes.forEach(node => span.appendChild(node))
    return [span]
  })
}

function referenceMark(doc: Document, name: string, content: (Text | Element)[]): (Text | Element)[] {
  const start = doc.createElementNS(TEXT, 'text:reference-mark-start')
  start.setAttributeNS(TEXT, 'text:name', name)
  const end = doc.createElementNS(TEXT, 'text:reference-mark-end')
  end.setAttributeNS(TEXT, 'text:name', name)
  return [start, ...content, end]
}

function footnote(doc: Document, content: (Text | Element)[], number: number): Element {
  const note = doc.createElementNS(TEXT, 'text:note')
  note.setAttributeNS(TEXT, 'text:id', `ftnNeuroref${number}${randomSuffix().slice(0, 4)}`)
  note.setAttributeNS(TEXT, 'text:note-class', 'footnote')
  const citation = doc.createElementNS(TEXT, 'text:note-citation')
  citation.appendChild(doc.createTextNode(String(number)))
  const body = doc.createElementNS(TEXT, 'text:note-body')
  const p = doc.createElementNS(TEXT, 'text:p')
  p.setAttributeNS(TEXT, 'text:style-name', 'Footnote')
  content.forEach(node => p.appendChild(node))
  body.appendChild(p)
  note.appendChild(citation)
  note.appendChild(body)
  return note
}

/** Replaces paragraph text [start, end), wherever spans split it, with `nodes`. */
function replaceText(doc: Document, pieces: OdtPiece[], start: number, end: number, nodes: (Text | Element)[]): void {
  const index = pieces.findIndex(piece => piece.node.nodeType === 3 && piece.start <= start && start < piece.start + piece.length)
  if (index === -1) return
  const first = pieces[index]
  const node = first.node as Text
  const value = node.nodeValue ?? ''
  const local = start - first.start
  const rest = doc.createTextNode(value.slice(local))
  node.parentNode!.insertBefore(rest, node.nextSibling)
  if (local > 0) node.nodeValue = value.slice(0, local)
  else node.parentNode!.removeChild(node)
  for (const added of nodes) rest.parentNode!.insertBefore(added, rest)
  let remaining = end - start
  const cut = (piece: Text | Element) => {
    if (piece.nodeType === 3) {
      const text = piece.nodeValue ?? ''
      const take = Math.min(remaining, text.length)
      remaining -= take
      if (take === text.length) piece.parentNode?.removeChild(piece)
      else piece.nodeValue = text.slice(take)
      return
    }
    const element = piece as Element
    const count = element.localName === 's' ? Math.max(1, Number(element.getAttributeNS(TEXT, 'c') ?? 1) || 1) : 1
    if (count <= remaining) element.parentNode?.removeChild(element)
    else element.setAttributeNS(TEXT, 'text:c', String(count - remaining))
    remaining -= Math.min(count, remaining)
  }
  cut(rest)
  for (const piece of pieces.slice(index + 1)) {
    if (remaining <= 0) break
    cut(piece.node)
  }
}

function rewriteField(doc: Document, field: OdtField, name: string, content: (Text | Element)[]): void {
  const { start, end } = field
  if (!end) return
  const parent = start.parentNode!
  if (end.parentNode === parent) {
    for (let node = start.nextSibling; node && node !== end;) {
      const next = node.nextSibling
      parent.removeChild(node)
      node = next
    }
  }
  const replacement = referenceMark(doc, name, end.parentNode === parent ? content : [])
  for (const node of replacement) parent.insertBefore(node, start)
  parent.removeChild(start)
  end.parentNode!.removeChild(end)
}

function bibliographySection(doc: Document, plan: WritePlan, styles: OdtStyles): Element {
  const section = doc.createElementNS(TEXT, 'text:section')
  section.setAttributeNS(TEXT, 'text:name', odtBibliographyName(randomSuffix()))
  const paragraphStyle = styles.bibliography(plan.formatted.layout)
  for (const entry of plan.formatted.bibliography.length ? plan.formatted.bibliography : [{ runs: [] }]) {
    const p = doc.createElementNS(TEXT, 'text:p')
    p.setAttributeNS(TEXT, 'text:style-name', paragraphStyle)
    runNodes(doc, entry.runs, styles).forEach(node => p.appendChild(node))
    section.appendChild(p)
  }
  return section
}

function writeOdt(pkg: DocumentPackage, plan: WritePlan, scan: OdtScan): Uint8Array {
  const doc = scan.document
  const styles = new OdtStyles(doc)
  const { formatted, codes } = plan
  const byParagraph = new Map<OdtParagraph, { marker: OdtMarker; id: string }[]>()
  let notes = scan.noteRefs.size
  locateCitations(scan).forEach((cite, index) => {
    const id = `c${index + 1}`
    const shown = formatted.citations.get(id)
    const code = codes.get(id)
    if (!shown || !code) return
    if ('field' in cite) rewriteField(doc, cite.field, odtCitationName(code, randomSuffix()), runNodes(doc, shown.runs, styles))
    else byParagraph.set(cite.marker.paragraph, [...(byParagraph.get(cite.marker.paragraph) ?? []), { marker: cite.marker, id }])
  })
  for (const [paragraph, list] of byParagraph) {
    for (const { marker, id } of list.sort((a, b) => b.marker.marker.start - a.marker.marker.start)) {
      const content = referenceMark(doc, odtCitationName(codes.get(id)!, randomSuffix()), runNodes(doc, formatted.citations.get(id)!.runs, styles))
      const inNote = formatted.note && paragraph.story === 'body'
      const nodes = inNote ? [footnote(doc, content, ++notes)] : content
      replaceText(doc, paragraph.pieces, inNote ? noteMarkStart(paragraph.text, marker.marker.start) : marker.marker.start, marker.marker.end, nodes)
    }
  }
  placeBibliography(doc, scan, plan, styles)
  const text = new XMLSerializer().serializeToString(doc)
  const parts = {
    replaced: new Map([['content.xml', text.startsWith('<?xml') ? text : `<?xml version="1.0" encoding="UTF-8"?>\n${text}`]]),
    added: new Map<string, string>()
  }
  setPrefProperties(pkg, plan.prefs, parts)
  return writeDocument(pkg, parts.replaced, parts.added)
}

function placeBibliography(doc: Document, scan: ReturnType<typeof scanOdt>, plan: WritePlan, styles: OdtStyles): void {
  let placed = false
  for (const field of scan.fields) {
    if (field.code.kind !== 'bibliography') continue
    const first = field.section ?? field.startParagraph
    const last = field.section ?? field.endParagraph ?? first
    if (!first || !last || first.parentNode !== last.parentNode) continue
    const parent = first.parentNode!
    parent.insertBefore(bibliographySection(doc, plan, styles), first)
    for (let node: Element | null = first; node;) {
      const next = node.nextSibling as Element | null
      parent.removeChild(node)
      node = node === last ? null : next
    }
    placed = true
  }
  for (const { paragraph, marker } of scan.markers) {
    if (!marker.bibliography || paragraph.story !== 'body') continue
    const section = bibliographySection(doc, plan, styles)
    if (paragraph.text.trim() === marker.text) paragraph.element.parentNode!.replaceChild(section, paragraph.element)
    else {
      replaceText(doc, paragraph.pieces, marker.start, marker.end, [])
      paragraph.element.parentNode!.insertBefore(section, paragraph.element.nextSibling)
    }
    placed = true
  }
  if (placed) return
  const heading = doc.createElementNS(TEXT, 'text:h')
  heading.setAttributeNS(TEXT, 'text:outline-level', '1')
  heading.setAttributeNS(TEXT, 'text:style-name', 'Heading_20_1')
  heading.appendChild(doc.createTextNode(plan.heading))
  scan.text.appendChild(heading)
  scan.text.appendChild(bibliographySection(doc, plan, styles))
}
