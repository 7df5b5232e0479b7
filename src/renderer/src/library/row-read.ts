// A paper's row as stored, and how the library reads it (schema.ts): an import's rows hold the
// peptide tags as one string (peptide-tags-stored.ts) and the abstract as
// UTF-8 bytes (abstract-stored.ts); every read gives the paper back as it was.
import type { CslFields, Item } from '@shared/model'
import { withAbstractRead, type StoredAbstract } from './abstract-stored'
import { withPeptideTagsRead, type StoredPeptideTags } from './peptide-tags-stored'

/** A paper as a row may hold it (as the import's writer makes it): its tags maybe as the string, its abstract maybe as bytes. */
export type StoredItem = Omit<Item, 'peptideTags' | 'csl'> & {
  peptideTags?: StoredPeptideTags
  csl: Omit<CslFields, 'abstract'> & { abstract?: StoredAbstract }
}

/** The row as the paper it holds (the row is the reader's own copy, changed in place). */
export function rowRead<T extends Pick<StoredItem, 'peptideTags' | 'csl'>>(row: T): T {
  return withAbstractRead(withPeptideTagsRead(row))
}
