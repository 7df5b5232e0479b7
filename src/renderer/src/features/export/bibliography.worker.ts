// A worker that formats long reference lists off the window's thread (10,000
// papers in APA take citeproc many seconds) and reports entry by entry.
import { BibliographyMaker, type BibliographyRequest, type CustomStyles } from '@shared/export/bibliography-maker'

export type ToWorker =
  | { id: number; kind: 'make'; request: BibliographyRequest }
  | { id: number; kind: 'warm'; style: string; lang?: string; customStyles: CustomStyles; locales: Record<string, string> }

export type FromWorker =
  { id: number; kind: 'progress'; done: number; total: number } | { id: number; kind: 'done'; text: string } | { id: number; kind: 'failed'; message: string }

const maker = new BibliographyMaker()
const post = (message: FromWorker): void => self.postMessage(message)

/** Progress at most every 100 ms: thousands of messages would only slow the window down. */
function throttled(id: number): (done: number, total: number) => void {
  let last = 0
  return (done, total) => {
    const now = performance.now()
    if (done < total && now - last < 100) return
    last = now
    post({ id, kind: 'progress', done, total })
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data
  try {
    if (message.kind === 'warm') {
      maker.warm(message.style, message.lang, message.customStyles, message.locales)
      post({ id: message.id, kind: 'done', text: '' })
    } else {
      post({ id: message.id, kind: 'done', text: await maker.make(message.request, throttled(message.id)) })
    }
  } catch (error) {
    post({ id: message.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
