// A store opened on a test library as the window opens it, the search index
// built in this thread and in use, for tests that compare what the window shows.
import type { NeurorefDb } from '../library/schema'
import { inThisThread } from './index-jobs'
import { gatedJobs } from './held-jobs.test-support'
import { LibraryStore } from './library-store'

export async function openedStore(db: NeurorefDb): Promise<LibraryStore> {
  const store = new LibraryStore(db, { jobs: inThisThread, saveAfterMs: Infinity })
  await store.load()
  await store.indexSettled()
  return store
}

/** The same, its index jobs gated (`gatedJobs`): a test holds the worker's next index to see the window meanwhile. */
export async function openedStoreGated(db: NeurorefDb): Promise<{ store: LibraryStore; gated: ReturnType<typeof gatedJobs> }> {
  const gated = gatedJobs()
  const store = new LibraryStore(db, { jobs: gated.jobs, saveAfterMs: Infinity })
  await store.load()
  await store.indexSettled()
  return { store, gated }
}
