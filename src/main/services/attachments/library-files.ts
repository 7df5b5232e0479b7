// The attachment store seen by one library: storing a PDF claims it for that
// library, releasing lets it go, and the file itself is deleted only when no
// library holds it any more (references.ts). `reconcile` is the orphan sweep:
// a library sends every hash it holds, main forgets the others it had
// claimed for it, and deletes what no one holds.
import { isReferenced, type AttachmentReferences } from './references'
import type { AttachmentStore } from './store'

/** A claim younger than this is kept even when unlisted: the library may not have saved its record yet. */
export const RECONCILE_GRACE_MS = 10 * 60 * 1000

export interface LibraryFiles {
  /** The store as `library` uses it: `store` claims the file for it. */
  forLibrary(library: string): AttachmentStore
  release(library: string, hashes: string[]): Promise<number>
  reconcile(library: string, hashes: string[]): Promise<number>
}

export function createLibraryFiles(store: AttachmentStore, references: AttachmentReferences, now: () => number = Date.now): LibraryFiles {
  return {
    forLibrary: library => ({
      ...store,
      // Claimed and written under one lock, so a release elsewhere cannot delete the file in between.
      store: (bytes, name) =>
        references.update(async list => {
          const stored = await store.store(bytes, name)
          ;(list.libraries[library] ??= {})[stored.hash] ??= now()
          return stored
        })
    }),

    release: (library, hashes) =>
      references.update(async list => {
        const held = list.libraries[library] ?? {}
        let removed = 0
        for (const hash of new Set(hashes)) {
          delete held[hash]
          if (!isReferenced(list, hash) && (await store.remove(hash))) removed++
        }
        return removed
      }),

    reconcile: (library, hashes) =>
      references.update(async list => {
        const listed = new Set(hashes)
        const held = (list.libraries[library] ??= {})
        for (const hash of listed) held[hash] ??= now()
        for (const [hash, since] of Object.entries(held)) if (!listed.has(hash) && now() - since > RECONCILE_GRACE_MS) delete held[hash]
        const keep = new Set<string>(list.earlier)
        for (const claims of Object.values(list.libraries)) for (const hash of Object.keys(claims)) keep.add(hash)
        return store.sweep(keep)
      })
  }
}
