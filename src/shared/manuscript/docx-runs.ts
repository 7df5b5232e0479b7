// WordprocessingML runs: the pieces of a paragraph's text (one w:t each),
// cutting a marker out of them even when Word split it over several runs,
// and building new runs and complex fields (begin, instruction, separate,
// result, end) that carry the paragraph's own formatting.
import type { Document, Element } from '@xmldom/xmldom'
import type { TextRun } from './rich-text'

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const XML_NS = 'http://www.w3.org/XML/1998/namespace'

/** One stretch of a paragraph's text: a w:t (editable) or a tab or break (not). */
export interface TextPiece {
  t: Element | null
  run: Element
  start: number
  length: number
  /** inside an existing field's instruction or result: markers here are left alone */
  inField: boolean
  /** document order, to sort citations across stories */
  seq: number
}

export function wElement(doc: Document, name: string, attrs: Record<string, string> = {}): Element {
  const element = doc.createElementNS(W, `w:${name}`)
  for (const [attr, value] of Object.entries(attrs)) element.setAttributeNS(W, `w:${attr}`, value)
  return element
}

function textElement(doc: Document, name: 't' | 'instrText', text: string): Element {
  const t = wElement(doc, name)
  t.setAttributeNS(XML_NS, 'xml:space', 'preserve')
  t.appendChild(doc.createTextNode(text))
  return t
}

export function child(parent: Element, name: string): Element | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === W && (node as Element).localName === name) return node as Element
  }
  return undefined
}

/** Run properties in the order the schema wants them (Word repairs a file whose order is wrong). */
const RPR_ORDER = [
  'rStyle',
  'rFonts',
  'b',
  'bCs',
  'i',
  'iCs',
  'caps',
  'smallCaps',
  'strike',
  'dstrike',
  'outline',
  'shadow',
  'emboss',
  'imprint',
  'noProof',
  'snapToGrid',
  'vanish',
  'webHidden',
  'color',
  'spacing',
  'w',
  'kern',
  'position',
  'sz',
  'szCs',
  'highlight',
  'u',
  'effect',
  'bdr',
  'shd',
  'fitText',
  'vertAlign',
  'rtl',
  'cs',
  'em',
  'lang',
  'eastAsianLayout',
  'specVanish',
  'oMath'
]

function setProperty(doc: Document, rPr: Element, name: string, attrs: Record<string, string> = {}): void {
  const old = child(rPr, name)
  if (old) rPr.removeChild(old)
  const rank = RPR_ORDER.indexOf(name)
  let before: Element | null = null
  for (let node = rPr.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && RPR_ORDER.indexOf((node as Element).localName ?? '') > rank) {
      before = node as Element
      break
    }
  }
  rPr.insertBefore(wElement(doc, name, attrs), before)
}

/** A run with the base formatting plus what citeproc asked for (italic, superscript …). */
export function makeRun(doc: Document, run: TextRun, base: Element | undefined): Element {
  const r = wElement(doc, 'r')
  const rPr = base ? (base.cloneNode(true) as Element) : wElement(doc, 'rPr')
  if (run.italic) setProperty(doc, rPr, 'i')
  if (run.bold) setProperty(doc, rPr, 'b')
  if (run.smallCaps) setProperty(doc, rPr, 'smallCaps')
  if (run.underline) setProperty(doc, rPr, 'u', { val: 'single' })
  if (run.superscript) setProperty(doc, rPr, 'vertAlign', { val: 'superscript' })
  if (run.subscript) setProperty(doc, rPr, 'vertAlign', { val: 'subscript' })
  if (rPr.firstChild) r.appendChild(rPr)
  r.appendChild(run.tab ? wElement(doc, 'tab') : textElement(doc, 't', run.text))
  return r
}

function plainRun(doc: Document, base: Element | undefined, content: Element): Element {
  const r = wElement(doc, 'r')
  if (base?.firstChild) r.appendChild(base.cloneNode(true))
  r.appendChild(content)
  return r
}

