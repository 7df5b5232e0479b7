// What a .csl file says about itself: its title, its CSL id, its default
// language and, for a dependent style, the style it borrows its rules from.
// Anything that is not a CSL style is refused with a sentence.
import type { Element } from '@xmldom/xmldom'
import { parseXmlStrict } from '../xml'
import { ServiceError } from '../result'

const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl'

export interface CslStyleInfo {
  /** the style's own <id>, e.g. http://www.zotero.org/styles/apa */
  cslId: string
  title: string
  defaultLocale?: string
  /** <link rel="independent-parent">: a dependent style has no rules of its own */
  parentId?: string
}

const NOT_A_STYLE = 'This file is not a CSL citation style (a .csl file from citationstyles.org or the Zotero style repository).'

function firstChild(parent: Element, name: string): Element | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) return node as Element
  }
  return undefined
}

function childText(parent: Element, name: string): string | undefined {
  const text = firstChild(parent, name)?.textContent?.trim()
  return text || undefined
}

export function readStyleInfo(xml: string): CslStyleInfo {
  const root = parseXmlStrict(xml)
  if (!root || root.localName !== 'style' || root.namespaceURI !== CSL_NAMESPACE) {
    throw new ServiceError('INVALID_INPUT', NOT_A_STYLE)
  }
  const info = firstChild(root, 'info')
  const cslId = info && childText(info, 'id')
  const title = info && childText(info, 'title')
  if (!info || !cslId || !title) {
    throw new ServiceError('INVALID_INPUT', 'This CSL style has no title or id in its <info> section, so Neuroref cannot list it.')
  }
  let parentId: string | undefined
  for (let node = info.firstChild; node; node = node.nextSibling) {
    const link = node as Element
    if (node.nodeType === 1 && link.localName === 'link' && link.getAttribute('rel') === 'independent-parent') {
      parentId = link.getAttribute('href') ?? undefined
    }
  }
  // an independent style must say how to cite and how to list references
  if (!parentId && !firstChild(root, 'citation')) {
    throw new ServiceError('INVALID_INPUT', 'This CSL style has no <citation> section, so it cannot format citations.')
  }
  return { cslId, title, defaultLocale: root.getAttribute('default-locale') || undefined, parentId }
}

/** Short name of a CSL id: "http://www.zotero.org/styles/apa" → "apa". */
export function styleSlug(cslId: string): string {
  const last = cslId.replace(/\/+$/, '').split('/').pop() ?? ''
  return (
    last
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'style'
  )
}
