// The peptide tagger and its vocabulary (62 KB) load when papers are first
// tagged, not with the window (issue 13: the window's first script). Tagging
// stays synchronous, as it must inside a transaction, which ends at any
// await that is not IndexedDB's: so every write that tags papers awaits
// `loadPeptideTagger()` before its transaction opens. The workers that tag
// (reading a file, sync's arrivals) await it too, where it loads with them.
import type { PeptideMatcher, PeptideTag } from '@shared/peptides/match'
import type { ReferenceRecord } from '@shared/model'
import { ServiceError } from '@shared/result'

let matcher: PeptideMatcher | undefined
let loading: Promise<void> | undefined

/** Loads the tagger once; a load that failed (the app updated under an open tab) is tried again at the next write. */
export function loadPeptideTagger(): Promise<void> {
  loading ??= import('@shared/peptides/default-matcher').then(
    module => void (matcher = module.peptideMatcher()),
    (failure: unknown) => {
      loading = undefined
      const reason = failure instanceof Error ? failure.message : String(failure)
      throw new ServiceError(
        'INTERNAL',
        `Peptide tags could not be worked out: the tagger did not load (${reason}). Reload the window to try again; nothing was changed.`
      )
    }
  )
  return loading
}

/** The record's peptide tags. Only after `loadPeptideTagger()` has resolved: a write that forgot it fails whole, it never stores a paper untagged. */
export function peptideTagsOf(record: ReferenceRecord): PeptideTag[] {
  if (!matcher) throw new Error('Peptide tags were asked for before the tagger loaded: await loadPeptideTagger() before the transaction.')
  return matcher.tag(record)
}
