// BibTeX / BibLaTeX → records, through citation-js (which turns LaTeX
// accents and commands into Unicode and maps entry types to CSL). We cut the
// file into entries ourselves and parse them one by one, so a broken entry
// is reported with its line and the rest of the file still imports.
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import { splitBibtexBlocks, type BibtexBlock } from './bibtex-blocks'
import { convertEntry, type RawEntry } from './bibtex-convert'
import { recordFromCsl, type ImportProblem, type ImportedRecord, type ParsedFile } from './imported-record'

const RAW_ENTRIES = { forceType: '@biblatex/text', target: '@biblatex/entries+list', generateGraph: false }
// An entry parsed after a @string so that only the string definition is tested.
const PROBE_ENTRY = '\n@misc{neuroref-probe, title = {x}}'

export function parseBibtex(text: string): ParsedFile {
  const blocks = splitBibtexBlocks(text)
  const problems: ImportProblem[] = []
  const macros = usableStrings(
    blocks.filter(b => b.kind === 'string'),
    problems
  )

  const entries: { block: BibtexBlock; raw: RawEntry }[] = []
  for (const block of blocks) {
    // a biblatex @set only groups other entries; it is not a work of its own
    if (block.kind !== 'entry' || block.type === 'set') continue
    const raw = readEntry(block, macros, problems)
    if (raw) entries.push({ block, raw })
  }

  // crossref: a child inherits from its parent wherever the parent sits in the file
  const byKey = new Map(entries.map(({ raw }) => [raw.label, raw]))
  const records: ImportedRecord[] = []
  for (const { block, raw } of entries) {
    try {
      const { csl, droppedFields, inherited } = convertEntry(raw, byKey)
      records.push(recordFromCsl(csl, extraIds(raw, block.key)))
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
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return { records, problems }
}

/** A @string definition that parses, with the macro name it defines. */
interface Macro {
  name: string
  text: string
}

/** The @string definitions that parse; the others become problems. */
function usableStrings(blocks: BibtexBlock[], problems: ImportProblem[]): Macro[] {
  const accepted: Macro[] = []
  for (const block of blocks) {
    const macro = { name: /^@[^{(]*[{(]\s*([^=\s]+)/.exec(block.text)?.[1].toLowerCase() ?? '', text: `${block.text}\n` }
    try {
      plugins.input.chain(macrosFor(block.text, accepted) + macro.text + PROBE_ENTRY, RAW_ENTRIES)
      accepted.push(macro)
    } catch {
      problems.push({ line: block.line, reason: 'This @string definition could not be read, so it was skipped.' })
    }
  }
  return accepted
}

/**
 * The definitions `text` uses, directly or through other macros, in file
 * order: a library with hundreds of journal macros parses each entry with
 * only the few it needs.
 */
function macrosFor(text: string, macros: Macro[]): string {
  // most files define no @string: no need to collect every word of every entry
  if (macros.length === 0) return ''
  const words = new Set<string>()
  const addWords = (t: string) => t.match(/[^\s=#{}",()]+/g)?.forEach(w => words.add(w.toLowerCase()))
  addWords(text)
  const used = new Set<Macro>()
  for (let grew = true; grew;) {
    grew = false
    for (const macro of macros) {
      if (used.has(macro) || !words.has(macro.name)) continue
      used.add(macro)
      addWords(macro.text)
      grew = true
    }
  }
  return macros
    .filter(m => used.has(m))
    .map(m => m.text)
    .join('')
}

/** One entry read with the file's @strings, or null (and a problem) when it cannot be read. */
function readEntry(block: BibtexBlock, macros: Macro[], problems: ImportProblem[]): RawEntry | null {
  if (!block.closed) {
    problems.push(problem(block, 'The entry has no closing brace, so it was skipped.'))
    return null
  }
  let strings = ''
  try {
    const text = block.key ? block.text : withStandInKey(block)
    strings = macrosFor(text, macros)
    const parsed = plugins.input.chain(strings + text, RAW_ENTRIES) as unknown as RawEntry[]
    if (parsed.length === 1) return parsed[0]
    problems.push(problem(block, 'The entry could not be read.'))
  } catch (error) {
    const near = lineInFile(error, block, strings)
    const where = near ? ` near line ${near}` : ''
    problems.push(problem(block, `The entry could not be read: a BibTeX syntax error${where} (often a missing comma or brace).`))
  }
  return null
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
function lineInFile(error: unknown, block: BibtexBlock, strings: string): number | null {
  const match = /at line (\d+)/.exec(error instanceof Error ? error.message : '')
  if (!match) return null
  const stringLines = strings.split('\n').length - 1
  const line = block.line + Number(match[1]) - 1 - stringLines
  return line >= block.line ? line : null
}
