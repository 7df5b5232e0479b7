// A second bibliography worker makes part of a long list's pieces on another
// core. The two workers talk over their own MessagePort, so the papers and
// entries never pass through the window's thread.
import { learnStyles, type PieceHelper, type PieceOrder } from '@shared/export/bibliography-maker'
import type { PieceEntries } from '@shared/export/citeproc-pieces'
import { makePieces } from '@shared/export/formats'

type ToHelper = { id: number; order: PieceOrder }
type FromHelper = { id: number; entries: number } | { id: number; made: PieceEntries[] } | { id: number; failed: string }

/** The helper's side: makes the pieces it is sent, telling how many entries it wrote at most every 100 ms. */
export function serveHelper(port: MessagePort): void {
  port.onmessage = (event: MessageEvent<ToHelper>) => {
    const { id, order } = event.data
    const post = (message: FromHelper): void => port.postMessage(message)
    try {
      learnStyles(order.customStyles, order.locales)
      let written = 0
      let last = performance.now()
      const made = makePieces(order.pieces, order.style, () => {
        written++
        if (performance.now() - last < 100) return
        last = performance.now()
        post({ id, entries: written })
        written = 0
      })
      post({ id, entries: written })
      post({ id, made })
    } catch (error) {
      post({ id, failed: error instanceof Error ? error.message : String(error) })
    }
  }
}

/** The lead's side: a helper for the maker, and `gone()` for when the helper worker stopped (what it had is made by the lead). */
export function helperThrough(port: MessagePort): { helper: PieceHelper; gone: () => void } {
  let nextId = 1
  const waiting = new Map<number, { onEntry: () => void; resolve: (made: PieceEntries[]) => void; reject: (error: Error) => void }>()
  port.onmessage = (event: MessageEvent<FromHelper>) => {
    const message = event.data
    const call = waiting.get(message.id)
    if (!call) return
    if ('entries' in message) {
      for (let i = 0; i < message.entries; i++) call.onEntry()
      return
    }
    waiting.delete(message.id)
    if ('made' in message) call.resolve(message.made)
    else call.reject(new Error(message.failed))
  }
  let stopped = false
  const helper: PieceHelper = (order, onEntry) =>
    new Promise((resolve, reject) => {
      if (stopped) return reject(new Error('The second formatting worker stopped.'))
      const id = nextId++
      waiting.set(id, { onEntry, resolve, reject })
      port.postMessage({ id, order } satisfies ToHelper)
    })
  const gone = (): void => {
    stopped = true
    for (const call of waiting.values()) call.reject(new Error('The second formatting worker stopped.'))
    waiting.clear()
  }
  return { helper, gone }
}
