// The composition root of the window: the one place that creates the
// library's database, the in-memory store, the transport to main (with the
// contact details attached), the PDF text-extraction queue and the
// auto-exporter and the sync engine. Features import what they need from here; nothing else
// creates them. The window shows one library, the researcher's own or a lab
// library (open-library.ts): its database is the one opened here.
import { useEffect, useState, useSyncExternalStore, type DependencyList } from 'react'
import { openLibrary, type NeurorefDb } from './library/schema'
import { clearUnfinishedImports } from './library/unfinished-import'
import { spreadInBackground } from './features/import/spread-in-background'
import { readContact } from './library/settings'
import { LibraryStore } from './store/library-store'
import { windowApi } from './transport'
import { withContact } from './with-contact'
import { ExtractionQueue } from './features/pdf/extraction-queue'
import { AutoExporter } from './features/autoexport/auto-exporter'
import { SyncEngine } from './sync/engine'
import { mainFiles } from './sync/main-files'
import { chosenLibrary } from './open-library'

export const library = chosenLibrary()
export const db = openLibrary(library.dexieName)
export const store = new LibraryStore(db)
// papers of an import a closed window left unfinished go first: they were never announced
export const storeLoaded = clearUnfinishedImports(db)
  .catch(error => console.warn('[neuroref] an unfinished import could not be cleared:', error))
  .then(() => store.load())
// an import a closed window announced but had not spread yet: spread once the library is open and searchable
void storeLoaded
  .then(() => store.indexSettled())
  .catch(() => undefined)
  .then(() => spreadInBackground(db))
export const api = withContact(windowApi(), () => readContact(db))
export const extractionQueue = new ExtractionQueue(db, api)
export const autoExporter = new AutoExporter({ db, store, api })
// in a lab library each paper names who added and who last edited it
export const syncEngine = new SyncEngine({ db, signEdits: library.kind === 'lab', files: mainFiles(api) })
// a PDF fetched from the sync server has text to read now (it was "Text not readable" while only its record was here)
syncEngine.onFileFetched(hash => void extractionQueue.fileArrived(hash))

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
