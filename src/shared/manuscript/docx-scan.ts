// Walks a .docx's stories (body, footnotes, endnotes) in reading order and
// records what a manuscript needs: each paragraph's text as pieces, the
// markers in it, and the complex fields (begin … instruction … separate …
// result … end, possibly over several runs and paragraphs) with their codes.
// Deleted text (w:del) is skipped; inserted text (w:ins) counts.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom'
import { ServiceError } from '../result'
import { W, type TextPiece } from './docx-runs'
import { readFieldCode, type FieldCode } from './field-codes'
import { findMarkers, type Marker } from './markers'

export type StoryId = 'body' | `footnote:${string}` | `endnote:${string}`

export interface Paragraph {
  element: Element
  text: string
  pieces: TextPiece[]
  story: StoryId
}

export interface FieldRecord {
  code: FieldCode
  story: StoryId
  begin?: Element
  separate?: Element
  end?: Element
  /** w:fldSimple: the whole field is one element */
  simple?: Element
  instructions: Element[]
  beginParagraph: Element
  endParagraph: Element
  /** the text the field shows now */
  result: string
  seq: number
}

export interface MarkerRecord {
  paragraph: Paragraph
  marker: Marker
  seq: number
  story: StoryId
}

export interface DocxScan {
  document: Document
  footnotes?: Document
  endnotes?: Document
  paragraphs: Paragraph[]
  markers: MarkerRecord[]
  fields: FieldRecord[]
  /** where each note's reference sits in the body, and the note's number */
  noteRefs: Map<StoryId, { seq: number; number: number }>
}

const SKIP = new Set(['del', 'moveFrom', 'delText', 'rPr', 'pPr', 'sectPr', 'tblPr', 'trPr', 'tcPr', 'instrText', 'fldData'])

interface OpenField {
  begin: Element
  beginParagraph: Element
  instructions: Element[]
  instruction: string
  separate?: Element
  result: string
  seq: number
}

export function parseWordXml(text: string, name: string): Document {
  let broken = false
  const doc = new DOMParser({
    onError: level => {
      if (level !== 'warning') broken = true
    }
  }).parseFromString(text, 'text/xml')
  if (broken || !doc.documentElement) throw new ServiceError('INVALID_INPUT', `“${name}” is damaged: a part of it is not valid XML.`)
  return doc
}

class StoryWalker {
  seq = 0
  readonly paragraphs: Paragraph[] = []
  readonly markers: MarkerRecord[] = []
  readonly fields: FieldRecord[] = []
  readonly noteRefs: { id: StoryId; seq: number }[] = []
  private stack: { element: Element; text: string; pieces: TextPiece[] }[] = []
  private open: OpenField[] = []
  private story: StoryId = 'body'

  walkStory(root: Element, story: StoryId): void {
    this.story = story
    this.open = []
    this.walk(root)
  }

  private get paragraph() {
    return this.stack[this.stack.length - 1]
  }

  private addText(t: Element | null, run: Element, text: string): void {
    const para = this.paragraph
    if (!para || !text) return
    para.pieces.push({ t, run, start: para.text.length, length: text.length, inField: this.open.length > 0, seq: this.seq++ })
    para.text += text
    for (const field of this.open) if (field.separate) field.result += text
  }

