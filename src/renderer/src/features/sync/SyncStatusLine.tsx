// The sidebar's line about sync, in words: "Synced at 14:02", "12 changes
// waiting", "Offline", or what went wrong. Nothing while sync is off.
import { statusText } from '../../sync/status'
import { useSyncStatus } from './use-sync'

export function SyncStatusLine() {
  const status = useSyncStatus()
  if (status.state === 'off') return null
  return (
    <p className={`sync-status sync-${status.state}`} role="status" aria-label="Sync">
      {statusText(status)}
    </p>
  )
}
