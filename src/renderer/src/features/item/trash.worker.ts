// Moves papers to the Trash or back off the window's thread (trash-elsewhere.ts), on a connection of its own.
import { openLibrary } from '../../library/schema'
import { changeTrash, type TrashReply, type TrashRequest } from './trash-elsewhere'

// the DOM typings describe a window's postMessage; this is a dedicated worker's
const scope = self as unknown as { onmessage: (event: MessageEvent<TrashRequest>) => void; postMessage(data: TrashReply): void }

scope.onmessage = async event => {
  const db = openLibrary(event.data.dbName)
  try {
    await changeTrash(db, event.data, message => scope.postMessage(message))
  } finally {
    db.close()
  }
}
