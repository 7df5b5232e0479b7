// Likely duplicates: the same DOI, PMID or PMCID, or the same title (letters
// and digits only, accents folded), year and first author. Linear in the
// number of items, so it stays cheap at 100,000.
import type { Item } from './model'
import { titleFingerprint } from './text'

export interface DuplicatePair {
  a: string
  b: string
  reason: 'DOI' | 'PMID' | 'PMCID' | 'title, year and first author'
}

function firstAuthor(item: Item): string {
  const first = item.csl.author?.[0]
  return titleFingerprint(first?.family ?? first?.literal ?? '')
}

export function findDuplicatePairs(items: Iterable<Item>): DuplicatePair[] {
  const seen = new Map<string, string>()
  const pairs = new Map<string, DuplicatePair>()
  const note = (key: string, item: Item, reason: DuplicatePair['reason']): void => {
    const other = seen.get(key)
    if (other === undefined) {
      seen.set(key, item.id)
      return
    }
    const [a, b] = other < item.id ? [other, item.id] : [item.id, other]
    if (!pairs.has(`${a}|${b}`)) pairs.set(`${a}|${b}`, { a, b, reason })
  }
  for (const item of items) {
    if (item.trashedAt !== undefined) continue
    if (item.doiKey) note(`doi:${item.doiKey}`, item, 'DOI')
    if (item.pmid) note(`pmid:${item.pmid}`, item, 'PMID')
    if (item.pmcid) note(`pmcid:${item.pmcid.toUpperCase()}`, item, 'PMCID')
    const fingerprint = titleFingerprint(item.csl.title)
    if (fingerprint.length >= 12 && item.year) note(`t:${fingerprint}|${item.year}|${firstAuthor(item)}`, item, 'title, year and first author')
  }
  return [...pairs.values()]
}

export function idsInPairs(pairs: DuplicatePair[]): Set<string> {
  return new Set(pairs.flatMap((p) => [p.a, p.b]))
}
