// The sentence at the end of a file import: how many came in, which were
// already in the library, and every problem with its line.
import type { ImportResult } from '@shared/import'
import type { Message } from '../../components/StatusMessage'
import type { FileImportOutcome } from '../../library/import-file'

const FORMAT_NAMES = { bibtex: 'BibTeX', ris: 'RIS', nbib: 'MEDLINE', 'csl-json': 'CSL-JSON', 'endnote-xml': 'EndNote XML' }

/** A file that could not be read at all: `sentence` says why. */
export function refusedFileMessage(sentence: string): Message {
  return { kind: 'error', text: `${sentence} Nothing was imported.` }
}

export function fileImportMessage(name: string, read: ImportResult, outcome: FileImportOutcome): Message {
  const parts = [`${outcome.added.length} added`]
  if (outcome.duplicates.length) parts.push(`${outcome.duplicates.length} already in library`)
  const problems = read.problems.length
  if (problems) parts.push(`${problems} ${problems === 1 ? 'problem' : 'problems'} (listed below)`)
  const details = [
    ...read.problems.map(p => `${p.line ? `Line ${p.line}` : 'Entry'}${p.entry ? ` (${p.entry})` : ''}: ${p.reason}`),
    ...outcome.duplicates.slice(0, 50).map(d => `Already in library (same ${d.reason}): ${d.record.csl.title ?? d.record.citationKey ?? 'untitled'}`)
  ]
  return {
    kind: outcome.added.length || outcome.duplicates.length ? 'info' : 'error',
    text: `${name} (${FORMAT_NAMES[read.format]}, ${read.encoding}): ${parts.join(', ')}.`,
    details
  }
}
