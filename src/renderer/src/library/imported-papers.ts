// What an import keeps of each paper it has written until it announces them (unfinished-import.ts): the paper's light
// fields, its abstract (searches read it until the search index holds the paper) and its duplicate keys' hashes (worked
// out once, when the import looked for duplicates). Keeping the whole papers held ~1 GB of the window's heap at 100,000
// papers, and the store then worked their keys out again.
import { keyHash } from '@shared/duplicates'
import type { Item, ItemBasics } from '@shared/model'
import { fieldValue } from '@shared/search/fields'
import type { ImportedPapers } from './events'
import { basics } from './item-basics'
import { inSlices } from './slices'

export class ImportedPapersKept {
  readonly items: ItemBasics[] = []
  private readonly abstracts: (string | undefined)[] = []
  private readonly hashes: number[] = []
  private readonly hashFrom: number[] = [0]

  /** A paper written (with its citation key), and the keys it is recognised by. */
  keep(item: Item, keys: readonly string[]): void {
    this.items.push(basics(item))
    this.abstracts.push(fieldValue(item, undefined, 'abstract')[0])
    for (const key of keys) this.hashes.push(keyHash(key))
    this.hashFrom.push(this.hashes.length)
  }

  /** A batch written, a slice at a time: keeping 5,000 papers at once was a task of 50–200 ms under load. */
  keepAll(items: readonly Item[], keysOf: (n: number) => readonly string[]): Promise<void> {
    return inSlices(items, (item, n) => this.keep(item, keysOf(n)))
  }

  /** What the announcement hands the library's listeners. */
  papers(): ImportedPapers {
    return { items: this.items, abstracts: this.abstracts, hashes: Int32Array.from(this.hashes), hashFrom: Int32Array.from(this.hashFrom) }
  }
}
