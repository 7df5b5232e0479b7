// Abstracts: one AbstractText, or several labelled ones (BACKGROUND, METHODS…)
// that PubMed shows as headed paragraphs. The publisher's copyright line is
// not part of the abstract and is left out.
import type { AbstractSection } from '@shared/model'
import { attr, children, type XmlElement } from './ncbi-xml'
import { markupText } from './xml-text'

export interface ReadAbstract {
  text?: string
  sections?: AbstractSection[]
}

export function readAbstract(abstract: XmlElement | undefined): ReadAbstract {
  const parts = children(abstract, 'AbstractText').flatMap(el => {
    const text = markupText(el)
    if (!text) return []
    const label = attr(el, 'Label')
    const category = attr(el, 'NlmCategory')
    return [{ ...(label ? { label } : {}), ...(category ? { category } : {}), text }]
  })
  if (parts.length === 0) return {}
  const text = parts.map(p => (p.label ? `${p.label}: ${p.text}` : p.text)).join('\n')
  return parts.some(p => p.label) ? { text, sections: parts } : { text }
}
