// Writes a data export away from the window: the papers' rows read from the
// library by id (in the order asked), then serialised.
import { exportItems } from '@shared/export/formats'
import { openLibrary } from '../../library/schema'
import { fullItems } from '../../library/queries'
import type { ExportReply, ExportRequest } from './export-text'

const post = (reply: ExportReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer)

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { dbName, ids, format } = event.data
  const db = openLibrary(dbName)
  try {
    const text = exportItems(await fullItems(db, ids), format)
    // UTF-8 here, handed over: the window only wraps the bytes in a Blob
    const bytes = new TextEncoder().encode(text)
    post({ ok: true, bytes }, [bytes.buffer])
  } catch (error) {
    post({ ok: false, message: error instanceof Error ? error.message : String(error) })
  } finally {
    db.close()
  }
}
