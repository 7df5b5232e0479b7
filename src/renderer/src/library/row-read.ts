// How the library reads a paper's row (schema.ts): an import's rows hold the
// peptide tags as one string (peptide-tags-stored.ts) and the abstract as
// UTF-8 bytes (abstract-stored.ts); every read gives the paper back as it was.
import { withAbstractRead } from './abstract-stored'
import { withPeptideTagsRead, type StoredItem } from './peptide-tags-stored'

/** The row as the paper it holds (the row is the reader's own copy, changed in place). */
export function rowRead<T extends Pick<StoredItem, 'peptideTags' | 'csl'>>(row: T): T {
  return withAbstractRead(withPeptideTagsRead(row))
}
