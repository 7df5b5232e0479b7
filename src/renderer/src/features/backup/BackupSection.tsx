// "Back up library" and "Restore library" (in Settings): the whole library as
// one file of JSON lines, written and read a page at a time — the way to move
// it between the desktop app and the web edition, or to another computer.
// Restoring checks every row first (in a Web Worker), asks, and replaces
// everything after keeping a copy of the library that "Undo restore" puts back.
import { problemText } from '../../messages'
import { useEffect, useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import type { Message } from '../../components/StatusMessage'
import { useNotify } from '../../components/notify'
import { db, store } from '../../root'
import { backupSummary, checkBackupFile, countsOf, restoreCheckedBackup, type CheckedBackup } from '../../library/backup'
import { beforeRestore, beforeRestoreName, type BeforeRestore } from '../../library/before-restore'
import { undoLastRestore } from './undo-restore'
import { ServiceError } from '@shared/result'
import { saveBackup } from './save-backup'
import { checkLinesInWorker } from './check-in-worker'
import { rowWorkInWorker } from './restore-in-worker'

/** A backup file chosen and checked, waiting for the researcher's yes. */
interface Pending {
  file: File
  checked: CheckedBackup
}

const createdAtOf = (checked: CheckedBackup): string => (checked.kind === 'lines' ? checked.header.createdAt : checked.backup.createdAt)
const dateOf = (checked: CheckedBackup): string => new Date(createdAtOf(checked)).toLocaleString()
const summaryOf = (checked: CheckedBackup): string => backupSummary(checked.kind === 'lines' ? checked.counts : countsOf(checked.backup))

/** `onRestored`: the settings shown around this section are stale after a restore. */
export function BackupSection({ onRestored }: { onRestored?: () => void }) {
  const [message, setMessage] = useState<Message | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const [kept, setKept] = useState<BeforeRestore | undefined>()
  const [askUndo, setAskUndo] = useState(false)
  const notify = useNotify()
  const readKept = (): Promise<void> => beforeRestore(db).then(setKept, () => setKept(undefined))
  useEffect(() => void readKept(), [])

  async function backUp(): Promise<void> {
    setBusy(true)
    setMessage({ kind: 'info', text: 'Backing up the library… (a large library takes a minute or two)' })
    try {
      const saved = await saveBackup()
      setMessage(saved ? { kind: 'info', text: `Backed up ${backupSummary(saved.counts)} to ${saved.where}.` } : null)
    } catch (error) {
      setMessage({ kind: 'error', text: `The backup could not be made: ${problemText(error)}` })
    } finally {
      setBusy(false)
    }
  }

  async function choose(file: File): Promise<void> {
    setBusy(true)
    setMessage({ kind: 'info', text: `Checking ${file.name}…` })
    try {
      setPending({ file, checked: await checkBackupFile(file, file.name, checkLinesInWorker) })
      setMessage(null)
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ServiceError ? error.message : `${file.name} could not be read. Nothing was changed.` })
    } finally {
      setBusy(false)
    }
  }

  async function restore({ file, checked }: Pending): Promise<void> {
    setPending(null)
    setBusy(true)
    setMessage({ kind: 'info', text: 'Restoring the library… (a copy of the library is kept first; a large library takes a few minutes)' })
    try {
      // the store loads the restored library as at start: if it cannot, the library before is put back
      await restoreCheckedBackup(
        db,
        file,
        checked,
        () => store.settled(),
        lines => rowWorkInWorker(db, lines)
      )
      onRestored?.()
      const text = `Restored the library from the backup of ${dateOf(checked)}: ${summaryOf(checked)}.`
      setMessage({ kind: 'info', text })
      notify({ kind: 'info', text: `${text} The library before it was kept.`, action: { label: 'Undo restore', run: () => void undo(notify) } })
    } catch (error) {
      // restoreLibrary's sentence says what the library is now (checked), never a guess
      setMessage({ kind: 'error', text: problemText(error) })
    } finally {
      await readKept()
      setBusy(false)
    }
  }

  async function undo(tell: (message: Message) => void): Promise<void> {
    setAskUndo(false)
    setBusy(true)
    const done = await undoLastRestore()
    tell(done)
    onRestored?.()
    await readKept()
    setBusy(false)
  }

  return (
    <section className="backup-section" aria-label="Library backup">
      <h3>Library backup</h3>
      <p className="muted">One file with every paper, collection, tag, note, setting and saved search. PDF files stay in Neuroref’s data folder.</p>
      <div className="dialog-buttons">
        <button type="button" disabled={busy} onClick={() => void backUp()}>
          Back up library
        </button>
        <label className="file-button">
          Restore library
          <input
            type="file"
            aria-label="Restore library"
            accept=".ndjson,.json,application/x-ndjson,application/json"
            disabled={busy}
            onChange={e => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) void choose(file)
            }}
          />
        </label>
      </div>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {kept && (
        <p className="muted">
          The library as it was before the restore of the backup of {new Date(kept.backupCreatedAt).toLocaleString()} (
          {kept.fingerprint.counts.items.toLocaleString('en')} papers, taken {new Date(kept.takenAt).toLocaleString()}) is kept in this app’s browser storage
          (IndexedDB database “{beforeRestoreName(db)}”).{' '}
          <button type="button" disabled={busy} onClick={() => setAskUndo(true)}>
            Undo restore
          </button>
        </p>
      )}
      {askUndo && kept && (
        <ConfirmDialog title="Undo restore" confirmLabel="Put back the library" onCancel={() => setAskUndo(false)} onConfirm={() => void undo(setMessage)}>
          <p>
            Put back the library as it was before the restore ({kept.fingerprint.counts.items.toLocaleString('en')} papers)? Anything changed since the restore
            is replaced.
          </p>
        </ConfirmDialog>
      )}
      {pending && (
        <ConfirmDialog title="Restore library" confirmLabel="Replace library" onCancel={() => setPending(null)} onConfirm={() => void restore(pending)}>
          <p>
            Replace the library with the backup from {dateOf(pending.checked)}? It holds {summaryOf(pending.checked)}. Everything now in the library — papers,
            collections, notes, settings and saved searches — is replaced. A copy of it is kept first, so Undo restore can put it back.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
