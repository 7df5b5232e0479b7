// Papers an import writes ~100 to a row (schema v10): far fewer IndexedDB rows to write than one a paper, about half
// the browser's CPU to searchable (bench/RESULTS.md, "Fewer IndexedDB rows, end to end"). Reads of `items` see each
// grouped paper as its own row; the groups are spread into rows in the background once the import is announced.
import type { StoredItem } from './row-read'

/** One row of grouped papers: `ids[i]` is `papers[i].id`; the key is `${importId} ${batchNumber} ${part}`. */
export interface PaperGroup {
  key: string
  ids: string[]
  papers: StoredItem[]
}
