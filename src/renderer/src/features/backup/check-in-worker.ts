// Runs the check of a backup's lines in a Web Worker, so a 100,000-paper
// file never blocks the window; where there is no Worker (unit tests in
// Node) the same check runs here.
import { checkLinesHere } from '../../library/backup'
import type { LinesOutcome } from '../../library/backup-lines'

export function checkLinesInWorker(file: Blob, name: string): Promise<LinesOutcome> {
  if (typeof Worker === 'undefined') return checkLinesHere(file, name)
  return new Promise(resolve => {
    const worker = new Worker(new URL('./check-backup.worker.ts', import.meta.url), { type: 'module', name: 'check backup' })
    const finish = (outcome: LinesOutcome): void => {
      worker.terminate()
      resolve(outcome)
    }
    worker.onmessage = (event: MessageEvent<LinesOutcome>) => finish(event.data)
    worker.onerror = event => {
      event.preventDefault()
      finish({ ok: false, sentence: `${name} could not be read (${event.message || 'the reader stopped unexpectedly'}). Nothing was changed.` })
    }
    worker.postMessage({ file, name })
  })
}
