// Reads every paper when the library opens and sends the window their light
// copies, a chunk at a time (light-rows.ts).
import { openLibrary } from '../library/schema'
import { arriving, arrivingTransfer, readLightRows, type LightRowsReply, type LightRowsRequest } from './light-rows'

const post = (reply: LightRowsReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer)

self.onmessage = async (event: MessageEvent<LightRowsRequest>) => {
  const db = openLibrary(event.data.dbName)
  try {
    for await (const chunk of arriving(readLightRows(db, event.data.everyRow))) post(chunk, arrivingTransfer(chunk))
    post({ kind: 'done' })
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  } finally {
    db.close()
  }
}
