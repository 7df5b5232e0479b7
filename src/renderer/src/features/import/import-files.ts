// Other managers' files in: each file is read in a worker (format and
// encoding detected, or the encoding chosen), and its papers are written in
// batches by another worker as the reader hands them over, so the first are
// stored while the rest is read; the window finds the duplicates, chooses the
// citation keys and tells the library's listeners of each batch written. The researcher is told how many came in, which were already
// in the library, and every problem, with its line.
import type { PaperFinder } from '@shared/duplicates'
import { problemText } from '../../messages'
import type { Message } from '../../components/StatusMessage'
import type { NeurorefDb } from '../../library/schema'
import { ImportInBatches } from '../../library/import-file'
import { fileImportMessage, refusedFileMessage } from './file-import-message'
import { prepareReader, readInWorker } from './read-in-worker'
import { importProgress } from './import-progress'
import { PapersWriter } from './papers-writer'
import { spreadInBackground } from './spread-in-background'

/** The library a file goes into: its database, and the papers already in it once the window has applied every write. */
export interface ImportTarget {
  db: NeurorefDb
  store: { settled(): Promise<void>; readonly finder: PaperFinder; indexSettled?(): Promise<void> }
}

/** `tell`: where the progress goes (the status line), replaced by the message returned at the end. */
export async function importBibliographyFile(
  { db, store }: ImportTarget,
  file: { name: string; bytes: Uint8Array | Blob },
  encoding?: string,
  tell?: (text: string) => void
): Promise<Message> {
  const progress = importProgress(file.name, tell ?? (() => undefined))
  progress.reading()
  // a worker writes the papers where one can start (not in unit tests in Node)
  const writer = typeof Worker === 'undefined' ? undefined : new PapersWriter(db.name)
  const batches = new ImportInBatches(
    db,
    store.settled().then(() => store.finder),
    { onSaved: progress.saved, elsewhere: writer?.write }
  )
  try {
    const read = await readInWorker(
      { name: file.name, bytes: file.bytes, encoding, writer: writer?.papers },
      {
        read: (ready, total) => {
          batches.expect(total)
          progress.read(ready, total)
        },
        items: items => batches.take(items, items),
        papers: (papers, abstracts) => batches.takeKept(papers, abstracts)
      }
    )
    if (!read.ok) {
      await batches.abandon()
      return refusedFileMessage(read.sentence)
    }
    const outcome = await batches.finish()
    // the papers were written in groups: spread into rows now that they are announced (the researcher sees no change),
    // once searchable (started at the announce, the spread's CPU was taken from the store and the index taking them in)
    const spread = () => spreadInBackground(db)
    void (store.indexSettled?.() ?? store.settled()).then(spread, spread)
    return fileImportMessage(file.name, read.result, outcome)
  } catch (error) {
    return { kind: 'error', text: `${file.name}: the library could not save the import (${problemText(error)}). Nothing was imported.` }
  } finally {
    writer?.stop()
    // the next file's reader, now that this import no longer needs the CPU (a researcher importing files one after another)
    prepareReader()
  }
}
