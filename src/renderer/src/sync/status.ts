// The sync status in words, for the sidebar.
import type { SyncProblem } from './session'

export interface SyncStatus {
  state: 'off' | 'starting' | 'syncing' | 'synced' | 'offline' | 'problem'
  /** when both sides last agreed (ms) */
  syncedAt?: number
  /** local changes the server has not got yet */
  waiting: number
  problem?: SyncProblem
  message?: string
  /** documents written by a newer Neuroref, kept untouched */
  fromNewerApp: number
  /** changes the server refused (a reader in a lab library): they stay on this computer */
  refused?: number
  /** the server's reason for the last refusal, a sentence */
  refusal?: string
  /** papers (or notes) too large for the server, kept on this computer only */
  tooLarge?: number
  /** PDFs over the per-file limit (files.ts), not sent: they stay on this computer */
  pdfsTooLarge?: number
  /** the per-file limit chosen in Settings → Sync (MB) */
  pdfLimitMB?: number
  /** "always download": PDFs the last pass could not fetch (tried again next round), and why */
  pdfsNotFetched?: number
  pdfFetchProblem?: string
  /** why PDFs do not travel now, a sentence */
  filesProblem?: string
}

/**
 * The clock time in the sentence's language, on a 24-hour clock: "14:02", "00:02". `hour12: false` showed a sync
 * after midnight as "24:02" (en-US), and the researcher's own locale put "14.02" (Finnish) or Arabic-Indic digits into
 * an English line whose other numbers are not.
 */
const time = (ms: number): string => new Date(ms).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const changes = (n: number): string => (n === 1 ? '1 change waiting' : `${n} changes waiting`)

export function statusText(status: SyncStatus): string {
  const waiting = status.waiting > 0 ? changes(status.waiting) : ''
  const parts: string[] = []
  if (status.state === 'off') return 'Sync is off'
  if (status.state === 'starting') parts.push('Connecting to the sync server…')
  if (status.state === 'syncing') parts.push(waiting || 'Syncing…')
  if (status.state === 'synced') parts.push(waiting || (status.syncedAt ? `Synced at ${time(status.syncedAt)}` : 'Synced'))
  if (status.state === 'offline') parts.push(['Offline', waiting].filter(Boolean).join(': '))
  if (status.state === 'problem') parts.push([status.message ?? 'Sync stopped', waiting].filter(Boolean).join(' — '))
  if (status.fromNewerApp > 0)
    parts.push(
      `${status.fromNewerApp} ${status.fromNewerApp === 1 ? 'record comes' : 'records come'} from a newer Neuroref and are kept untouched: update Neuroref to see them`
    )
  if (status.refused && status.refusal)
    parts.push(
      `The server refused ${status.refused === 1 ? '1 change' : `${status.refused} changes`}, kept on this computer: ${status.refusal.replace(/\.$/, '')}`
    )
  if (status.tooLarge)
    parts.push(
      `${status.tooLarge === 1 ? '1 paper is' : `${status.tooLarge} papers are`} too large for the server (over 8 MB) and ${status.tooLarge === 1 ? 'stays' : 'stay'} on this computer only`
    )
  if (status.pdfsTooLarge)
    parts.push(
      `${status.pdfsTooLarge === 1 ? '1 PDF is' : `${status.pdfsTooLarge} PDFs are`} over the ${status.pdfLimitMB ?? 50} MB limit, not sent, and ${status.pdfsTooLarge === 1 ? 'stays' : 'stay'} on this computer only`
    )
  if (status.pdfFetchProblem)
    parts.push(
      `${status.pdfsNotFetched ? `${status.pdfsNotFetched === 1 ? '1 PDF' : `${status.pdfsNotFetched} PDFs`} could not be fetched` : 'PDFs could not be fetched'}: ${status.pdfFetchProblem.replace(/\.$/, '')}`
    )
  if (status.filesProblem) parts.push(status.filesProblem.replace(/\.$/, ''))
  return parts.join('. ').replace('…. ', '… ')
}
