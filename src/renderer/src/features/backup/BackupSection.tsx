// "Back up library" and "Restore library" (in Settings): the whole library as
// one JSON file — the way to move it between the desktop app and the web
// edition, or to another computer. Restoring asks first: it replaces everything.
import { problemText } from '../../messages'
import { useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import type { Message } from '../../components/StatusMessage'
import { db, store } from '../../root'
import { backupFileName, backupSummary, createBackup, parseBackup, restoreBackup, type LibraryBackup } from '../../library/backup'
import { saveExport } from '../export'
import { ServiceError } from '../../../../shared/result'

const dateOf = (backup: LibraryBackup): string => new Date(backup.createdAt).toLocaleString()

/** `onRestored`: the settings shown around this section are stale after a restore. */
export function BackupSection({ onRestored }: { onRestored?: () => void }) {
  const [message, setMessage] = useState<Message | null>(null)
  const [pending, setPending] = useState<LibraryBackup | null>(null)
  const [busy, setBusy] = useState(false)

  async function backUp(): Promise<void> {
    setBusy(true)
    try {
      const backup = await createBackup(db)
      const saved = await saveExport(backupFileName(backup), JSON.stringify(backup), 'application/json')
      if (!saved.ok) setMessage({ kind: 'error', text: `The backup could not be saved: ${saved.error.message}` })
      else if (saved.value) setMessage({ kind: 'info', text: `Backed up ${backupSummary(backup)} to ${saved.value}.` })
    } catch (error) {
      setMessage({ kind: 'error', text: `The library could not be read for the backup (${problemText(error)}).` })
    } finally {
      setBusy(false)
    }
  }

  async function choose(file: File): Promise<void> {
    try {
      setPending(parseBackup(await file.text(), file.name))
      setMessage(null)
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ServiceError ? error.message : `${file.name} could not be read. Nothing was changed.` })
    }
  }

  async function restore(backup: LibraryBackup): Promise<void> {
    setPending(null)
    setBusy(true)
    try {
      await restoreBackup(db, backup)
      await store.settled() // the store starts again from the restored library
      onRestored?.()
      setMessage({ kind: 'info', text: `Restored the library from the backup of ${dateOf(backup)}: ${backupSummary(backup)}.` })
    } catch (error) {
      setMessage({ kind: 'error', text: `The backup could not be restored (${problemText(error)}). The library is as it was.` })
    } finally {
      setBusy(false)
    }
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
            accept=".json,application/json"
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
      {pending && (
        <ConfirmDialog title="Restore library" confirmLabel="Replace library" onCancel={() => setPending(null)} onConfirm={() => void restore(pending)}>
          <p>
            Replace the library with the backup from {dateOf(pending)}? It holds {backupSummary(pending)}. Everything now in the library — papers, collections,
            notes, settings and saved searches — is replaced, and this cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
