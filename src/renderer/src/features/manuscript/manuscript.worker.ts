// Formats manuscripts off the window's thread: unzipping, finding the
// markers, citeproc and writing the copy take seconds for a long paper in a
// large style, and the window must not freeze meanwhile. The documents it
// opened and citeproc's engines stay here between calls.
import type { FormatProgress } from '@shared/manuscript/manuscript'
import { ManuscriptWork } from '@shared/manuscript/manuscript-work'
import { ServiceError } from '@shared/result'
import type { FromManuscriptWorker, ToManuscriptWorker } from './manuscript-messages'

const work = new ManuscriptWork()
// the DOM typings describe a window's postMessage; this is a dedicated worker's
const scope = self as unknown as {
  onmessage: (event: MessageEvent<ToManuscriptWorker>) => void
  postMessage(data: FromManuscriptWorker, transfer?: Transferable[]): void
}

/** Progress at most every 50 ms: one message per citation would only keep the window busy. */
function throttled(id: number) {
  let last = 0
  return (progress: FormatProgress) => {
    const now = performance.now()
    if (progress.stage === 'citations' && progress.done < progress.total && now - last < 50) return
    last = now
    scope.postMessage({ id, kind: 'progress', progress })
  }
}

function answer(message: ToManuscriptWorker): void {
  const { id } = message
  switch (message.kind) {
    case 'open':
      return scope.postMessage({ id, kind: 'done', value: work.open(message.key, message.bytes, message.name) })
    case 'review':
      return scope.postMessage({ id, kind: 'done', value: work.review(message.key, message.library, message.choices) })
    case 'references':
      return scope.postMessage({ id, kind: 'done', value: work.references(message.key) })
    case 'warm':
      work.warm(message.style, message.lang)
      return scope.postMessage({ id, kind: 'done', value: null })
    case 'format': {
      const out = work.format(message.key, message.library, message.style, message.opts, throttled(id))
      // the new document's bytes move to the window, not copied
      return scope.postMessage({ id, kind: 'done', value: out }, [out.bytes.buffer])
    }
  }
}

scope.onmessage = event => {
  try {
    answer(event.data)
  } catch (error) {
    const code = error instanceof ServiceError ? error.code : 'INTERNAL'
    scope.postMessage({ id: event.data.id, kind: 'failed', code, message: error instanceof Error ? error.message : String(error) })
  }
}
