// PubMed titles and abstracts carry a little inline markup (<i>TERT</i>,
// SnO<sub>2</sub>, r<sup>2</sup>) and sometimes MathML. Neuroref keeps the
// formatting tags a citation style can print and reduces everything else to
// its text, so "η_p^2" written in MathML still reads as "η p 2".
import type { Element, Node } from '@xmldom/xmldom'

const ELEMENT_NODE = 1
const TEXT_NODE = 3
const CDATA_SECTION_NODE = 4

/** The HTML-ish tags CSL processors understand in titles and abstracts. */
const KEPT_TAGS = new Set(['i', 'b', 'sub', 'sup', 'u'])

function inline(node: Node): string {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) return node.nodeValue ?? ''
  if (node.nodeType !== ELEMENT_NODE) return '' // comments, processing instructions
  let inner = ''
  for (let c = node.firstChild; c; c = c.nextSibling) inner += inline(c)
  const name = (node as Element).nodeName
  return KEPT_TAGS.has(name) ? `<${name}>${inner}</${name}>` : inner
}

/**
 * Text of an element with <i> <b> <sub> <sup> <u> kept, other tags dropped
 * (their text kept), entities decoded by the parser, and the pretty-printing
 * whitespace collapsed. Non-breaking spaces are PubMed's own and stay.
 * Undefined when nothing is left.
 */
export function markupText(el: Element | undefined): string | undefined {
  if (!el) return undefined
  let text = ''
  for (let c = el.firstChild; c; c = c.nextSibling) text += inline(c)
  const tidy = text
    // A line break before a subscript is pretty-printing ("β\n\t\t<sub>2</sub>"), never the author's space.
    .replace(/[ \t]*[\r\n][ \t\r\n]*(?=<(sub|sup)>)/g, '')
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/<(i|b|sub|sup|u)> /g, ' <$1>')
    .replace(/ <\/(i|b|sub|sup|u)>/g, '</$1> ')
    .replace(/<(i|b|sub|sup|u)><\/\1>/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
  return tidy || undefined
}
