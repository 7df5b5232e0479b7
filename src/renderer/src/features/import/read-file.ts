// The parse step of "Import file", the same in the worker and (where no
// worker can start) in the window: bytes → records and problems, or the
// sentence that says why nothing can be imported.
import { readBibliographyFile, type ImportResult } from '@shared/import'
import { ServiceError } from '@shared/result'

export interface ReadRequest {
  name: string
  bytes: Uint8Array
  encoding?: string
}

export type ReadOutcome = { ok: true; result: ImportResult } | { ok: false; sentence: string }

export function readFileInWords({ name, bytes, encoding }: ReadRequest): ReadOutcome {
  try {
    return { ok: true, result: readBibliographyFile(bytes, name, { encoding }) }
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, sentence: error.message }
    if (error instanceof RangeError) return { ok: false, sentence: `${name} is nested too deeply or is too large to be read.` }
    return { ok: false, sentence: `${name} could not be read (${error instanceof Error ? error.message : String(error)}).` }
  }
}
