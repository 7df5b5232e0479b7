// What the app shell, Settings, the sidebar and the item pane use of sync.
export { SyncSettings } from './SyncSettings'
export { SyncStatusLine } from './SyncStatusLine'
export { SyncConflicts } from './SyncConflicts'
export { startSync } from './use-sync'
