// Sync's arrived papers new to the library, stored by the import's writer
// worker (write-papers.worker.ts): IndexedDB copies each row on the thread
// that writes it, and a first sync's 10,000 papers took the window 1.6 s of
// copying. The papers cross as JSON text (parsed there), the batch as ids;
// the window announces them (library/apply-synced.ts).
import type { BatchWriter } from '../../library/import-file'
import { itemsToWire } from './items-wire'
import { PapersWriter } from './papers-writer'

/** A writer for the library `dbName`, started at its first batch; one that failed is left and a new one started at the next. */
export function arrivalsWriter(dbName: string): BatchWriter | undefined {
  if (typeof Worker === 'undefined') return undefined
  let writer: PapersWriter | undefined
  return async batch => {
    const here = (writer ??= new PapersWriter(dbName))
    here.papers.postMessage(itemsToWire(batch.items))
    try {
      await here.write(batch)
    } catch (error) {
      if (writer === here) writer = undefined
      here.stop()
      throw error
    }
  }
}
