// Reading NCBI's XML replies: a strict parse (a truncated or garbled reply must
// fail loudly, not import half a record) and small helpers that walk only
// direct children, because PubMed nests the same element names at several
// depths (an ArticleIdList per cited reference, a Count per search term).
import { ServiceError } from '@shared/result'
import { parseXmlTree, parseXmlTreeInTurns, type TreeOptions, type XmlElement, type XmlNode } from './xml-tree'

export type { XmlElement }

export const UNREADABLE_REPLY = 'PubMed sent a reply that could not be read.'

const unreadable = (): ServiceError => new ServiceError('BAD_RESPONSE', UNREADABLE_REPLY)

/**
 * Parse an XML reply and return its root element, which must be one of
 * `roots`. NCBI's XML is well-formed, so any parse error means the reply was
 * cut off or is not XML. With `eachTopLevel`, each child of the root is handed
 * over as soon as it is read and not kept (see parseXmlTree); the reply still
 * fails as a whole when it is cut off after some of them.
 */
export function parseNcbiXml(xml: string, roots: string[], eachTopLevel?: (el: XmlElement) => void): XmlElement {
  return rootAmong(parseXmlTree(xml, treeOptions(roots, eachTopLevel)), roots)
}

/** As parseNcbiXml, a slice at a time with a turn of the event loop between slices (parseXmlTreeInTurns). */
export async function parseNcbiXmlInTurns(
  xml: string,
  roots: string[],
  nextTurn: () => Promise<void>,
  eachTopLevel?: (el: XmlElement) => void
): Promise<XmlElement> {
  return rootAmong(await parseXmlTreeInTurns(xml, nextTurn, treeOptions(roots, eachTopLevel)), roots)
}

function treeOptions(roots: string[], eachTopLevel?: (el: XmlElement) => void): TreeOptions {
  return {
    eachTopLevel: eachTopLevel
      ? (el, top) => {
          if (!roots.includes(top.name)) throw unreadable()
          eachTopLevel(el)
        }
      : undefined
  }
}

function rootAmong(root: XmlElement | null, roots: string[]): XmlElement {
  if (!root || !roots.includes(root.name)) throw unreadable()
  return root
}

const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string'

/** Direct child elements, optionally only those with one name. */
export function children(parent: XmlElement | undefined, name?: string): XmlElement[] {
  if (!parent) return []
  const found: XmlElement[] = []
  for (const node of parent.children) if (isElement(node) && (!name || node.name === name)) found.push(node)
  return found
}

function firstChild(parent: XmlElement, name: string): XmlElement | undefined {
  for (const node of parent.children) if (isElement(node) && node.name === name) return node
  return undefined
}

/** The first direct child with this name; a path like 'Journal/JournalIssue' walks down. */
export function child(parent: XmlElement | undefined, path: string): XmlElement | undefined {
  let current = parent
  for (const name of path.split('/')) {
    if (!current) return undefined
    current = firstChild(current, name)
  }
  return current
}

/** All elements reached by a path of direct children ('MeshHeadingList/MeshHeading'). */
export function all(parent: XmlElement | undefined, path: string): XmlElement[] {
  let level = parent ? [parent] : []
  for (const name of path.split('/')) level = level.flatMap(el => children(el, name))
  return level
}

/** Every piece of text under an element, in document order. A loop with a stack, not recursion: a 100k-deep element must not overflow. */
function textContent(el: XmlElement): string {
  const nodes = el.children
  if (nodes.length === 1 && typeof nodes[0] === 'string') return nodes[0]
  let text = ''
  const pending: XmlNode[] = nodes.slice().reverse()
  while (pending.length) {
    const node = pending.pop() as XmlNode
    if (typeof node === 'string') text += node
    else for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i])
  }
  return text
}

/** Plain text of an element (markup dropped, whitespace collapsed); undefined when empty. */
export function textOf(el: XmlElement | undefined): string | undefined {
  const text =
    el &&
    textContent(el)
      .replace(/[ \t\r\n]+/g, ' ')
      .trim()
  return text ? text : undefined
}

/** Plain text of the first child found by a path. */
export function textAt(parent: XmlElement | undefined, path: string): string | undefined {
  return textOf(child(parent, path))
}

/** An attribute's value, undefined when missing or empty. */
export function attr(el: XmlElement | undefined, name: string): string | undefined {
  return el?.attributes[name] || undefined
}

/** PubMed's Y/N flags (MajorTopicYN, ValidYN). */
export function isYes(el: XmlElement | undefined, name: string): boolean {
  return attr(el, name) === 'Y'
}
