// Reads a bibliography file off the window's thread: a big or hostile file
// (200,000 keyword lines, @string macros that double) costs this worker
// time, never the window's responsiveness. Bytes in; the papers (their
// index fields and peptide tags worked out here too, sent as JSON) and problems, or the
// sentence saying why the file cannot be read, out.
import { readFileInWords, type ReadRequest } from './read-file'
import { toItem } from '../../library/add-paper'
import type { ReaderMessage } from './read-in-worker'
import { peptideMatcher } from '@shared/peptides/default-matcher'
import { itemsToWire } from './items-wire'

/**
 * Papers per message: the window takes each message in one task, and
 * 10,000 papers in one message kept it busy for most of a second.
 */
const SEND_CHUNK = 100

// the DOM typings describe a window's postMessage; this is a dedicated worker's
const scope = self as unknown as { onmessage: (event: MessageEvent<ReadRequest>) => void; postMessage(data: ReaderMessage): void }

scope.onmessage = event => {
  const outcome = readFileInWords(event.data)
  if (!outcome.ok) return scope.postMessage({ kind: 'done', outcome })
  const { records, ...rest } = outcome.result
  scope.postMessage({ kind: 'read', total: records.length })
  const now = Date.now()
  for (let start = 0; start < records.length; start += SEND_CHUNK) {
    scope.postMessage({ kind: 'items', json: itemsToWire(records.slice(start, start + SEND_CHUNK).map(record => toItem(record, now))) })
  }
  scope.postMessage({ kind: 'done', outcome: { ok: true, result: { ...rest, records: [] } } })
}

// Built now, while this worker most likely waits as the spare: the first paper's tags do not wait for it.
peptideMatcher()
