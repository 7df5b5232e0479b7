// "Find in document": which pages hold the words, and marking them in a
// page's text layer so the hits show on the page.
import type { PDFDocumentProxy } from './pdfjs'

type TextPart = { str?: string; hasEOL?: boolean }

/** The text of every page, read once per document. */
export async function pageTexts(doc: PDFDocumentProxy): Promise<string[]> {
  const texts: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const content = await page.getTextContent()
    texts.push((content.items as TextPart[]).map(item => (item.str ?? '') + (item.hasEOL ? '\n' : ' ')).join(''))
  }
  return texts
}

/** Page numbers (1-based) holding the phrase, with how often: case and spacing do not matter. */
export function findPages(texts: string[], phrase: string): { page: number; count: number }[] {
  const pattern = phrasePattern(phrase)
  if (!pattern) return []
  return texts.flatMap((text, i) => {
    const count = text.match(pattern)?.length ?? 0
    return count ? [{ page: i + 1, count }] : []
  })
}

function phrasePattern(phrase: string): RegExp | undefined {
  const words = phrase.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return undefined
  return new RegExp(words.map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gi')
}

/** Wraps each hit inside the text layer's spans in <mark class="highlight">; returns how many. */
export function highlightHits(layer: HTMLElement, phrase: string): number {
  // The marks of an earlier search go first.
  for (const mark of layer.querySelectorAll('mark.highlight')) {
    const parent = mark.parentElement
    mark.replaceWith(mark.textContent ?? '')
    parent?.normalize()
  }
  const pattern = phrasePattern(phrase)
  if (!pattern) return 0
  let marked = 0
  for (const span of layer.querySelectorAll('span')) {
    if (span.classList.contains('highlight') || span.children.length > 0) continue
    const text = span.textContent ?? ''
    const hits = [...text.matchAll(pattern)]
    if (hits.length === 0) continue
    const pieces: Node[] = []
    let at = 0
    for (const hit of hits) {
      pieces.push(document.createTextNode(text.slice(at, hit.index)))
      const mark = document.createElement('mark')
      mark.className = 'highlight'
      mark.textContent = hit[0]
      pieces.push(mark)
      at = hit.index + hit[0].length
      marked++
    }
    pieces.push(document.createTextNode(text.slice(at)))
    span.replaceChildren(...pieces)
  }
  return marked
}
