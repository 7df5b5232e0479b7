// Finds paper identifiers (DOI, PubMed ID, PubMed Central ID) in whatever a
// researcher pastes: a reference list, a spreadsheet column, links, notes.
// Pure TypeScript, shared by renderer and main.
//
// The rule for bare numbers: a number with no label is a PMID only when the
// WHOLE input is a list of identifiers, i.e. every token (split on whitespace,
// commas and semicolons) is an identifier, a bare number, or a column header
// word such as "PMID". In any other text, a bare number is a year, a page, a
// volume, an ISSN part or a phone number, never a PMID.

export type Identifier = { kind: 'doi'; value: string } | { kind: 'pmid'; value: string } | { kind: 'pmcid'; value: string }

// The one pattern of each identifier in the whole code base; every finder,
// importer and validator (main's too) builds on these three.
/** A PMID: 1–8 digits, no leading zero (NLM's MEDLINE/PubMed XML element description of <PMID>). */
export const PMID_PATTERN = '[1-9]\\d{0,7}'
/** The digits of a PMCID, after "PMC". */
export const PMCID_DIGITS_PATTERN = '\\d{1,9}'
/** A DOI's prefix: "10." and a registrant code of 4–9 digits; the suffix follows a "/". */
export const DOI_PREFIX_PATTERN = '10\\.\\d{4,9}'

const WHOLE_VALUE: Record<Identifier['kind'], RegExp> = {
  doi: new RegExp(`^${DOI_PREFIX_PATTERN}/\\S+$`),
  pmid: new RegExp(`^${PMID_PATTERN}$`),
  pmcid: new RegExp(`^PMC${PMCID_DIGITS_PATTERN}$`, 'i')
}

/** `value` is, as a whole, an identifier of this kind: "33673448", "PMC7956822", "10.1016/j.x" (no label, no link). */
export function isIdentifierValue(kind: Identifier['kind'], value: string): boolean {
  return WHOLE_VALUE[kind].test(value)
}

/** An identifier and where its text sits in the input (half-open span). */
interface Hit {
  start: number
  end: number
  id: Identifier
}

// A DOI: "10." + registrant + "/" (or URL-encoded %2F) + suffix. It must not
// follow a letter, digit or dot (so "110.1234/x" or "v10.1234/x" are not DOIs),
// except "%2F" ("doi.org%2F10.1000%2Fx"). The suffix stops at whitespace, quotes,
// "<", ">" and at a Markdown "](" that opens a link target.
const DOI_RE = new RegExp(`(?<=^|[^\\w.]|%2F)${DOI_PREFIX_PATTERN}(?:/|%2F)(?:(?!\\]\\()[^\\s"<>])+`, 'gi')

// arXiv: "arXiv:2101.00001v2", "arxiv.org/abs/…", "arxiv.org/pdf/…", and old
// style "hep-th/9901001" or "math.AG/0601001". The version suffix is dropped.
const ARXIV_RE = /\barxiv(?::\s*|\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5}(?!\d)|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?/gi

// A PMID after a label: "PMID: 1", "PMID 1", "pmid:1", MEDLINE's "PMID- 1",
// and a header like "PMIDs: 1".
const PMID_LABEL_RE = new RegExp(`\\bPMIDs?\\s*[:-]?\\s*(${PMID_PATTERN})(?!\\d)`, 'gi')

// A PMID in a PubMed or Europe PMC link: pubmed.ncbi.nlm.nih.gov/1,
// www.ncbi.nlm.nih.gov/pubmed/1, europepmc.org/article/MED/1. A search
// ("pubmed/?term=1") is not a link to a paper, so it does not match.
const PMID_URL_RE = new RegExp(
  `\\b(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|ncbi\\.nlm\\.nih\\.gov/pubmed/|europepmc\\.org/(?:abstract|article)/MED/)(${PMID_PATTERN})(?!\\d)`,
  'gi'
)

// A PMCID: "PMC7956822" anywhere (also inside pmc.ncbi.nlm.nih.gov links).
const PMCID_RE = new RegExp(`\\bPMC(${PMCID_DIGITS_PATTERN})\\b`, 'gi')

// A PMCID label followed by the number alone: "PMCID: 7956822".
const PMCID_LABEL_RE = new RegExp(`\\bPMCID\\s*[:-]?\\s*(${PMCID_DIGITS_PATTERN})\\b`, 'gi')

// The column headers a list of identifiers may carry.
const HEADER_WORD_RE = /^(?:pmids?|pmcids?|dois?|ids?)[:]?$/i
// Tokens of a list are separated by whitespace (tabs, CRLF too), commas, semicolons.
const TOKEN_RE = /[^\s,;]+/g

// Punctuation that ends a sentence or encloses a DOI rather than belonging to it.
const TRAILING = new Set(['.', ',', ';', ':', ')', ']', '}', '>', "'", '"'])
const OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' }

