// Full text of attached PDFs, searchable apart from the library's main index
// so "Include full text" can be switched off without rebuilding anything.
//
// Only items with extracted text are in here, indexed whole (their fields,
// notes and every page), so a query means the same as in the main index with
// the PDF's pages as one more place to look: for these items this index
// answers, for all others the main index does.
import type { Item } from '@shared/model'
import { createSearchIndex, parseQuery, type SearchIndex } from '@shared/search/index'
import { phraseFinder } from '@shared/search/match'

export interface FileText {
  attachmentId: string
  itemId: string
  pages: string[]
}

export interface PageHit {
  attachmentId: string
  /** 1-based */
  page: number
}

export class FullTextIndex {
  private texts = new Map<string, FileText[]>()
  private index: SearchIndex = createSearchIndex()

  get size(): number {
    return this.texts.size
  }

  has(itemId: string): boolean {
    return this.texts.has(itemId)
  }

  textsOf(itemId: string): FileText[] {
    return this.texts.get(itemId) ?? []
  }

  /** Replaces what is known of one item's files (call reindex afterwards). */
  setTexts(itemId: string, texts: FileText[]): void {
    const withWords = texts.filter(t => t.pages.some(p => p.trim() !== ''))
    if (withWords.length) this.texts.set(itemId, withWords)
    else this.texts.delete(itemId)
  }

  addText(text: FileText): void {
    this.setTexts(text.itemId, [...(this.texts.get(text.itemId) ?? []), text])
  }

  /** (Re)indexes an item with its notes and pages; an item without text leaves the index. */
  reindex(item: Item, notes?: string): void {
    const texts = this.texts.get(item.id)
    if (!texts) {
      this.index.remove(item.id)
      return
    }
    this.index.add(item, [...(notes ? [notes] : []), ...texts.flatMap(t => t.pages)])
  }

  remove(itemId: string): void {
    this.texts.delete(itemId)
    this.index.remove(itemId)
  }

  search(query: string): string[] {
    return this.index.search(query)
  }

  /** Where the query's words stand in an item's PDFs: the pages holding every plain word or phrase of it. */
  pagesMatching(itemId: string, query: string): PageHit[] {
    const texts = this.texts.get(itemId)
    if (!texts) return []
    const tests = parseQuery(query)
      .clauses.filter(c => c.kind === 'text' && !c.exclude && !c.field && c.words.length > 0)
      .map(c => (c.kind === 'text' ? phraseFinder(c.words, c.prefix) : () => false))
    if (tests.length === 0) return []
    const hits: PageHit[] = []
    for (const text of texts) {
      text.pages.forEach((page, i) => {
        if (tests.every(found => found(page))) hits.push({ attachmentId: text.attachmentId, page: i + 1 })
      })
    }
    return hits
  }
}
