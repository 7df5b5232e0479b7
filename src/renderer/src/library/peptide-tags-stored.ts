// A paper's peptide tags as an import stores them: one string, a line a tag
// (peptide, family, receptor, then each piece of evidence as its source's letter
// and its words, all between tabs), instead of ~30 small objects a paper.
// IndexedDB clones every object of a row it adds, and the tags were 60 % of
// the JSON the reader worker makes and the writer worker parses: with the string
// a 10,000-entry import's writer worker spends 0.55–0.58 s instead of
// 0.67–0.73 s (2026-12-06, load 14–18). Rows other writes make keep the tags as
// a list; the library reads either back as the list (row-read.ts).
import type { EvidenceSource, PeptideTag } from '@shared/model'

/** The tags as a row holds them: the list, or the string this file makes. */
export type StoredPeptideTags = PeptideTag[] | string

const LETTER: Record<EvidenceSource, string> = { mesh: 'M', keyword: 'K', title: 'T', abstract: 'A' }
const SOURCE: Record<string, EvidenceSource> = { M: 'mesh', K: 'keyword', T: 'title', A: 'abstract' }

/** Text a field of the string can hold: a tab or line break would split it, an empty family or receptor would read as none. */
const fits = (text: string) => text !== '' && !text.includes('\t') && !text.includes('\n')

/** The tags as one string, or the list as it is when some text would not read back the same. */
export function storedPeptideTags(tags: PeptideTag[]): StoredPeptideTags {
  let stored = ''
  for (const { peptide, family, receptor, evidence } of tags) {
    if (!fits(peptide) || (family !== undefined && !fits(family)) || (receptor !== undefined && !fits(receptor))) return tags
    if (stored) stored += '\n'
    stored += `${peptide}\t${family ?? ''}\t${receptor ?? ''}`
    for (const { source, text } of evidence) {
      if (!(source in LETTER) || text.includes('\t') || text.includes('\n')) return tags
      stored += `\t${LETTER[source]}${text}`
    }
  }
  return tags.length ? stored : tags
}

/** The list the tags stand for, in the order they were stored. */
export function peptideTagsStored(stored: StoredPeptideTags): PeptideTag[] {
  if (typeof stored !== 'string') return stored
  if (!stored) return []
  return stored.split('\n').map(line => {
    const [peptide, family, receptor, ...evidence] = line.split('\t')
    // the fields in the order the tagger gives them
    const tag: PeptideTag = { peptide, family: family || undefined, evidence: evidence.map(e => ({ source: SOURCE[e[0]], text: e.slice(1) })) }
    if (receptor) tag.receptor = receptor
    return tag
  })
}

/** A row as read: its tags as the list (the row is the reader's own copy, changed in place). */
export function withPeptideTagsRead<T extends { peptideTags?: StoredPeptideTags }>(row: T): T {
  if (typeof row?.peptideTags === 'string') row.peptideTags = peptideTagsStored(row.peptideTags)
  return row
}
