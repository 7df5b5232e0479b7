// The import benchmarks' files by format: NEUROREF_BENCH_IMPORT_FORMAT=bib (the default), ris or nbib.
import { syntheticBib } from './synthetic-bib'
import { syntheticNbib } from './synthetic-nbib'
import { syntheticRis } from './synthetic-ris'

const SYNTHETIC_FILES = { bib: syntheticBib, ris: syntheticRis, nbib: syntheticNbib }

export type SyntheticFormat = keyof typeof SYNTHETIC_FILES

/** The format chosen for this run; a wrong name stops the run rather than measure the .bib under another name. */
export function importFormat(): SyntheticFormat {
  const format = process.env.NEUROREF_BENCH_IMPORT_FORMAT ?? 'bib'
  if (!(format in SYNTHETIC_FILES)) throw new Error(`NEUROREF_BENCH_IMPORT_FORMAT=${format}: choose bib, ris or nbib`)
  return format as SyntheticFormat
}

/** The file's text: `size` papers, each title carrying IMPORT_MARK. */
export function syntheticFile(format: SyntheticFormat, size: number): string {
  return SYNTHETIC_FILES[format](size)
}
