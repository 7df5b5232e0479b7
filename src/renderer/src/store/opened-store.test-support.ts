// A store opened on a test library as the window opens it, the search index
// built in this thread and in use, for tests that compare what the window shows.
import type { NeurorefDb } from '../library/schema'
import { inThisThread } from './index-jobs'
import { LibraryStore } from './library-store'

export async function openedStore(db: NeurorefDb): Promise<LibraryStore> {
  const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
  await store.load()
  await store.indexSettled()
  return store
}
