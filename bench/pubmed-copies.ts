// A BENCHMARK-ONLY PubMed corpus: copies of the 31 recorded records
// (e2e/fixtures/pubmed/efetch/, see SOURCES.md there) made different papers
// so a 500-PMID import has 500 papers to fetch, parse and store. Never use it
// in tests: its ids and titles are made up, the recorded corpus is the truth.
//
// Copy n (1-based) of recorded record r (round robin over the 31):
// - PMID 99000000 + n wherever the record names its own PMID (above every
//   PMID PubMed has handed out, so it can never be mistaken for a real paper);
// - its DOIs get ".benchcopy<n>" appended, its PMCID becomes PMC99000000 + n;
// - " [benchmark copy n]" is appended to its title (ArticleTitle, else
//   BookTitle, else VernacularTitle), so no duplicate check folds two copies.
// Everything else (authors, abstract, MeSH, references …) is the recorded text,
// byte for byte, so parsing and storing cost what the real records cost.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadPubmedCorpus, type PubmedCorpus, type PubmedRecord } from '../e2e/replay/ncbi-corpus'
import { pubmedArticleSet } from '../e2e/replay/ncbi-replies'

const FIRST_COPY_PMID = 99_000_001

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Replaces `>value<` (an element's whole text), case-insensitively for DOIs. */
function replaceText(xml: string, value: string, by: string, flags = 'g'): string {
  return xml.replace(new RegExp(`>${escapeRegExp(value)}<`, flags), `>${by}<`)
}

function markTitle(xml: string, marker: string): string {
  // In this order, as the parser picks the title (a book chapter has both ArticleTitle and BookTitle).
  const at = ['</ArticleTitle>', '</BookTitle>', '</VernacularTitle>'].map(tag => xml.indexOf(tag)).find(i => i >= 0)
  return at === undefined ? xml : `${xml.slice(0, at)}${marker}${xml.slice(at)}`
}

function copyOf(record: PubmedRecord, n: number): PubmedRecord {
  const pmid = String(FIRST_COPY_PMID - 1 + n)
  let xml = replaceText(record.xml, record.pmid, pmid)
  for (const doi of record.dois) xml = replaceText(xml, doi, `${doi}.benchcopy${n}`, 'gi')
  if (record.pmcid) xml = replaceText(xml, record.pmcid, `PMC${pmid}`)
  xml = markTitle(xml, ` [benchmark copy ${n}]`)
  return { ...record, pmid, xml }
}

/** `size` copies as a corpus the replay routes can serve, and their PMIDs in order. */
export function benchmarkCorpus(size: number): { corpus: PubmedCorpus; pmids: string[] } {
  const recorded = loadPubmedCorpus().records
  const copies = Array.from({ length: size }, (_, i) => copyOf(recorded[i % recorded.length], i + 1))
  // loadPubmedCorpus reads a folder: write the copies as one efetch document and index them the same way.
  const dir = mkdtempSync(path.join(tmpdir(), 'neuroref-bench-corpus-'))
  try {
    writeFileSync(path.join(dir, 'benchmark-copies.xml'), pubmedArticleSet(copies))
    const corpus = loadPubmedCorpus(dir)
    return { corpus, pmids: copies.map(c => c.pmid) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
