// The window's side of the bibliography worker: names the papers by id (the
// worker reads them), passes progress on, and keeps the worker and its helpers
// (and so citeproc's engines and the last lists) alive between calls.
import { BibliographyMaker, type Progress } from '@shared/export/bibliography-maker'
import type { StyledOutput } from '@shared/export/file-types'
import { addedStyleSources } from '@shared/export/styles'
import { db } from '../../root'
import type { FromWorker, ToWorker } from './bibliography.worker'
import { requestFromRows, type BibliographyAsk } from './bibliography-rows'

interface Waiting {
  resolve: (text: string) => void
  reject: (error: Error) => void
  onProgress?: Progress
}

let worker: Worker | undefined
let helpers: Worker[] = []
let nextId = 1
const waiting = new Map<number, Waiting>()

/** Helper workers at most: each compiles the style and holds an engine (tens of MB), and a list of 10,000 is a few seconds of each. */
const MOST_HELPERS = 3

const newWorker = (name: string): Worker => new Worker(new URL('./bibliography.worker.ts', import.meta.url), { type: 'module', name })

/** The lead worker and, a core each, up to MOST_HELPERS helper workers that make a long list's pieces beside it. */
function theWorker(): Worker {
  if (worker) return worker
  const lead = (worker = newWorker('bibliography'))
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data
    const call = waiting.get(message.id)
    if (!call) return
    if (message.kind === 'progress') return call.onProgress?.(message.done, message.total)
    waiting.delete(message.id)
    if (message.kind === 'done') call.resolve(message.text)
    else call.reject(new Error(message.message))
  }
  worker.onerror = event => {
    // The worker itself broke (not one list): fail everything waiting and start new ones next time.
    for (const call of waiting.values()) call.reject(new Error(event.message || 'The formatting worker stopped.'))
    waiting.clear()
    worker = undefined
    for (const helper of helpers) helper.terminate()
    helpers = []
  }
  const cores = navigator.hardwareConcurrency ?? 1
  helpers = Array.from({ length: Math.max(0, Math.min(cores - 1, MOST_HELPERS)) }, (_, n) => {
    const { port1, port2 } = new MessageChannel()
    const helper = newWorker(`bibliography helper ${n + 1}`)
    helper.postMessage({ id: 0, kind: 'help', port: port2 } satisfies ToWorker, [port2])
    lead.postMessage({ id: 0, kind: 'lead', helper: n, port: port1 } satisfies ToWorker, [port1])
    // A helper that broke leaves its pieces to the lead and the other helpers.
    helper.onerror = () => lead.postMessage({ id: 0, kind: 'helper-gone', helper: n } satisfies ToWorker)
    return helper
  })
  return worker
}

type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never

function ask(message: Unnumbered<ToWorker>, onProgress?: Progress): Promise<string> {
  const id = nextId++
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject, onProgress })
    theWorker().postMessage({ ...message, id } as ToWorker)
  })
}

/** Where there are no workers (unit tests in Node), the list is made on this thread. */
const here = typeof Worker === 'undefined' ? new BibliographyMaker() : undefined

/** A whole bibliography file (text, HTML or RTF) of the papers with these ids, in this order, made in the worker, with progress entry by entry. */
export async function makeBibliographyFile(
  ids: readonly string[],
  options: { style: string; output: StyledOutput; lang?: string },
  onProgress?: Progress
): Promise<string> {
  const added = addedStyleSources()
  const papers: BibliographyAsk = { ...options, dbName: db.name, ids: [...ids], customStyles: added.styles, locales: added.locales }
  return here ? here.make(await requestFromRows(db, papers), onProgress) : ask({ kind: 'make', ask: papers }, onProgress)
}

/** Builds the style's engine in the worker while the researcher is still choosing (APA takes seconds to compile). */
export function warmBibliographyStyle(style: string, lang?: string): void {
  if (here) return
  const added = addedStyleSources()
  const warm = { kind: 'warm', style, lang, customStyles: added.styles, locales: added.locales } as const
  void ask(warm).catch(() => undefined)
  // The helpers compile the style too (their answers go to no one waiting).
  for (const helper of helpers) helper.postMessage({ ...warm, id: 0 } satisfies ToWorker)
}