  private walk(element: Element): void {
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 1) continue
      const el = node as Element
      const name = el.localName ?? ''
      if (SKIP.has(name) || (name === 'Fallback' && el.namespaceURI !== W)) continue
      if (el.namespaceURI !== W) {
        this.walk(el)
        continue
      }
      switch (name) {
        case 'p':
          this.stack.push({ element: el, text: '', pieces: [] })
          this.walk(el)
          this.finishParagraph()
          break
        case 'r':
          this.walkRun(el)
          break
        case 'fldSimple':
          this.walkSimpleField(el)
          break
        default:
          this.walk(el)
      }
    }
  }

  private walkRun(run: Element): void {
    for (let node = run.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 1) continue
      const el = node as Element
      if (el.namespaceURI !== W) {
        this.walk(el)
        continue
      }
      switch (el.localName) {
        case 't':
          this.addText(el, run, el.textContent ?? '')
          break
        case 'tab':
          this.addText(null, run, '\t')
          break
        case 'br':
        case 'cr':
          this.addText(null, run, '\n')
          break
        case 'noBreakHyphen':
          this.addText(null, run, '\u2011')
          break
        case 'instrText': {
          const field = this.open[this.open.length - 1]
          if (field && !field.separate) {
            field.instruction += el.textContent ?? ''
            field.instructions.push(el)
          }
          break
        }
        case 'fldChar':
          this.fieldChar(el.getAttributeNS(W, 'fldCharType') ?? el.getAttribute('w:fldCharType') ?? '', run)
          break
        case 'footnoteReference':
        case 'endnoteReference': {
          const kind = el.localName === 'footnoteReference' ? 'footnote' : 'endnote'
          this.noteRefs.push({ id: `${kind}:${el.getAttributeNS(W, 'id') ?? el.getAttribute('w:id')}`, seq: this.seq++ })
          break
        }
        case 'drawing':
        case 'pict':
        case 'object':
          this.walk(el)
          break
      }
    }
  }

  private fieldChar(type: string, run: Element): void {
    if (type === 'begin') {
      this.open.push({ begin: run, beginParagraph: this.paragraph?.element, instructions: [], instruction: '', result: '', seq: this.seq++ })
    } else if (type === 'separate') {
      const field = this.open[this.open.length - 1]
      if (field) field.separate = run
    } else if (type === 'end') {
      const field = this.open.pop()
      if (!field) return
      const code = readFieldCode(field.instruction)
      if (code && this.paragraph) {
        this.fields.push({
          code,
          story: this.story,
          begin: field.begin,
          separate: field.separate,
          end: run,
          instructions: field.instructions,
          beginParagraph: field.beginParagraph,
          endParagraph: this.paragraph.element,
          result: field.result,
          seq: field.seq
        })
      }
    }
  }

  private walkSimpleField(el: Element): void {
    const instruction = el.getAttributeNS(W, 'instr') ?? el.getAttribute('w:instr') ?? ''
    const seq = this.seq++
    const before = this.paragraph?.text.length ?? 0
    this.open.push({ begin: el, beginParagraph: this.paragraph?.element, instructions: [], instruction, separate: el, result: '', seq })
    this.walk(el)
    this.open.pop()
    const code = readFieldCode(instruction)
    if (code && this.paragraph) {
      const result = this.paragraph.text.slice(before)
      const p = this.paragraph.element
      this.fields.push({ code, story: this.story, simple: el, instructions: [], beginParagraph: p, endParagraph: p, result, seq })
    }
  }

  private finishParagraph(): void {
    const para = this.stack.pop()!
    const paragraph: Paragraph = { ...para, story: this.story }
    this.paragraphs.push(paragraph)
    for (const marker of findMarkers(para.text)) {
      const inside = para.pieces.filter(piece => piece.start < marker.end && marker.start < piece.start + piece.length)
      // a marker that is part of a field's text, or crosses into one, is not a new citation
      if (inside.some(piece => piece.inField)) continue
      this.markers.push({ paragraph, marker, seq: inside[0]?.seq ?? this.seq, story: this.story })
    }
  }
}

function notes(doc: Document | undefined, tag: 'footnote' | 'endnote'): Map<string, Element> {
  const out = new Map<string, Element>()
  if (!doc) return out
  const list = doc.getElementsByTagNameNS(W, tag)
  for (let i = 0; i < list.length; i++) {
    const note = list[i]
    const type = note.getAttributeNS(W, 'type')
    if (type && type !== 'normal') continue
    out.set(note.getAttributeNS(W, 'id') ?? '', note)
  }
  return out
}

export function scanDocx(xml: Map<string, string>, name: string): DocxScan {
  const document = parseWordXml(xml.get('word/document.xml')!, name)
  const footnotes = xml.has('word/footnotes.xml') ? parseWordXml(xml.get('word/footnotes.xml')!, name) : undefined
  const endnotes = xml.has('word/endnotes.xml') ? parseWordXml(xml.get('word/endnotes.xml')!, name) : undefined
  const body = document.getElementsByTagNameNS(W, 'body')[0]
  if (!body) throw new ServiceError('INVALID_INPUT', `“${name}” has no document body.`)
  const walker = new StoryWalker()
  walker.walkStory(body, 'body')
  const noteRefs = new Map<StoryId, { seq: number; number: number }>()
  walker.noteRefs.forEach((ref, index) => noteRefs.set(ref.id, { seq: ref.seq, number: index + 1 }))
  const stories: [StoryId, Element][] = [
    ...[...notes(footnotes, 'footnote')].map(([id, el]) => [`footnote:${id}`, el] as [StoryId, Element]),
    ...[...notes(endnotes, 'endnote')].map(([id, el]) => [`endnote:${id}`, el] as [StoryId, Element])
  ]
  for (const [story, element] of stories) walker.walkStory(element, story)
  return { document, footnotes, endnotes, paragraphs: walker.paragraphs, markers: walker.markers, fields: walker.fields, noteRefs }
}
