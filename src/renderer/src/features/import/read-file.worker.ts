// Reads a bibliography file off the window's thread: a big or hostile file
// (200,000 keyword lines, @string macros that double) costs this worker
// time, never the window's responsiveness. Bytes in; the papers as they are
// read (their index fields and peptide tags worked out here too) and problems,
// or the sentence saying why the file cannot be read, out.
import { readAndSend, type ReaderMessage, type ReadRequest } from './read-file'
import { loadPeptideTagger } from '../../library/peptide-tagger'

// the DOM typings describe a window's postMessage; this is a dedicated worker's
const scope = self as unknown as { onmessage: (event: MessageEvent<ReadRequest>) => void; postMessage(data: ReaderMessage, transfer: Transferable[]): void }

scope.onmessage = event => void readAndSend(event.data, (message, transfer = []) => scope.postMessage(message, transfer))

// Loaded now (with this worker's script: it has no chunks), while this worker most likely waits as the spare: the first paper's tags do not wait for it.
void loadPeptideTagger()
