// The window starts the spread of announced imports' group rows (library/spread-groups.ts) in a worker, after an
// import is announced and at open, and does not wait for it: grouped papers read as rows meanwhile, and a spread
// stopped midway goes on at the next. One at a time; asked again while one runs, another follows it (an import
// announced meanwhile). Where there is no Worker (unit tests in Node) the groups stay until a window spreads them.
import type { NeurorefDb } from '../../library/schema'

export type SpreadRequest = { dbName: string }
export type SpreadReply = { kind: 'spread'; groups: number } | { kind: 'failed'; message: string }

function spreadInWorker(dbName: string): Promise<void> {
  const worker = new Worker(new URL('./spread-groups.worker.ts', import.meta.url), { type: 'module', name: 'spread imported papers' })
  return new Promise<void>(resolve => {
    const done = (problem?: string) => {
      worker.terminate()
      if (problem) console.warn("[neuroref] an import's papers stay grouped until the next opening:", problem)
      resolve()
    }
    worker.onmessage = ({ data: reply }: MessageEvent<SpreadReply>) => done(reply.kind === 'failed' ? reply.message : undefined)
    worker.onerror = event => {
      event.preventDefault()
      done(event.message || 'the spread stopped unexpectedly')
    }
    worker.postMessage({ dbName } satisfies SpreadRequest)
  })
}

const running = new Map<string, { again: boolean }>()

/** Spreads the announced imports' groups of the library in a worker, in the background (none at all: no worker). */
export function spreadInBackground(db: NeurorefDb): void {
  if (typeof Worker === 'undefined') return
  db.paperGroups.count().then(
    // (asked again once counted: a test's stand-in Worker may be gone by then)
    groups => void (groups > 0 && typeof Worker !== 'undefined' && spreadFrom(db.name)),
    (error: unknown) => console.warn('[neuroref] grouped papers could not be counted:', error)
  )
}

function spreadFrom(dbName: string): void {
  const underWay = running.get(dbName)
  if (underWay) return void (underWay.again = true)
  const run = { again: false }
  running.set(dbName, run)
  void (async () => {
    try {
      do {
        run.again = false
        await spreadInWorker(dbName)
      } while (run.again)
    } catch (error) {
      console.warn("[neuroref] an import's papers stay grouped until the next opening:", error)
    } finally {
      running.delete(dbName)
    }
  })()
}
