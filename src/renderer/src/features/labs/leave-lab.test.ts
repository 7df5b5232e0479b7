// Leaving a lab library on this computer: its library (with the copy kept
// before a restore) and its sync replicas are deleted and it leaves the list
// of libraries; My library and another lab whose name begins the same are
// untouched.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fixtureItems } from '../../../../main/services/pubmed/fixture-items.test-support'
import { addRecordsToLibrary } from '../../library/add-paper'
import { keepBeforeRestore } from '../../library/before-restore'
import { openLibrary } from '../../library/schema'
import { dexieNameOf, labLibraries, rememberLab } from '../../open-library'
import { replicaName } from '../../sync/replica-names'
import { leaveLabHere } from './leave-lab'

/** localStorage as the window has it (vitest runs in Node). */
class MemoryStorage {
  private values = new Map<string, string>()
  getItem = (key: string): string | null => this.values.get(key) ?? null
  setItem = (key: string, value: string): void => void this.values.set(key, value)
  removeItem = (key: string): void => void this.values.delete(key)
}

const SERVER = 'http://127.0.0.1:5984'
const LEFT = { database: 'neuroref-group-smith', name: 'Smith' }
const KEPT = { database: 'neuroref-group-smith-lab', name: 'Smith lab' }

/**
 * The IndexedDB database of a library's replica, as PouchDB's idb adapter names it (replica.ts; the adapter does
 * not run on fake-indexeddb, so an empty database of that name stands in; the e2e test checks the real one).
 */
const replicaOf = (database: string | undefined): string => `_pouch_${replicaName(dexieNameOf(database), database ?? 'neuroref-rex')}`
/** An earlier version's replica: PouchDB named it after the server database's address alone. */
const earlierReplicaOf = (database: string | undefined, server = SERVER): string => `${server}/${database ?? 'neuroref-rex'}`

async function makeReplica(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onupgradeneeded = () => request.result.createObjectStore('document-store')
    request.onsuccess = () => {
      request.result.close()
      resolve()
    }
    request.onerror = () => reject(request.error)
  })
}

/** A library with one real PubMed paper and a copy kept before a restore, and its replica as the sync engine names it. */
async function libraryWithPaper(database: string | undefined): Promise<void> {
  const db = openLibrary(dexieNameOf(database))
  const [record] = fixtureItems().map(({ id: _i, titleWords: _w, year: _y, peptideTags: _p, addedAt: _a, modifiedAt: _m, ...r }) => r)
  await addRecordsToLibrary(db, [record])
  await keepBeforeRestore(db, '2026-12-04T10:00:00Z')
  db.close()
  await makeReplica(replicaOf(database))
  await makeReplica(earlierReplicaOf(database))
}

const databases = async (): Promise<string[]> => (await indexedDB.databases()).map(d => d.name ?? '').sort()

beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage())
})

describe('leaving a lab library on this computer', () => {
  it('deletes its library and replicas and forgets it; the others keep their papers', async () => {
    for (const database of [undefined, LEFT.database, KEPT.database]) await libraryWithPaper(database)
    // synced by an earlier version with another server too
    await makeReplica(earlierReplicaOf(LEFT.database, 'https://couch.example.org'))
    rememberLab(LEFT)
    rememberLab(KEPT)
    const before = await databases()
    // the library, its copy kept before a restore, its replicas
    const gone = [
      dexieNameOf(LEFT.database),
      `${dexieNameOf(LEFT.database)}-before-restore`,
      replicaOf(LEFT.database),
      earlierReplicaOf(LEFT.database),
      earlierReplicaOf(LEFT.database, 'https://couch.example.org')
    ]
    expect(before).toEqual(expect.arrayContaining(gone))

    await leaveLabHere(LEFT.database)

    expect(labLibraries()).toEqual([KEPT])
    expect(await databases()).toEqual(before.filter(name => !gone.includes(name)))
    for (const database of [undefined, KEPT.database]) {
      const db = openLibrary(dexieNameOf(database))
      expect(await db.items.count()).toBe(1)
      db.close()
    }
  })
})
