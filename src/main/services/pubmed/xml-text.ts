// PubMed titles and abstracts carry a little inline markup (<i>TERT</i>,
// SnO<sub>2</sub>, r<sup>2</sup>) and sometimes MathML. Neuroref keeps the
// formatting tags a citation style can print and reduces everything else to
// its text, so "η_p^2" written in MathML still reads as "η p 2".
import type { XmlElement, XmlNode } from './xml-tree'

/** The HTML-ish tags CSL processors understand in titles and abstracts. */
const KEPT_TAGS = new Set(['i', 'b', 'sub', 'sup', 'u'])

/** Text with the kept tags written back, walked with a stack (deep MathML must not overflow). */
function inline(el: XmlElement): string {
  let text = ''
  // Strings on the stack are written as they come: text, and the closing tags of kept elements.
  const pending: XmlNode[] = el.children.slice().reverse()
  while (pending.length) {
    const node = pending.pop() as XmlNode
    if (typeof node === 'string') {
      text += node
      continue
    }
    if (KEPT_TAGS.has(node.name)) {
      text += `<${node.name}>`
      pending.push(`</${node.name}>`)
    }
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i])
  }
  return text
}

/**
 * Text of an element with <i> <b> <sub> <sup> <u> kept, other tags dropped
 * (their text kept), entities decoded by the parser, and the pretty-printing
 * whitespace collapsed. Non-breaking spaces are PubMed's own and stay.
 * Undefined when nothing is left.
 */
export function markupText(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined
  let text = inline(el)
  // A line break before a subscript is pretty-printing ("β\n\t\t<sub>2</sub>"), never the author's space.
  // (Only looked for where there is a subscript: the search is slow on long abstracts.)
  if (text.includes('<su')) text = text.replace(/[ \t]*[\r\n][ \t\r\n]*(?=<(sub|sup)>)/g, '')
  const tidy = text
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/<(i|b|sub|sup|u)> /g, ' <$1>')
    .replace(/ <\/(i|b|sub|sup|u)>/g, '</$1> ')
    .replace(/<(i|b|sub|sup|u)><\/\1>/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
  return tidy || undefined
}