export function fieldCharRun(doc: Document, type: 'begin' | 'separate' | 'end', base?: Element): Element {
  return plainRun(doc, base, wElement(doc, 'fldChar', { fldCharType: type }))
}

export function instructionRun(doc: Document, instruction: string, base?: Element): Element {
  return plainRun(doc, base, textElement(doc, 'instrText', instruction))
}

/** A whole complex field: begin, instruction, separate, the formatted result, end. */
export function fieldRuns(doc: Document, instruction: string, result: TextRun[], base?: Element): Element[] {
  return [
    fieldCharRun(doc, 'begin', base),
    instructionRun(doc, instruction, base),
    fieldCharRun(doc, 'separate', base),
    ...result.map(run => makeRun(doc, run, base)),
    fieldCharRun(doc, 'end', base)
  ]
}

/** A run holds nothing but its properties: it can go. */
function isEmptyRun(run: Element): boolean {
  for (let node = run.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName !== 'rPr') return false
  }
  return true
}

function removeIfEmpty(run: Element): void {
  if (run.parentNode && isEmptyRun(run)) run.parentNode.removeChild(run)
}

/** Moves everything after `t` in its run into a new run (same properties) placed after it. */
function splitRunAfter(t: Element, run: Element): Element {
  const tail = run.cloneNode(false) as Element
  const rPr = child(run, 'rPr')
  if (rPr) tail.appendChild(rPr.cloneNode(true))
  while (t.nextSibling) tail.appendChild(t.nextSibling)
  run.parentNode!.insertBefore(tail, run.nextSibling)
  return tail
}

/**
 * Replaces paragraph text [start, end) — which may run over several runs —
 * with `nodes`. The runs around keep their text and formatting.
 */
export function replaceText(doc: Document, pieces: TextPiece[], start: number, end: number, nodes: Element[]): void {
  const index = pieces.findIndex(piece => piece.t && piece.start <= start && start < piece.start + piece.length)
  if (index === -1) return
  const first = pieces[index]
  const tA = first.t!
  const text = tA.textContent ?? ''
  const local = start - first.start
  const tail = splitRunAfter(tA, first.run)
  const rest = textElement(doc, 't', text.slice(local))
  const tailProps = child(tail, 'rPr')
  tail.insertBefore(rest, tailProps ? tailProps.nextSibling : tail.firstChild)
  if (local > 0) setText(tA, text.slice(0, local))
  else first.run.removeChild(tA)
  for (const node of nodes) tail.parentNode!.insertBefore(node, tail)
  // cut the marker's characters from the front of the pieces that hold it
  let remaining = end - start
  const cut = (t: Element) => {
    const value = t.textContent ?? ''
    const take = Math.min(remaining, value.length)
    remaining -= take
    if (take === value.length) t.parentNode!.removeChild(t)
    else setText(t, value.slice(take))
  }
  cut(rest)
  const touched = [first.run, tail]
  for (const piece of pieces.slice(index + 1)) {
    if (remaining <= 0) break
    if (!piece.t) {
      remaining -= piece.length
      continue
    }
    touched.push(piece.run)
    cut(piece.t)
  }
  touched.forEach(removeIfEmpty)
}

/** New text in a w:t; spaces at its ends now matter, so Word and LibreOffice must keep them. */
function setText(t: Element, text: string): void {
  while (t.firstChild) t.removeChild(t.firstChild)
  t.appendChild(t.ownerDocument!.createTextNode(text))
  t.setAttributeNS(XML_NS, 'xml:space', 'preserve')
}

/** The formatting of the run where a marker starts, to give the citation the same look. */
export function runPropertiesAt(pieces: TextPiece[], offset: number): Element | undefined {
  const piece = pieces.find(p => p.start <= offset && offset < p.start + p.length)
  const rPr = piece && child(piece.run, 'rPr')
  if (!rPr) return undefined
  const copy = rPr.cloneNode(true) as Element
  // a marker typed in a tracked change must not make the citation look revised
  for (const name of ['rPrChange', 'ins', 'del', 'vertAlign']) {
    const old = child(copy, name)
    if (old) copy.removeChild(old)
  }
  return copy
}
