// The one open library of this window, shared by every feature.
import { useSyncExternalStore } from 'react'
import { openLibrary } from './library/schema'
import { LibraryStore } from './store/library-store'

export const db = openLibrary()
export const store = new LibraryStore(db)
export const storeLoaded = store.load()

/** Re-renders the caller whenever the library changes; returns the change counter. */
export function useLibraryVersion(): number {
  return useSyncExternalStore(store.subscribe, store.getVersion)
}
