// The window's side of a restore's row work (library/restore.ts, RowWork):
// each step runs in a Web Worker of its own on the same database, so the
// window keeps answering while 100,000 papers are copied and written. Where
// there is no Worker (unit tests in Node) the same work runs here.
import { linesWorkHere } from '../../library/backup'
import type { Fingerprint } from '../../library/library-pages'
import type { RowWork } from '../../library/restore'
import type { NeurorefDb } from '../../library/schema'
import { answerOf, type WorkerAnswer } from '../../worker-answer'
import type { FormsRequest } from './forms-elsewhere'

export interface RowStep {
  dbName: string
  step: keyof RowWork
  /** the backup of lines being restored (read again by the worker) */
  file?: Blob
  backupCreatedAt?: string
  /** the name the rows written and their saved forms share (library-pages.ts) */
  restore?: string
  /** where the backup's forms are made meanwhile (forms-elsewhere.ts) */
  forms?: MessagePort
}

export type RowStepReply = WorkerAnswer<{ fingerprint: Fingerprint }>

const STOPPED = 'the restore stopped unexpectedly'

async function inWorker(request: RowStep): Promise<Fingerprint> {
  const worker = new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module', name: 'restore' })
  return (await answerOf<{ fingerprint: Fingerprint }>(worker, request, STOPPED)).fingerprint
}

/** Writes the backup's rows in one worker while a second makes their forms from the file (forms-elsewhere.ts); both stop with the answer. */
async function writeBackupBeside(request: RowStep & { file: Blob }): Promise<Fingerprint> {
  const rows = new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module', name: 'restore' })
  const forms = new Worker(new URL('./restored-forms.worker.ts', import.meta.url), { type: 'module', name: 'restored forms' })
  const { port1, port2 } = new MessageChannel()
  const formsStopped = new Promise<never>((_, reject) => {
    forms.onerror = event => {
      event.preventDefault()
      reject(new Error(event.message || STOPPED))
    }
  })
  forms.postMessage({ dbName: request.dbName, file: request.file, port: port2 } satisfies FormsRequest, [port2])
  try {
    const answer = await Promise.race([answerOf<{ fingerprint: Fingerprint }>(rows, { ...request, forms: port1 }, STOPPED, [port1]), formsStopped])
    return answer.fingerprint
  } finally {
    rows.terminate()
    forms.terminate()
  }
}

/** The row work of restoring `file` (or, without one, of Undo restore) on `db`, each step in a worker. */
export function rowWorkInWorker(db: NeurorefDb, file?: Blob): RowWork {
  if (typeof Worker === 'undefined') return linesWorkHere(db, file ?? new Blob([]))
  const step = (name: keyof RowWork, more: Pick<RowStep, 'backupCreatedAt' | 'restore'> = {}) => inWorker({ dbName: db.name, step: name, file, ...more })
  return {
    keepCopy: backupCreatedAt => step('keepCopy', { backupCreatedAt }),
    writeBackup: restore => (file ? writeBackupBeside({ dbName: db.name, step: 'writeBackup', file, restore }) : step('writeBackup', { restore })),
    writeCopy: restore => step('writeCopy', { restore }),
    fingerprint: () => step('fingerprint')
  }
}
