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

export async function importBibliographyFile(file: { name: string; bytes: Uint8Array }, encoding?: string): Promise<Message> {
  const read = await readInWorker({ name: file.name, bytes: file.bytes, encoding })
  if (!read.ok) return refusedFileMessage(read.sentence)
  await store.settled()
  let outcome
  try {
    outcome = await importRecords(db, read.result.records, store.finder, read.items)
  } catch (error) {
    return { kind: 'error', text: `${file.name}: the library could not save the import (${problemText(error)}). Nothing was imported.` }
  }
  return fileImportMessage(file.name, read.result, outcome)
}
