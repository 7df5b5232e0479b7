// Facets and dashboard plots filter by writing search qualifiers into the
// search text ("peptide:oxytocin", mesh:"Social Behavior", year:2015-2021), so
// what the user sees in the search box is exactly what filters the list.

export type QualifierName = 'peptide' | 'mesh' | 'journal' | 'year' | 'type' | 'organism'

/** `mesh:"Social Behavior"`; quotes only where the value has spaces or colons. */
export function qualifier(name: QualifierName, value: string | number): string {
  const text = String(value).replace(/"/g, '').replace(/\s+/g, ' ').trim()
  return /[\s:()]/.test(text) ? `${name}:"${text}"` : `${name}:${text}`
}

export const peptideQualifier = (peptide: string): string => qualifier('peptide', peptide.toLowerCase())
export const typeQualifier = (type: string): string => qualifier('type', type.toLowerCase())

export function yearQualifier(from: number, to = from): string {
  const [lo, hi] = from <= to ? [from, to] : [to, from]
  return qualifier('year', lo === hi ? String(lo) : `${lo}-${hi}`)
}

/** The search text split into its words, keeping "quoted phrases" and name:"quoted values" whole. */
export function searchTokens(search: string): string[] {
  return search.match(/-?[\w-]+:"[^"]*"?|"[^"]*"?|\S+/g) ?? []
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()
const isYear = (token: string): boolean => /^year:/i.test(token)

export function hasQualifier(search: string, token: string): boolean {
  return qualifiersIn(search)(token)
}

/** Whether a token is in the search, the search split once for every token asked about (a facet list's hundreds). */
export function qualifiersIn(search: string): (token: string) => boolean {
  const tokens = new Set(searchTokens(search).map(token => token.toLowerCase()))
  return token => tokens.has(token.toLowerCase())
}

/**
 * Clicking a facet value: adds its qualifier to the search, or takes it away
 * if it is there already. A year replaces any other year (two years at once
 * would match nothing).
 */
export function toggleQualifier(search: string, token: string): string {
  const tokens = searchTokens(search)
  if (tokens.some(t => same(t, token))) return tokens.filter(t => !same(t, token)).join(' ')
  const kept = isYear(token) ? tokens.filter(t => !isYear(t)) : tokens
  return [...kept, token].join(' ')
}

/** The search without its year: the histogram shows every year of the rest, so another range can be chosen. */
export function withoutYear(search: string): string {
  return searchTokens(search)
    .filter(t => !isYear(t))
    .join(' ')
}

/** The year range the search asks for (year:2019 or year:2015-2021), to highlight it on the histogram. */
export function yearRangeOf(search: string): { from: number; to: number } | undefined {
  for (const token of searchTokens(search)) {
    const m = /^year:"?(\d{4})(?:-(\d{4}))?"?$/i.exec(token)
    if (m) return { from: Number(m[1]), to: Number(m[2] ?? m[1]) }
  }
  return undefined
}
