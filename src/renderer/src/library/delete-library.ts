// Deleting a whole library from this computer (leaving a lab library): its
// IndexedDB database (papers, notes, collections, tags, change log, search
// index) and the copy kept before a restore. PDFs stay in main's store:
// they are kept by content hash, and another library may hold the same one.
import Dexie from 'dexie'
import { beforeRestoreName } from './before-restore'

export async function deleteLibrary(name: string): Promise<void> {
  await Dexie.delete(beforeRestoreName({ name }))
  await Dexie.delete(name)
}
