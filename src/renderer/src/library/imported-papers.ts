// What an import keeps of each paper it has written until it announces them (unfinished-import.ts): the paper's light
// fields, its abstract (searches read it until the search index holds the paper) and its duplicate keys' hashes (worked
// out once, when the import looked for duplicates). Keeping the whole papers held ~1 GB of the window's heap at 100,000
// papers, and the store then worked their keys out again.
import { keyHash } from '@shared/duplicates'
import type { ItemBasics } from '@shared/model'
import type { ImportedPapers } from './events'
import type { ArrivedAbstract } from './abstract-bytes'
import { inSlices } from './slices'

/** A paper written: its light fields (with its citation key), its abstract, and the keys it is recognised by. */
export interface KeptPaper {
  paper: ItemBasics
  abstract: ArrivedAbstract
  keys: readonly string[]
}

export class ImportedPapersKept {
  readonly items: ItemBasics[] = []
  private readonly abstracts: ArrivedAbstract[] = []
  private readonly hashes: number[] = []
  private readonly hashFrom: number[] = [0]

  keep({ paper, abstract, keys }: KeptPaper): void {
    this.items.push(paper)
    this.abstracts.push(abstract)
    for (const key of keys) this.hashes.push(keyHash(key))
    this.hashFrom.push(this.hashes.length)
  }

  /** A batch written, a slice at a time: keeping 5,000 papers at once was a task of 50–200 ms under load. */
  keepAll<T>(written: readonly T[], kept: (value: T, n: number) => KeptPaper): Promise<void> {
    return inSlices(written, (value, n) => this.keep(kept(value, n)))
  }

  /** What the announcement hands the library's listeners. */
  papers(): ImportedPapers {
    return { items: this.items, abstracts: this.abstracts, hashes: Int32Array.from(this.hashes), hashFrom: Int32Array.from(this.hashFrom) }
  }
}
