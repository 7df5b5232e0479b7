// Sync as the window sees it: the engine's status, and starting it with the
// account main keeps (the password stays in memory, never in IndexedDB).
import { useSyncExternalStore } from 'react'
import { pdfSyncOptions, type PdfSyncOptions, type SyncAccount } from '@shared/sync-server'
import { api, library, syncEngine } from '../../root'
import type { SyncStatus } from '../../sync/status'

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(
    listener => syncEngine.subscribe(listener),
    () => syncEngine.status
  )
}

let watching = false

/** At start: sync with the saved account, if there is one; follow the network going and coming back. */
export async function startSync(): Promise<void> {
  if (!watching) {
    watching = true
    window.addEventListener('offline', () => syncEngine.offline())
    window.addEventListener('online', () => void syncEngine.online())
  }
  const account = await api['sync.account']()
  if (!account.ok) {
    console.error('[neuroref] the sync account could not be read', account.error)
    return
  }
  if (account.value) syncEngine.setPdfOptions(pdfSyncOptions(account.value.pdfs))
  // a lab library: the same server and user, the lab's database
  if (account.value) await syncEngine.start(library.kind === 'lab' ? { ...account.value, database: library.database } : account.value)
}

/**
 * Keeps a new account in main and reloads the window: the page's
 * Content-Security-Policy is fixed when it loads, and it must now allow the
 * server. Sync starts with the saved account after the reload.
 */
export async function saveAccount(account: SyncAccount): Promise<string | null> {
  const saved = await api['sync.saveAccount'](account)
  if (!saved.ok) return saved.error.message
  await syncEngine.stop()
  window.location.reload()
  return null
}

/** Keeps how PDFs travel in main, with the account, and tells the engine at once. */
export async function savePdfOptions(options: PdfSyncOptions): Promise<string | null> {
  const saved = await api['sync.savePdfOptions'](options)
  if (!saved.ok) return saved.error.message
  syncEngine.setPdfOptions(options)
  return null
}

export async function forgetAccount(): Promise<string | null> {
  await syncEngine.stop()
  const forgotten = await api['sync.forgetAccount']()
  return forgotten.ok ? null : forgotten.error.message
}
