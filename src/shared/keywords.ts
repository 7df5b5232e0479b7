// Author keywords across formats. PubMed keeps each keyword whole, and some
// hold a comma ("image processing, biomarkers", PMID 29963580); BibTeX,
// biblatex and CSL-JSON write all keywords in one field separated by commas,
// and real RIS files put several on one KW line, so no reader can tell that
// keyword from two. When two copies of a paper meet, the pieces a file gave
// are recognised as the keyword they spell.

/** The keywords of one field as files write them: "a, b; c". */
export function keywordPieces(field: string): string[] {
  return field
    .split(/[,;]/)
    .map(word => word.trim())
    .filter(Boolean)
}

const keyOf = (keyword: string): string => keyword.trim().toLowerCase()

/**
 * `list` with the keywords that together spell a keyword of `whole` (all of
 * its pieces, in any order) replaced by that keyword, where its first piece
 * was. A piece that is also a keyword of `whole` on its own stays.
 */
export function rejoinKeywords(list: readonly string[], whole: readonly string[]): string[] {
  const present = new Set(list.map(keyOf))
  const standalone = new Set(whole.map(keyOf))
  const spelledBy = new Map<string, string[]>()
  for (const keyword of whole) {
    const pieces = keywordPieces(keyword).map(keyOf)
    if (pieces.length < 2 || !pieces.every(piece => present.has(piece))) continue
    for (const piece of pieces) if (!standalone.has(piece)) spelledBy.set(piece, [...(spelledBy.get(piece) ?? []), keyword])
  }
  if (!spelledBy.size) return [...list]
  const out = new Set<string>()
  for (const keyword of list) for (const kept of spelledBy.get(keyOf(keyword)) ?? [keyword]) out.add(kept)
  return [...out]
}

/**
 * Both copies' keywords, each once (case and spaces aside), `first`'s order
 * first. Pieces one copy has of a keyword the other holds whole (a BibTeX
 * file's "image processing" and "biomarkers" beside PubMed's "image
 * processing, biomarkers") count as that keyword, not as two more.
 */
export function unionKeywords(first: readonly string[] = [], second: readonly string[] = []): string[] {
  const seen = new Map<string, string>()
  for (const keyword of [...rejoinKeywords(first, second), ...rejoinKeywords(second, first)]) {
    if (!seen.has(keyOf(keyword))) seen.set(keyOf(keyword), keyword)
  }
  return [...seen.values()]
}
