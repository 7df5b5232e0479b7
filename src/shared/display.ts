// How an item reads in lists and panes.
import type { CslName, NamedRecord } from './model'

export function nameLabel(name: CslName): string {
  if (name.literal) return name.literal
  return [name.family, name.given].filter(Boolean).join(', ')
}

export function firstAuthorLabel(record: NamedRecord): string {
  const first = record.csl.author?.[0]
  if (!first) return ''
  const label = first.literal ?? first.family ?? first.given ?? ''
  return (record.csl.author?.length ?? 0) > 1 ? `${label} et al.` : label
}

export function plainText(markup: string | undefined): string {
  if (!markup) return ''
  return markup
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** The publication year as a number, when the record has one. */
export function yearOf(record: NamedRecord): number | undefined {
  const first = record.csl.issued?.['date-parts']?.[0]?.[0]
  const year = typeof first === 'string' ? parseInt(first, 10) : first
  return typeof year === 'number' && Number.isFinite(year) ? year : undefined
}

export function yearLabel(record: NamedRecord): string {
  const first = record.csl.issued?.['date-parts']?.[0]?.[0]
  return first === undefined ? '' : String(first)
}

/** "22(5):2372" — volume, issue and pages as journals print them. */
export function sourceDetail(record: NamedRecord): string {
  const { volume, issue, page } = record.csl
  return `${volume ?? ''}${issue ? `(${issue})` : ''}${page ? `:${page}` : ''}`
}
