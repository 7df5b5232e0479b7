// Reads a bibliography file off the window's thread: a big or hostile file
// (200,000 keyword lines, @string macros that double) costs this worker
// time, never the window's responsiveness. Bytes in; records and problems,
// or the sentence saying why the file cannot be read, out.
import { readFileInWords, type ReadRequest } from './read-file'

// the DOM typings describe a window's postMessage; this is a dedicated worker's
const scope = self as unknown as { onmessage: (event: MessageEvent<ReadRequest>) => void; postMessage(data: unknown): void }

scope.onmessage = event => scope.postMessage(readFileInWords(event.data))
