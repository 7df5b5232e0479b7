// Walks an .odt's content.xml in reading order: each paragraph's text as
// pieces (text nodes, and spaces/tabs LibreOffice stores as elements), the
// markers in it, footnotes as stories of their own, and the live citations
// already there — Zotero's reference marks and bibliography section, and the
// field marks LibreOffice keeps when it opens a .docx with Word fields.
// Deleted text lives apart in text:tracked-changes and is skipped.
import type { Document, Element, Node, Text } from '@xmldom/xmldom'
import { ServiceError } from '../result'
import type { ScannedField, ScannedMarker } from './citation-order'
import { parseWordXml } from './docx-scan'
import { readFieldCode } from './field-codes'
import { findMarkers } from './markers'

export const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0'
export const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0'
const FIELD = 'urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0'

export interface OdtPiece {
  /** a text node, or an element standing for characters (text:s, text:tab, text:line-break) */
  node: Text | Element
  start: number
  length: number
  inField: boolean
  seq: number
}

export interface OdtParagraph {
  element: Element
  text: string
  pieces: OdtPiece[]
  story: string
}

export interface OdtMarker extends ScannedMarker {
  paragraph: OdtParagraph
}

export interface OdtField extends ScannedField {
  /** reference mark or field mark start and end; a section for a bibliography */
  start: Element
  end?: Element
  section?: Element
  /** the paragraphs the field starts and ends in (a bibliography field spans several) */
  startParagraph?: Element
  endParagraph?: Element
}

export interface OdtScan {
  document: Document
  markers: OdtMarker[]
  fields: OdtField[]
  noteRefs: Map<string, { seq: number; number: number }>
  text: Element
}

const SKIP = new Set(['tracked-changes', 'note-citation', 'annotation', 'annotation-end', 'sequence-decls', 'variable-decls', 'user-field-decls'])

class OdtWalker {
  seq = 0
  readonly markers: OdtMarker[] = []
  readonly fields: OdtField[] = []
  readonly noteRefs = new Map<string, { seq: number; number: number }>()
  private stack: OdtParagraph[] = []
  private story = 'body'
  private open: { start: Element; code: string; result: string; seq: number; name?: string; paragraph?: Element }[] = []

  private get paragraph(): OdtParagraph | undefined {
    return this.stack[this.stack.length - 1]
  }

  private add(node: Text | Element, text: string): void {
    const para = this.paragraph
    if (!para || !text) return
    para.pieces.push({ node, start: para.text.length, length: text.length, inField: this.open.length > 0, seq: this.seq++ })
    para.text += text
    for (const field of this.open) field.result += text
  }

  walk(element: Element): void {
    for (let node: Node | null = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        this.add(node as Text, node.nodeValue ?? '')
        continue
      }
      if (node.nodeType !== 1) continue
      const el = node as Element
      const name = el.localName ?? ''
      if (SKIP.has(name) && (el.namespaceURI === TEXT || el.namespaceURI === OFFICE)) continue
      if (el.namespaceURI === TEXT) this.textElement(el, name)
      else if (el.namespaceURI === FIELD && (name === 'fieldmark-start' || name === 'fieldmark-end')) this.fieldMark(el, name)
      else this.walk(el)
    }
  }

  private textElement(el: Element, name: string): void {
    switch (name) {
      case 'p':
      case 'h':
        this.stack.push({ element: el, text: '', pieces: [], story: this.story })
        this.walk(el)
        this.finishParagraph()
        break
      case 's':
        this.add(el, ' '.repeat(Math.max(1, Number(el.getAttributeNS(TEXT, 'c') ?? 1) || 1)))
        break
      case 'tab':
        this.add(el, '\t')
        break
      case 'line-break':
        this.add(el, '\n')
        break
      case 'note': {
        const id = `note:${el.getAttributeNS(TEXT, 'id') ?? this.noteRefs.size}`
        this.noteRefs.set(id, { seq: this.seq++, number: this.noteRefs.size + 1 })
        const outer = this.story
        const open = this.open
        this.story = id
        this.open = []
        this.walk(el)
        this.story = outer
        this.open = open
        break
      }
      case 'reference-mark-start':
        this.openField(el, el.getAttributeNS(TEXT, 'name') ?? '')
        break
      case 'reference-mark-end':
        this.closeField(el, el.getAttributeNS(TEXT, 'name') ?? undefined)
        break
      case 'section': {
        const code = readFieldCode(el.getAttributeNS(TEXT, 'name') ?? '')
        if (code?.kind === 'bibliography') this.fields.push({ code, story: this.story, seq: this.seq++, result: '', start: el, section: el })
        else this.walk(el)
        break
      }
      default:
        this.walk(el)
    }
  }

  private fieldMark(el: Element, name: string): void {
    if (name === 'fieldmark-end') return this.closeField(el, undefined)
    let code = ''
    for (let node = el.firstChild; node; node = node.nextSibling) {
      const param = node as Element
      if (node.nodeType === 1 && param.localName === 'param' && /field\.code$/.test(param.getAttributeNS(FIELD, 'name') ?? ''))
        code = param.getAttributeNS(FIELD, 'value') ?? ''
    }
    this.openField(el, code)
  }

  private openField(start: Element, code: string): void {
    const name = start.localName === 'reference-mark-start' ? (start.getAttributeNS(TEXT, 'name') ?? '') : undefined
    this.open.push({ start, code, result: '', seq: this.seq++, name, paragraph: this.paragraph?.element })
  }

  private closeField(end: Element, name: string | undefined): void {
    const index = name === undefined ? this.open.length - 1 : this.open.findLastIndex(field => field.name === name)
    if (index < 0) return
    const [field] = this.open.splice(index, 1)
    const code = readFieldCode(field.code)
    if (code) {
      this.fields.push({
        code,
        story: this.story,
        seq: field.seq,
        result: field.result,
        start: field.start,
        end,
        startParagraph: field.paragraph,
        endParagraph: this.paragraph?.element
      })
    }
  }

  private finishParagraph(): void {
    const para = this.stack.pop()!
    for (const marker of findMarkers(para.text)) {
      const inside = para.pieces.filter(piece => piece.start < marker.end && marker.start < piece.start + piece.length)
      if (inside.some(piece => piece.inField)) continue
      this.markers.push({ paragraph: para, marker, seq: inside[0]?.seq ?? this.seq, story: para.story })
    }
  }
}

export function scanOdt(content: string, name: string): OdtScan {
  const document = parseWordXml(content, name)
  const text = document.getElementsByTagNameNS(OFFICE, 'text')[0]
  if (!text) throw new ServiceError('INVALID_INPUT', `“${name}” has no text body.`)
  const walker = new OdtWalker()
  walker.walk(text)
  return { document, markers: walker.markers, fields: walker.fields, noteRefs: walker.noteRefs, text }
}
