// Leaving a lab library on this computer: its local library and its sync
// replicas are deleted and it leaves the list of libraries. Nothing is sent
// to the server: the lab's copy stays as it is for its other members (an
// ordinary member may not change the lab's members; its admin removes them).
import { deleteLibrary } from '../../library/delete-library'
import { dexieNameOf, forgetLab } from '../../open-library'
import { destroyReplicas } from '../../sync/replica-names'

/** The library must be closed in this window first (the sync engine stopped, the database closed). */
export async function leaveLabHere(database: string): Promise<void> {
  const dexieName = dexieNameOf(database)
  await destroyReplicas(dexieName, database)
  await deleteLibrary(dexieName)
  forgetLab(database)
}
