// Does a restore's work on rows off the window's thread (library/restore.ts,
// RowWork): the safety copy, writing the backup's rows read again from its
// file, putting the copy back, fingerprints. Every step reads and writes the
// whole library a page at a time; on the window's thread a page of 2,000 rows
// was a long task and the window held each page it copied. The backup's
// forms are made by a second worker meanwhile (restored-forms.worker.ts).
import { linesWorkHere } from '../../library/backup'
import { openLibrary } from '../../library/schema'
import { formsElsewhere } from './forms-elsewhere'
import type { RowStep, RowStepReply } from './restore-in-worker'

const scope = self as unknown as { onmessage: (event: MessageEvent<RowStep>) => void; postMessage(data: RowStepReply): void }

scope.onmessage = async event => {
  const { dbName, file, step, backupCreatedAt, restore, forms } = event.data
  const db = openLibrary(dbName)
  const work = linesWorkHere(db, file ?? new Blob([]), forms && formsElsewhere(forms))
  try {
    const fingerprint =
      step === 'keepCopy' ? await work.keepCopy(backupCreatedAt ?? '') : step === 'fingerprint' ? await work.fingerprint() : await work[step](restore ?? '')
    scope.postMessage({ ok: true, fingerprint })
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
  } finally {
    db.close()
  }
}
