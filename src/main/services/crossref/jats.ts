// Crossref titles and abstracts arrive as JATS or HTML fragments. Neuroref
// keeps only the inline markup a citation needs (<i>, <sub>, <sup>) and turns
// JATS sections into labelled abstract sections, the way PubMed shows them.
import { DOMParser } from '@xmldom/xmldom'
import type { AbstractSection } from '@shared/model'

/** The abstract as one text (inline markup kept) plus its labelled sections, if it has any. */
export interface ReadAbstract {
  text: string
  sections?: AbstractSection[]
}

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const CDATA_SECTION_NODE = 4

/** Which element becomes which kept tag; every other element keeps only its text. */
const KEPT_TAGS: Record<string, string> = { italic: 'i', i: 'i', em: 'i', sub: 'sub', sup: 'sup' }

/** Elements that hold paragraphs rather than running text. */
const BLOCKS = new Set(['sec', 'p', 'title', 'list', 'list-item', 'disp-quote', 'boxed-text', 'abstract', 'def-list', 'def-item', 'statement', 'div'])

/** Parts of an abstract a reader does not need in the text (figures, tables, their captions). */
const SKIPPED = new Set(['fig', 'table-wrap', 'graphic', 'media', 'alternatives', 'label', 'object-id'])

type DomNode = {
  nodeType: number
  localName?: string | null
  nodeName: string
  data?: string
  childNodes: ArrayLike<DomNode>
}

/**
 * Parse a fragment leniently: HTML mode knows HTML's named entities (&nbsp;,
 * &eacute;) and tolerates a bare `&`; the declared prefixes let `jats:` and
 * `mml:` element names through. Undefined when the fragment is not markup we
 * can read (unbalanced tags, a bare `<`).
 */
function parseFragment(fragment: string): DomNode | undefined {
  const wrapped =
    '<root xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1" xmlns:mml="http://www.w3.org/1998/Math/MathML" ' +
    `xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:ali="http://www.niso.org/schemas/ali/1.0/">${fragment}</root>`
  try {
    // Non-fatal complaints (an unknown entity) are fine: the text stays as written.
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(wrapped, 'text/html')
    return (doc.documentElement as unknown as DomNode) ?? undefined
  } catch {
    return undefined
  }
}

function nameOf(node: DomNode): string {
  return (node.localName ?? node.nodeName).toLowerCase()
}

function children(node: DomNode): DomNode[] {
  return Array.from(node.childNodes)
}

/** Running text of a node's children with only the kept inline tags. */
function inline(node: DomNode): string {
  return children(node).map(inlineNode).join('')
}

function inlineNode(node: DomNode): string {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) return node.data ?? ''
  if (node.nodeType !== ELEMENT_NODE) return ''
  const name = nameOf(node)
  if (SKIPPED.has(name)) return ''
  if (name === 'br') return ' '
  const kept = KEPT_TAGS[name]
  return kept ? `<${kept}>${inline(node)}</${kept}>` : inline(node)
}

/**
 * Publishers' pretty-printed JATS puts line breaks around inline elements
 * ("(\n  <i>KRAS</i>\n  )"), and bioRxiv drops the spaces around italics
 * ("successful<i>Shigella</i>"). Undo both, then collapse whitespace.
 */
function tidyInline(text: string): string {
  return text
    .replace(/([([/])[^\S\n]*\n\s*/g, '$1')
    .replace(/\s*\n[^\S\n]*([)\],.;:/-])/g, '$1')
    .replace(/<(i|sub|sup)>(\s+)/g, '$2<$1>')
    .replace(/(\s+)<\/(i|sub|sup)>/g, '</$2>$1')
    .replace(/<(i|sub|sup)><\/\1>/g, '')
    .replace(/([\p{L},.;:!?])<i>/gu, '$1 <i>')
    .replace(/<\/i>(\p{L})/gu, '</i> $1')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Last resort for fragments that do not parse: keep the kept tags, drop the rest. */
function stripTags(fragment: string): string {
  return fragment.replace(/<(\/?)([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)(\s[^<>]*)?\/?>/g, (_tag, close: string, _prefix, name: string) => {
    const kept = KEPT_TAGS[name.toLowerCase()]
    return kept ? `<${close}${kept}>` : ' '
  })
}

/** A title or other short text: entities decoded, only <i>, <sub>, <sup> kept. */
export function cleanInlineMarkup(raw: string): string {
  // Some deposits encode their markup twice ("&lt;em&gt;Lavandula&lt;/em&gt;"): decode that layer first.
  const source = /&lt;\/?[a-z][\w:-]*&gt;/i.test(raw) ? decodeEntities(raw) : raw
  const root = parseFragment(source)
  return tidyInline(root ? inline(root) : stripTags(source))
}

/** HTML and XML entities → characters; markup is left as it is. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  const root = parseFragment(text.replace(/</g, '&lt;'))
  return root ? inline(root) : text
}

interface Block {
  label?: string
  paragraphs: string[]
}

/**
 * A JATS abstract → text. `<jats:sec>` with a `<jats:title>` becomes a labelled
 * section; a lone leading "Abstract" heading is dropped, as PubMed drops it.
 */
export function readJatsAbstract(jats: string): ReadAbstract {
  const root = parseFragment(jats)
  if (!root) return { text: tidyInline(stripTags(jats)) }
  const blocks: Block[] = []
  let current: Block | undefined
  const paragraph = (text: string): void => {
    const tidy = tidyInline(text)
    if (!tidy) return
    if (!current) blocks.push((current = { paragraphs: [] }))
    current.paragraphs.push(tidy)
  }
  // The heading of the whole abstract ("Abstract", "ABSTRACT") is no section label.
  const startSection = (heading: string): void => {
    const label = heading.replace(/[:.]\s*$/, '')
    const wholeAbstract = blocks.length === 0 && /^(abstract|summary)$/i.test(label)
    blocks.push((current = { label: wholeAbstract ? undefined : label || undefined, paragraphs: [] }))
  }

  const walk = (node: DomNode, skip?: DomNode): void => {
    let loose = ''
    const flush = (): void => {
      paragraph(loose)
      loose = ''
    }
    for (const child of children(node)) {
      if (child === skip) continue
      const name = child.nodeType === ELEMENT_NODE ? nameOf(child) : ''
      if (!BLOCKS.has(name)) {
        loose += inlineNode(child)
        continue
      }
      flush()
      if (name === 'sec') {
        const heading = children(child).find(c => c.nodeType === ELEMENT_NODE && nameOf(c) === 'title')
        startSection(heading ? tidyInline(inline(heading)) : '')
        walk(child, heading)
        current = undefined
      } else if (name === 'title') {
        startSection(tidyInline(inline(child)))
      } else if (children(child).some(c => c.nodeType === ELEMENT_NODE && BLOCKS.has(nameOf(c)))) {
        walk(child)
      } else {
        paragraph(inline(child))
      }
    }
    flush()
  }
  walk(root)

  const filled = blocks.filter(b => b.paragraphs.length > 0)
  const labelled = filled.some(b => b.label)
  const text = filled.map(b => (b.label ? `${b.label}: ${b.paragraphs.join(' ')}` : b.paragraphs.join('\n'))).join('\n')
  if (!labelled) return { text }
  return {
    text,
    sections: filled.map(b => ({ ...(b.label ? { label: b.label } : {}), text: b.paragraphs.join(' ') }))
  }
}
