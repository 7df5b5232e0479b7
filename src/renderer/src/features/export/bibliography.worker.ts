// A worker that formats long reference lists off the window's thread (10,000
// papers in APA take citeproc many seconds) and reports entry by entry. The
// window may start others as its helpers, one a core: the lead shares a long
// list's pieces with each (another core) over a port of their own.
import { BibliographyMaker, type CustomStyles, type PieceHelper } from '@shared/export/bibliography-maker'
import { openLibrary } from '../../library/schema'
import { requestFromRows, type BibliographyAsk } from './bibliography-rows'
import { keptEntriesIn } from './kept-entries'
import { helperThrough, serveHelper } from './piece-helper'

export type ToWorker =
  /** the papers named by id: this worker reads their rows itself */
  | { id: number; kind: 'make'; ask: BibliographyAsk }
  | { id: number; kind: 'warm'; style: string; lang?: string; customStyles: CustomStyles; locales: Record<string, string> }
  /** this worker leads, with helper number `helper` at the other end of `port` */
  | { id: number; kind: 'lead'; helper: number; port: MessagePort }
  /** this worker helps the lead at the other end of `port` */
  | { id: number; kind: 'help'; port: MessagePort }
  /** helper number `helper` stopped */
  | { id: number; kind: 'helper-gone'; helper: number }

export type FromWorker =
  { id: number; kind: 'progress'; done: number; total: number } | { id: number; kind: 'done'; text: string } | { id: number; kind: 'failed'; message: string }

const helpers: PieceHelper[] = []
/** each helper by its number, and what to do when it stops */
const byNumber = new Map<number, { helper: PieceHelper; gone: () => void }>()
const maker = new BibliographyMaker({ store: keptEntriesIn(), helpers })
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
    if (message.kind === 'lead') {
      const through = helperThrough(message.port)
      helpers.push(through.helper)
      byNumber.set(message.helper, through)
    } else if (message.kind === 'help') serveHelper(message.port)
    else if (message.kind === 'helper-gone') {
      const gone = byNumber.get(message.helper)
      byNumber.delete(message.helper)
      if (gone) helpers.splice(helpers.indexOf(gone.helper), 1)
      gone?.gone()
    } else if (message.kind === 'warm') {
      maker.warm(message.style, message.lang, message.customStyles, message.locales)
      post({ id: message.id, kind: 'done', text: '' })
    } else {
      const db = openLibrary(message.ask.dbName)
      const request = await requestFromRows(db, message.ask).finally(() => db.close())
      post({ id: message.id, kind: 'done', text: await maker.make(request, throttled(message.id)) })
    }
  } catch (error) {
    post({ id: message.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
