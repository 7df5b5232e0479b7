// What the replay esearch finds: DOI / PMID lookups ("10.x/y"[doi] OR …, as
// the app sends them) and, for any other term, a plain word match over the
// titles and abstracts of the recorded records (every word must appear).
// Phrases found nowhere are named as NCBI names them: with the field tag they
// were written with (`fleegle[MeSH Terms]`, see
// esearch/ncbi_eutilsjson_esearch_error_phrase_not_found.json).
import type { PubmedCorpus, PubmedRecord } from './ncbi-corpus'

export interface Found {
  /** all matching PMIDs, in the order PubMed would page them */
  ids: string[]
  translation: string
  notFound: string[]
}

const ID_TERM = /^"?([^"]+?)"?\s*\[(doi|aid|lid|location id|pmid|uid)\]$/i

/** A term made only of field-tagged ids joined by OR; undefined for anything else. */
export function findByIds(corpus: PubmedCorpus, term: string): Found | undefined {
  const parts = term.split(/\s+OR\s+/i).map(p =>
    p
      .trim()
      .replace(/^\(+|\)+$/g, '')
      .trim()
  )
  const asked = parts.map(p => ID_TERM.exec(p))
  if (!parts.length || asked.some(m => !m)) return undefined
  const ids: string[] = []
  const notFound: string[] = []
  for (const m of asked as RegExpExecArray[]) {
    const [, value, field] = m
    const byPmid = /^(pmid|uid)$/i.test(field)
    const record = byPmid ? corpus.byPmid.get(value.trim()) : corpus.byDoi.get(value.trim().toLowerCase())
    if (record) ids.push(record.pmid)
    else notFound.push(value.trim())
  }
  return {
    ids: [...new Set(ids)],
    translation: (asked as RegExpExecArray[]).map(([, value, field]) => `${value.trim()}[${field.toLowerCase()}]`).join(' OR '),
    notFound
  }
}

const WORD = /[\p{L}\p{N}]+/gu
const wordCache = new WeakMap<PubmedRecord, Set<string>>()

function wordsOf(record: PubmedRecord): Set<string> {
  let words = wordCache.get(record)
  if (!words) {
    words = new Set(`${record.title} ${record.abstract}`.toLowerCase().match(WORD) ?? [])
    wordCache.set(record, words)
  }
  return words
}

/** A "quoted phrase" or a word, each with the field tag written after it; a tag after `)` is skipped. */
const PHRASE = /"([^"]*)"\s*(\[[^\]]*\])?|([\p{L}\p{N}]+)\s*(\[[^\]]*\])?|\[[^\]]*\]/gu

interface Phrase {
  words: string[]
  /** as the query wrote it, e.g. fleegle[MeSH Terms] */
  written: string
  field?: string
}

function phrasesOf(term: string): Phrase[] {
  const out: Phrase[] = []
  for (const m of term.matchAll(PHRASE)) {
    const text = m[1] ?? m[3]
    const tag = m[2] ?? m[4]
    if (text === undefined || (m[3] !== undefined && !tag && ['AND', 'OR', 'NOT'].includes(text))) continue
    const words = text.match(WORD) ?? []
    if (words.length) out.push({ words, written: `${text}${tag ?? ''}`, ...(tag ? { field: tag.slice(1, -1) } : {}) })
  }
  return out
}

/** Free text: every word (field tags ignored) must be in title or abstract; newest PMID first. */
export function searchText(corpus: PubmedCorpus, term: string): Found {
  const phrases = phrasesOf(term)
  const words = phrases.flatMap(p => p.words)
  const known = (r: PubmedRecord, w: string): boolean => wordsOf(r).has(w.toLowerCase())
  const hits = words.length ? corpus.records.filter(r => words.every(w => known(r, w))) : []
  const foundNowhere = (p: Phrase): boolean => !corpus.records.some(r => p.words.every(w => known(r, w)))
  return {
    ids: [...new Set(hits.map(r => r.pmid))].sort((a, b) => Number(b) - Number(a)),
    translation: phrases.map(p => `"${p.words.join(' ')}"[${p.field ?? 'All Fields'}]`).join(' AND '),
    notFound: phrases.filter(foundNowhere).map(p => p.written)
  }
}
