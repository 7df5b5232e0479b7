// citeproc writes HTML (<i>, <b>, <sup>, small caps in a span …); a word
// processor needs runs of text with those properties. This turns citeproc's
// HTML into such runs, and runs back into plain text.
import type { Element, Node } from '@xmldom/xmldom'
import { parseXmlStrict } from '../xml'

export interface TextRun {
  text: string
  italic?: boolean
  bold?: boolean
  superscript?: boolean
  subscript?: boolean
  smallCaps?: boolean
  underline?: boolean
  /** a tab between a number and its entry (numeric bibliographies) */
  tab?: boolean
}

type Format = Omit<TextRun, 'text' | 'tab'>

function styled(format: Format, element: Element): Format {
  const next = { ...format }
  switch (element.localName) {
    case 'i':
    case 'em':
      next.italic = !format.italic
      break
    case 'b':
    case 'strong':
      next.bold = true
      break
    case 'sup':
      next.superscript = true
      break
    case 'sub':
      next.subscript = true
      break
    case 'u':
      next.underline = true
      break
  }
  const style = element.getAttribute('style') ?? ''
  if (/font-variant:\s*small-caps/.test(style)) next.smallCaps = true
  if (/font-variant:\s*normal/.test(style)) next.smallCaps = false
  if (/font-style:\s*italic/.test(style)) next.italic = true
  if (/font-style:\s*normal/.test(style)) next.italic = false
  if (/font-weight:\s*bold/.test(style)) next.bold = true
  if (/font-weight:\s*normal/.test(style)) next.bold = false
  if (/text-decoration:\s*underline/.test(style)) next.underline = true
  if (/vertical-align:\s*sup/.test(style)) next.superscript = true
  if (/vertical-align:\s*sub/.test(style)) next.subscript = true
  if (/baseline/.test(style)) next.superscript = next.subscript = false
  return next
}

function walk(node: Node, format: Format, out: TextRun[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const text = child.nodeValue ?? ''
      if (text) out.push({ text, ...format })
    } else if (child.nodeType === 1) {
      const element = child as Element
      walk(element, styled(format, element), out)
      // "1. " then the entry: a numbered bibliography aligns on a tab
      if (element.getAttribute('class') === 'csl-left-margin') {
        const last = out[out.length - 1]
        if (last) last.text = last.text.replace(/\s+$/, '')
        out.push({ text: '\t', tab: true })
      }
    }
  }
}

function merge(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = []
  const same = (a: TextRun, b: TextRun) =>
    !a.tab &&
    !b.tab &&
    !!a.italic === !!b.italic &&
    !!a.bold === !!b.bold &&
    !!a.superscript === !!b.superscript &&
    !!a.subscript === !!b.subscript &&
    !!a.smallCaps === !!b.smallCaps &&
    !!a.underline === !!b.underline
  for (const run of runs) {
    const last = out[out.length - 1]
    if (last && same(last, run)) last.text += run.text
    else out.push({ ...run })
  }
  return out
}

/** citeproc's HTML for one citation or bibliography entry → runs. */
export function htmlToRuns(html: string): TextRun[] {
  const body = html.replace(/&nbsp;/g, '&#160;').trim()
  const root = parseXmlStrict(`<r>${body}</r>`)
  if (!root) return [{ text: body.replace(/<[^>]*>/g, '') }]
  const runs: TextRun[] = []
  walk(root, {}, runs)
  const merged = merge(runs)
  // citeproc's block layout adds newlines and indentation around divs
  return merged.map(run => (run.tab ? run : { ...run, text: run.text.replace(/\s*\n\s*/g, '') })).filter(run => run.text.length > 0)
}

export function runsToText(runs: TextRun[]): string {
  return runs.map(run => run.text).join('')
}
