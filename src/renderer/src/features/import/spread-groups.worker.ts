// Spreads an announced import's group rows into a row a paper (library/spread-groups.ts) off the window's thread.
import { openLibrary } from '../../library/schema'
import { spreadAnnouncedGroups } from '../../library/spread-groups'
import type { SpreadReply, SpreadRequest } from './spread-in-background'

// the DOM typings describe a window's postMessage; this is a dedicated worker's
const scope = self as unknown as { onmessage: (event: MessageEvent<SpreadRequest>) => void; postMessage(data: SpreadReply): void }

scope.onmessage = ({ data: { dbName } }) => {
  const db = openLibrary(dbName)
  spreadAnnouncedGroups(db)
    .then(
      groups => scope.postMessage({ kind: 'spread', groups }),
      (error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
    )
    .finally(() => db.close())
}
