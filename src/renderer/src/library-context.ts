// The one open library of this window, shared by every feature.
import { useEffect, useState, useSyncExternalStore, type DependencyList } from 'react'
import { openLibrary, type NeurorefDb } from './library/schema'
import { LibraryStore } from './store/library-store'

export const db = openLibrary()
export const store = new LibraryStore(db)
export const storeLoaded = store.load()

/** Re-renders the caller whenever the library changes; returns the change counter. */
export function useLibraryVersion(): number {
  return useSyncExternalStore(store.subscribe, store.getVersion)
}

/**
 * The answer of a library query (library/queries.ts and friends), read again
 * after every library event, so the view follows committed writes. Undefined
 * until the first answer, unless a fallback is given.
 */
export function useLibraryQuery<T>(query: (db: NeurorefDb) => Promise<T>, deps: DependencyList): T | undefined
export function useLibraryQuery<T>(query: (db: NeurorefDb) => Promise<T>, deps: DependencyList, fallback: T): T
export function useLibraryQuery<T>(query: (db: NeurorefDb) => Promise<T>, deps: DependencyList, fallback?: T): T | undefined {
  const [answer, setAnswer] = useState<{ value: T } | undefined>()
  useEffect(() => {
    let live = true
    let latest = 0
    const read = (): void => {
      const run = ++latest
      query(db).then(
        value => live && run === latest && setAnswer({ value }),
        error => console.error('[neuroref] a library query failed', error)
      )
    }
    read()
    const stop = db.events.subscribe(read)
    return () => {
      live = false
      stop()
    }
    // The caller's deps decide when the query itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return answer ? answer.value : fallback
}
