// Reads every paper when the library opens and sends the window their light
// copies, a chunk at a time (light-rows.ts).
import { openLibrary } from '../library/schema'
import { arriving, readLightRows, type LightRowsReply, type LightRowsRequest } from './light-rows'
import { rowsAsJson } from './rows-wire'
import { partTransfer } from './part-bytes'

const post = (reply: LightRowsReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer)

self.onmessage = async (event: MessageEvent<LightRowsRequest>) => {
  const db = openLibrary(event.data.dbName)
  try {
    for await (const chunk of arriving(readLightRows(db, event.data.everyRow))) {
      if (chunk.kind === 'rows') for (const piece of rowsAsJson(chunk)) post({ kind: 'rows', piece })
      else post(chunk, partTransfer(chunk.part))
    }
    post({ kind: 'done' })
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  } finally {
    db.close()
  }
}
