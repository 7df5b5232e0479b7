// Other managers' files in: each file is read (format and encoding detected,
// or the encoding chosen), then stored in one transaction. The researcher is
// told how many came in, which were already in the library, and every entry
// that could not be read, with its line.
import { readBibliographyFile } from '../../../../shared/import'
import { ServiceError } from '../../../../shared/result'
import type { Message } from '../../components/StatusMessage'
import { db, store } from '../../library-context'
import { importRecords } from '../../library/import-file'

const FORMAT_NAMES = { bibtex: 'BibTeX', ris: 'RIS', nbib: 'MEDLINE', 'csl-json': 'CSL-JSON', 'endnote-xml': 'EndNote XML' }

export async function importBibliographyFile(file: { name: string; bytes: Uint8Array }, encoding?: string): Promise<Message> {
  let read
  try {
    read = readBibliographyFile(file.bytes, file.name, { encoding })
  } catch (error) {
    const text = error instanceof ServiceError ? error.message : `${file.name} could not be read.`
    return { kind: 'error', text: `${text} Nothing was imported.` }
  }
  await store.settled()
  let outcome
  try {
    outcome = await importRecords(db, read.records, store.finder)
  } catch (error) {
    return { kind: 'error', text: `${file.name}: the library could not save the import (${(error as Error).message}). Nothing was imported.` }
  }
  const parts = [`${outcome.added.length} added`]
  if (outcome.duplicates.length) parts.push(`${outcome.duplicates.length} already in library`)
  if (read.problems.length) parts.push(`${read.problems.length} could not be read`)
  const details = [
    ...read.problems.map(p => `${p.line ? `Line ${p.line}` : 'Entry'}${p.entry ? ` (${p.entry})` : ''}: ${p.reason}`),
    ...outcome.duplicates.slice(0, 50).map(d => `Already in library (same ${d.reason}): ${d.record.csl.title ?? d.record.citationKey ?? 'untitled'}`)
  ]
  return {
    kind: outcome.added.length || outcome.duplicates.length ? 'info' : 'error',
    text: `${file.name} (${FORMAT_NAMES[read.format]}, ${read.encoding}): ${parts.join(', ')}.`,
    details
  }
}
