// Reading NCBI's XML replies: a strict parse (a truncated or garbled reply must
// fail loudly, not import half a record) and small helpers that walk only
// direct children, because PubMed nests the same element names at several
// depths (an ArticleIdList per cited reference, a Count per search term).
import type { Element, Node } from '@xmldom/xmldom'
import { parseXmlStrict } from '../../../shared/xml'
import { ServiceError } from '../../../shared/result'

export type { Element }

const ELEMENT_NODE = 1

export const UNREADABLE_REPLY = 'PubMed sent a reply that could not be read.'

/**
 * Parse an XML reply and return its root element, which must be one of
 * `roots`. Errors of any level stop the parse: NCBI's XML is well-formed, so
 * anything xmldom complains about means the reply was cut off or is not XML.
 */
export function parseNcbiXml(xml: string, roots: string[]): Element {
  const root = parseXmlStrict(xml)
  if (!root || !roots.includes(root.nodeName)) throw new ServiceError('BAD_RESPONSE', UNREADABLE_REPLY)
  return root
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE
}

/** Direct child elements, optionally only those with one name. */
export function children(parent: Element | undefined, name?: string): Element[] {
  if (!parent) return []
  const found: Element[] = []
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && (!name || node.nodeName === name)) found.push(node)
  }
  return found
}

/** The first direct child with this name; a path like 'Journal/JournalIssue' walks down. */
export function child(parent: Element | undefined, path: string): Element | undefined {
  let current = parent
  for (const name of path.split('/')) {
    current = children(current, name)[0]
    if (!current) return undefined
  }
  return current
}

/** All elements reached by a path of direct children ('MeshHeadingList/MeshHeading'). */
export function all(parent: Element | undefined, path: string): Element[] {
  const names = path.split('/')
  let level = parent ? [parent] : []
  for (const name of names) level = level.flatMap(el => children(el, name))
  return level
}

/** Plain text of an element (markup dropped, whitespace collapsed); undefined when empty. */
export function textOf(el: Element | undefined): string | undefined {
  const text = el?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim()
  return text ? text : undefined
}

/** Plain text of the first child found by a path. */
export function textAt(parent: Element | undefined, path: string): string | undefined {
  return textOf(child(parent, path))
}

/** An attribute's value, undefined when missing or empty. */
export function attr(el: Element | undefined, name: string): string | undefined {
  return el?.getAttribute(name) || undefined
}

/** PubMed's Y/N flags (MajorTopicYN, ValidYN). */
export function isYes(el: Element | undefined, name: string): boolean {
  return attr(el, name) === 'Y'
}
