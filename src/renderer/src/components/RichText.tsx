// Titles and abstracts keep PubMed's <i>, <b>, <sub>, <sup>, <u>. They are
// turned into React elements; no HTML from outside is ever injected.
import { Fragment, type ReactNode } from 'react'

const ALLOWED = new Set(['i', 'b', 'sub', 'sup', 'u', 'em', 'strong'])

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

function renderMarkup(markup: string): ReactNode[] {
  const root: ReactNode[] = []
  const stack: { tag: string; children: ReactNode[] }[] = []
  const current = (): ReactNode[] => (stack.length ? stack[stack.length - 1].children : root)
  let key = 0
  for (const part of markup.split(/(<\/?[a-zA-Z]+[^>]*>)/)) {
    const tag = /^<(\/?)([a-zA-Z]+)/.exec(part)
    if (!tag) {
      if (part) current().push(decode(part))
      continue
    }
    const name = tag[2].toLowerCase()
    if (!ALLOWED.has(name)) continue
    if (tag[1] !== '/') {
      stack.push({ tag: name, children: [] })
    } else if (stack.length && stack[stack.length - 1].tag === name) {
      const done = stack.pop()!
      const Element = done.tag as 'i'
      current().push(<Element key={key++}>{done.children}</Element>)
    }
  }
  while (stack.length) current().push(<Fragment key={key++}>{stack.pop()!.children}</Fragment>)
  return root
}

export function RichText({ markup, as: Tag = 'span' }: { markup: string | undefined; as?: 'span' | 'p' | 'h2' }) {
  return <Tag>{markup ? renderMarkup(markup) : null}</Tag>
}