// What publisher links add after the DOI: "?utm_source=…" and "/full" etc.
const QUERY_RE = /\?[\w.-]+=.*$/
const PAGE_SUFFIX_RE = /\/(?:full|abstract|pdf|epdf|epub|fulltext|html|summary)$/i

/** Every identifier in `text`, in order of first appearance, each once. */
export function findIdentifiers(text: string): Identifier[] {
  const labelled = regexHits(text)
  const hits = [...labelled, ...barePmidHits(text, labelled)]
  hits.sort((a, b) => a.start - b.start)
  const seen = new Set<string>()
  const found: Identifier[] = []
  for (const { id } of hits) {
    const key = `${id.kind}:${id.value}`
    if (seen.has(key)) continue
    seen.add(key)
    found.push(id)
  }
  return found
}

/**
 * The DOI that `input` holds (bare, "doi:…", a doi.org link, a publisher link
 * with the DOI in it, URL-encoded or not), lower-cased and without trailing
 * punctuation; null when it holds none.
 */
export function normaliseDoi(input: string): string | null {
  for (const match of input.matchAll(DOI_RE)) {
    const doi = cleanDoi(match[0])
    if (doi) return doi
  }
  return null
}

/** How an identifier reads to a researcher: "DOI 10.…", "PMID 1…", "PMCID PMC…". */
export function identifierLabel(id: Identifier): string {
  const prefix = { doi: 'DOI', pmid: 'PMID', pmcid: 'PMCID' }[id.kind]
  return `${prefix} ${id.value}`
}

/** Identifiers that some pattern recognises, sorted by position; none lies inside another. */
function regexHits(text: string): Hit[] {
  const hits: Hit[] = []
  const collect = (re: RegExp, toId: (m: RegExpMatchArray) => Identifier | null) => {
    for (const m of text.matchAll(re)) {
      const id = toId(m)
      if (id) hits.push({ start: m.index!, end: m.index! + m[0].length, id })
    }
  }
  collect(DOI_RE, m => doiOrNull(cleanDoi(m[0])))
  collect(ARXIV_RE, m => ({ kind: 'doi', value: `10.48550/arxiv.${m[1].toLowerCase()}` }))
  collect(PMID_LABEL_RE, m => ({ kind: 'pmid', value: m[1] }))
  collect(PMID_URL_RE, m => ({ kind: 'pmid', value: m[1] }))
  collect(PMCID_RE, m => ({ kind: 'pmcid', value: `PMC${m[1]}` }))
  collect(PMCID_LABEL_RE, m => ({ kind: 'pmcid', value: `PMC${m[1]}` }))

  // "PMC123" inside a DOI suffix belongs to the DOI: drop a hit lying inside another.
  hits.sort((a, b) => a.start - b.start || b.end - a.end)
  let reach = -1
  return hits.filter(hit => {
    const inside = hit.end <= reach
    reach = Math.max(reach, hit.end)
    return !inside
  })
}

/** Bare numbers, as PMIDs, when the whole input is a list of identifiers. */
function barePmidHits(text: string, hits: Hit[]): Hit[] {
  const bare: Hit[] = []
  let next = 0 // hits are sorted by start and end, so one walk finds each token's overlap
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index!
    const end = start + m[0].length
    while (next < hits.length && hits[next].end <= start) next++
    const overlapsHit = next < hits.length && hits[next].start < end
    if (overlapsHit || HEADER_WORD_RE.test(m[0])) continue
    if (!isIdentifierValue('pmid', m[0])) return [] // prose (or a non-PMID number): no bare PMIDs at all
    bare.push({ start, end, id: { kind: 'pmid', value: m[0] } })
  }
  return bare
}

function doiOrNull(value: string | null): Identifier | null {
  return value ? { kind: 'doi', value } : null
}

/** A raw DOI match made canonical: decoded, trimmed of what follows it, lower-cased. */
function cleanDoi(raw: string): string | null {
  const trimmed = trimTrailing(decodePercent(raw))
  const doi = trimTrailing(trimmed.replace(QUERY_RE, '').replace(PAGE_SUFFIX_RE, ''))
  return isIdentifierValue('doi', doi) ? doi.toLowerCase() : null
}

function decodePercent(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw // a stray "%" that is not an escape: keep the text as it is
  }
}

/** Drops sentence punctuation after a DOI, but keeps a ")" that closes a "(" inside it. */
function trimTrailing(doi: string): string {
  while (doi.length > 0) {
    const last = doi[doi.length - 1]
    if (!TRAILING.has(last)) break
    const opener = OPENER[last]
    if (opener && count(doi, opener) >= count(doi, last)) break
    doi = doi.slice(0, -1)
  }
  return doi
}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}
