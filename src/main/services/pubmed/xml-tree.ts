// NCBI's XML as a minimal tree built from a strict SAX parser (saxes): elements
// with their attributes and children, text as plain strings. Building a full
// DOM cost ~89 % of a PubMed import's parse; this tree is what the field
// readers need and nothing more. saxes expands only XML's five predefined
// entities and numeric references, never a DOCTYPE's own entities (no XXE, no
// billion laughs): any other entity is an error, like every well-formedness
// error, so a cut-off reply is refused, never half read.
import { SaxesParser } from 'saxes'

export interface XmlElement {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  /** Child elements and text (CDATA included), in document order; comments and processing instructions are left out. */
  readonly children: XmlNode[]
}

export type XmlNode = XmlElement | string

export interface TreeOptions {
  /**
   * Hand each child of the root to this function as soon as it is complete,
   * instead of keeping it in the root: a 200-record reply then never lives
   * as one tree (the garbage collector's work was half the parse). Whatever
   * it throws is thrown as is; the parse still fails as a whole when the
   * document turns out malformed later.
   */
  eachTopLevel?: (el: XmlElement, root: XmlElement) => void
}

/** A tree being built from text written to it in one piece or several. */
interface TreeBuilder {
  /** false once the text so far is not well-formed */
  write(text: string): boolean
  /** the root element, or null when the whole text is not well-formed XML */
  close(): XmlElement | null
}

function treeBuilder(options: TreeOptions): TreeBuilder {
  const { eachTopLevel } = options
  const parser = new SaxesParser({ position: false })
  const open: XmlElement[] = []
  let root: XmlElement | null = null
  let malformed = false
  const addText = (text: string): void => {
    if (open.length) open[open.length - 1].children.push(text)
  }
  // Stop at the first error: what follows a cut or a garbled byte is not worth reading.
  parser.on('error', error => {
    malformed = true
    throw error
  })
  parser.on('opentag', tag => {
    const el: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] }
    if (!root) root = el
    else if (!(eachTopLevel && open.length === 1)) open[open.length - 1].children.push(el)
    open.push(el)
  })
  parser.on('closetag', () => {
    const el = open.pop()
    if (eachTopLevel && root && el && open.length === 1) eachTopLevel(el, root)
  })
  parser.on('text', addText)
  parser.on('cdata', addText)
  const wellFormed = (step: () => void): boolean => {
    try {
      step()
      return true
    } catch (error) {
      if (malformed) return false
      throw error
    }
  }
  return {
    write: text => wellFormed(() => parser.write(text)),
    close: () => (wellFormed(() => parser.close()) ? root : null)
  }
}

/** The root element, or null when the text is not well-formed XML. */
export function parseXmlTree(xml: string, options: TreeOptions = {}): XmlElement | null {
  const tree = treeBuilder(options)
  return tree.write(xml) ? tree.close() : null
}

/** Characters parsed between two turns of the event loop: a few milliseconds of work. */
const SLICE_CHARS = 128 * 1024

/**
 * As parseXmlTree, a slice of the text at a time with a turn of the event loop
 * (`nextTurn`) between slices, so a reply of several megabytes does not hold
 * main's thread: the next request's turn (NCBI's spacing) and other answers
 * go out on time meanwhile.
 */
export async function parseXmlTreeInTurns(xml: string, nextTurn: () => Promise<void>, options: TreeOptions = {}): Promise<XmlElement | null> {
  const tree = treeBuilder(options)
  for (let at = 0; at < xml.length; at += SLICE_CHARS) {
    if (at > 0) await nextTurn()
    if (!tree.write(xml.slice(at, at + SLICE_CHARS))) return null
  }
  return tree.close()
}
