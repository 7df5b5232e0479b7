// Files many papers off the window's thread (filing-elsewhere.ts): the Trash and back, a collection; on a connection of its own.
import { openLibrary } from '../../library/schema'
import { fileElsewhere, type FilingReply, type FilingRequest } from './filing-elsewhere'

// the DOM typings describe a window's postMessage; this is a dedicated worker's
const scope = self as unknown as { onmessage: (event: MessageEvent<FilingRequest>) => void; postMessage(data: FilingReply): void }

scope.onmessage = async event => {
  const db = openLibrary(event.data.dbName)
  try {
    await fileElsewhere(db, event.data, message => scope.postMessage(message))
  } finally {
    db.close()
  }
}
