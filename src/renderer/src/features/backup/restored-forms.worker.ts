// Makes a restored library's saved search index and light form from the backup's file, beside the worker writing its
// rows (forms-elsewhere.ts): tokenising the papers and packing their light copies on the other core.
import { pagesOfFile } from '../../library/backup'
import { openLibrary } from '../../library/schema'
import { makeFormsOnPort, type FormsRequest } from './forms-elsewhere'

const scope = self as unknown as { onmessage: (event: MessageEvent<FormsRequest>) => void }

scope.onmessage = async event => {
  const { dbName, file, port } = event.data
  const db = openLibrary(dbName)
  try {
    await makeFormsOnPort(port, db, () => pagesOfFile(file))
  } finally {
    db.close()
  }
}
