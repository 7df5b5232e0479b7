// Other managers' files in: each file is read in a worker (format and
// encoding detected, or the encoding chosen), then stored in one
// transaction. The researcher is told how many came in, which were already
// in the library, and every problem, with its line.
import { problemText } from '../../messages'
import type { Message } from '../../components/StatusMessage'
import { db, store } from '../../root'
import { importRecords } from '../../library/import-file'
import { fileImportMessage, refusedFileMessage } from './file-import-message'
import { readInWorker } from './read-in-worker'
import { importProgress } from './import-progress'

/** `tell`: where the progress goes (the status line), replaced by the message returned at the end. */
export async function importBibliographyFile(file: { name: string; bytes: Uint8Array }, encoding?: string, tell?: (text: string) => void): Promise<Message> {
  const progress = importProgress(file.name, tell ?? (() => undefined))
  progress.reading()
  const read = await readInWorker({ name: file.name, bytes: file.bytes, encoding }, progress.read)
  if (!read.ok) return refusedFileMessage(read.sentence)
  await store.settled()
  let outcome
  try {
    outcome = await importRecords(db, read.result.records, store.finder, read.items, progress.saved)
  } catch (error) {
    return { kind: 'error', text: `${file.name}: the library could not save the import (${problemText(error)}). Nothing was imported.` }
  }
  return fileImportMessage(file.name, read.result, outcome)
}
