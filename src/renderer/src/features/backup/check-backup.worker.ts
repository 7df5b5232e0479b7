// Checks a backup file off the window's thread: every line read from the
// file as a stream and every row checked against the model, holding one
// line at a time; the header and counts, or the sentence why not, come back.
import { readBackupLines, linesOf, textOfFile } from '../../library/backup-lines'

// the DOM typings describe a window's postMessage; this is a dedicated worker's
const scope = self as unknown as { onmessage: (event: MessageEvent<{ file: Blob; name: string }>) => void; postMessage(data: unknown): void }

scope.onmessage = event => void readBackupLines(linesOf(textOfFile(event.data.file)), event.data.name).then(outcome => scope.postMessage(outcome))
