// BibTeX / BibLaTeX → records, through citation-js (which turns LaTeX
// accents and commands into Unicode and maps entry types to CSL). We cut the
// file into entries ourselves and parse them one by one, so a broken entry
// is reported with its line and the rest of the file still imports.
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import { splitBibtexBlocks, type BibtexBlock } from './bibtex-blocks'
import { convertEntry } from './bibtex-convert'
import type { RawEntry } from './bibtex-values'
import { ExpansionBudget, expandEntry } from './bibtex-expand'
import { Macros } from './bibtex-macros'
import { recordFromCsl, type ImportProblem, type ImportedRecord, type ParsedFile, type RecordSink } from './imported-record'

const RAW_ENTRIES = { forceType: '@biblatex/text', target: '@biblatex/entries+list', generateGraph: false }

/**
 * With a `sink`, each record goes there as soon as its entry is read and converted (the returned records are then
 * empty): the first papers of a 100,000-entry file are on their way at once, not after every entry has been read.
 */
export function parseBibtex(text: string, sink?: RecordSink): ParsedFile {
  const blocks = splitBibtexBlocks(text)
  const macros = new Macros(blocks.filter(b => b.kind === 'string'))
  const problems: ImportProblem[] = []
  const budget = new ExpansionBudget()
  // a biblatex @set only groups other entries; it is not a work of its own
  const entries = blocks.filter(block => block.kind === 'entry' && block.type !== 'set')
  const parents = new CrossrefParents(entries, block => readEntry(block, macros, budget, []))

  const records: ImportedRecord[] = []
  sink?.total(entries.length)
  for (const block of entries) {
    const raw = readEntry(block, macros, budget, problems)
    if (!raw) continue
    try {
      const { csl, droppedFields, inherited } = convertEntry(raw, parents.of(raw))
      const record = recordFromCsl(csl, extraIds(raw, block.key))
      if (sink) sink.record(record)
      else records.push(record)
      for (const field of droppedFields) {
        problems.push(problem(block, `The field "${field}" could not be read, so it was left out.`))
      }
      if (!inherited) {
        problems.push(problem(block, `The fields of "${raw.properties.crossref}" (its crossref) could not be added.`))
      }
    } catch (error) {
      problems.push(problem(block, `The entry could not be converted (${firstLine(error)}).`))
    }
  }
  // unreadable @strings, and what expanding them for the entries revealed (a loop, an undefined name)
  problems.push(...macros.problems)
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return { records, problems }
}

/**
 * crossref: a child inherits from its parent wherever the parent sits in the file. The parents are read again when a
 * child asks for them (their problems are reported where they stand), so no entry waits for the whole file to be read.
 */
class CrossrefParents {
  private readonly byKey = new Map<string, BibtexBlock>()
  private readonly read = new Map<string, RawEntry | null>()

  constructor(
    entries: BibtexBlock[],
    private readonly readAgain: (block: BibtexBlock) => RawEntry | null
  ) {
    for (const block of entries) if (block.key) this.byKey.set(block.key, block)
  }

  /** The entries `raw`'s crossref chain may reach, by key (read once each); empty without a crossref. */
  of(raw: RawEntry): Map<string, RawEntry> {
    const chain = new Map<string, RawEntry>()
    for (let key = raw.properties.crossref; typeof key === 'string' && !chain.has(key) && key !== raw.label;) {
      const parent = this.parent(key)
      if (!parent) break
      chain.set(key, parent)
      key = parent.properties.crossref
    }
    return chain
  }

  private parent(key: string): RawEntry | null {
    if (!this.read.has(key)) {
      const block = this.byKey.get(key)
      this.read.set(key, block ? this.readAgain(block) : null)
    }
    return this.read.get(key)!
  }
}

/** One entry read with the file's @strings expanded (by citation-js where our field reader stopped), or null (and a problem) when it cannot be read. */
function readEntry(block: BibtexBlock, macros: Macros, budget: ExpansionBudget, problems: ImportProblem[]): RawEntry | null {
  if (!block.closed) {
    problems.push(problem(block, 'The entry has no closing brace, so it was skipped.'))
    return null
  }
  const expanded = expandEntry(block, block.key ? block.text : withStandInKey(block), block.offset, macros, budget)
  for (const { line, reason } of expanded.problems) problems.push({ line, ...(block.key ? { entry: block.key } : {}), reason })
  if (expanded.entry) return expanded.entry
  // (an entry not read whole always has its text, or null)
  if (expanded.text === null || expanded.text === undefined) return null
  try {
    const parsed = plugins.input.chain(expanded.text, RAW_ENTRIES) as unknown as RawEntry[]
    if (parsed.length === 1) return parsed[0]
    problems.push(problem(block, 'The entry could not be read.'))
  } catch (error) {
    problems.push(problem(block, unreadable(error, block)))
  }
  return null
}

/** citation-js's error in words: a syntax error with its line, or (should a limit above be missed) a stack overflow called what it is. */
function unreadable(error: unknown, block: BibtexBlock): string {
  if (error instanceof RangeError) return 'The entry is nested too deeply to be read, so it was skipped.'
  const near = lineInFile(error, block)
  const where = near ? ` near line ${near}` : ''
  return `The entry could not be read: a BibTeX syntax error${where} (often a missing comma or brace).`
}

/** PubMed ids that citation-js's CSL does not carry, and the key as the file wrote it. */
function extraIds(raw: RawEntry, key: string) {
  const field = (name: string) => {
    const value = raw.properties[name]
    return value === undefined ? undefined : String(value).replace(/[{}]/g, '').trim()
  }
  const eprintType = field('eprinttype')?.toLowerCase() ?? field('archiveprefix')?.toLowerCase()
  return {
    pmid: field('pmid') ?? (eprintType === 'pubmed' || eprintType === 'pmid' ? field('eprint') : undefined),
    pmcid: field('pmcid') ?? (eprintType === 'pmc' || eprintType === 'pmcid' ? field('eprint') : undefined),
    citationKey: key || undefined
  }
}

/** "@article{," (JabRef writes entries without a key): citation-js needs one to parse. */
function withStandInKey(block: BibtexBlock): string {
  return block.text.replace(/^(@[^{(]*[{(]\s*)(?=,)/, `$1neuroref-line-${block.line}`)
}

function problem(block: BibtexBlock, reason: string): ImportProblem {
  return { line: block.line, ...(block.key ? { entry: block.key } : {}), reason }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0].replace(/[.:]\s*$/, '')
}

/** The file line a citation-js syntax error points at, from "at line X" in its message. */
function lineInFile(error: unknown, block: BibtexBlock): number | null {
  const match = /at line (\d+)/.exec(error instanceof Error ? error.message : '')
  return match ? block.line + Number(match[1]) - 1 : null
}
