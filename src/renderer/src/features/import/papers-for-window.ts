// What the reader sends the window of the papers it reads where the writer worker has them whole: only what the window
// keeps until the import is announced (library/imported-papers.ts). Each paper's light copy, packed as a part of the
// saved light form is and crossing as one does at open (store/part-bytes.ts: ASCII bytes and typed arrays, handed
// over, the values papers share sent once), and its abstract as UTF-8 bytes (library/abstract-bytes.ts). The window
// parsed a hundred whole papers' JSON a message (≈ 350 KB, most of it what the writer alone needs), then made their
// light copies and their abstracts' bytes itself.
import type { Item, ItemBasics } from '@shared/model'
import { fieldValue } from '@shared/search/fields'
import { basics } from '../../library/item-basics'
import { packPapers } from '../../library/light-packing'
import { abstractsOnTheWay, abstractsTransfer, type AbstractsOnTheWay } from '../../library/abstract-bytes'
import { PartReceiver, PartSender, partTransfer, type PartOnTheWay } from '../../store/part-bytes'

/** A message's papers as the window keeps them: their light copies, and their abstracts in the same order. */
export interface PapersOnTheWay {
  part: PartOnTheWay
  abstracts: AbstractsOnTheWay
}

/** In the reader: papers made ready to cross, the values they share numbered across every message of the file. */
export class PapersSender {
  private readonly sender = new PartSender()

  onTheWay(items: readonly Item[]): PapersOnTheWay {
    return {
      // no key hashes: the window works the keys out as it looks for duplicates
      part: this.sender.onTheWay(packPapers(items.map(basics), []), []),
      abstracts: abstractsOnTheWay(items.map(item => fieldValue(item, undefined, 'abstract')[0]))
    }
  }
}

/** What a message carrying the papers hands over rather than copies. */
export const papersTransfer = ({ part, abstracts }: PapersOnTheWay): ArrayBuffer[] => [...partTransfer(part), ...abstractsTransfer(abstracts)]

/** In the window: the papers of one file's messages, each parsed with `mark` (a light copy's) in place. */
export class PapersReceiver {
  private readonly receiver: PartReceiver

  constructor(mark?: () => void) {
    this.receiver = new PartReceiver(mark)
  }

  /** The papers of a message, in the order of its abstracts (paper n's abstract is the message's abstract n). */
  papers({ part }: PapersOnTheWay): ItemBasics[] {
    const papers: ItemBasics[] = []
    for (const line of this.receiver.lines(part)) papers.push(...line.papers)
    return papers
  }
}
