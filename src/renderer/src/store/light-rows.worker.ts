// Reads every paper when the library opens and sends the window their light
// copies, a chunk at a time (light-rows.ts); when it reads every row, the
// index job gets them too (library/rows-for-index.ts).
import { openLibrary } from '../library/schema'
import { RowsToIndex } from '../library/rows-for-index'
import { arriving, arrivingTransfer, readLightRows, type LightRowsReply, type LightRowsRequest } from './light-rows'

const post = (reply: LightRowsReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer)

self.onmessage = async (event: MessageEvent<LightRowsRequest>) => {
  const { dbName, everyRow, index } = event.data
  const db = openLibrary(dbName)
  try {
    for await (const chunk of arriving(readLightRows(db, everyRow), new RowsToIndex(index))) post(chunk, arrivingTransfer(chunk))
    post({ kind: 'done' })
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  } finally {
    db.close()
  }
}
