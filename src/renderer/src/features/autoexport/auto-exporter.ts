// Keeps every auto-export .bib file in step with the library: after any
// change (debounced, ~1 s) it rewrites the files whose papers changed; at
// start it rewrites a file only if the library changed since the last write.
import type { NeurorefApi } from '@shared/contract'
import type { LightItem } from '@shared/model'
import type { NeurorefDb } from '../../library/schema'
import type { LibraryStore } from '../../store/library-store'
import { allCollections, fullItems } from '../../library/queries'
import { itemsToExport, readBindings, sha256, updateBindings } from './bindings'

export interface AutoExporterDeps {
  db: NeurorefDb
  store: LibraryStore
  api: Pick<NeurorefApi, 'autoexport.write'>
  /** wait this long after the last change before writing (ms) */
  delayMs?: number
}

export class AutoExporter {
  /** problems found in the renderer (a deleted collection), by target id */
  readonly problems = new Map<string, string>()
  private lastItems = new Map<string, LightItem[]>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private queue: Promise<void> = Promise.resolve()
  private listeners = new Set<() => void>()

  constructor(private readonly deps: AutoExporterDeps) {}

  /** Watch the library; call once the store is loaded. Returns the stop function. */
  start(): () => void {
    const unsubscribe = this.deps.store.subscribe(() => this.schedule())
    void this.runNow(true)
    return () => {
      unsubscribe()
      clearTimeout(this.timer)
    }
  }

  /** Something was written (or failed): the Settings list re-reads. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  schedule(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.runNow(false), this.deps.delayMs ?? 1000)
  }

  /** Writes what needs writing; `force` checks every file, not only those whose papers changed. Runs one at a time. */
  runNow(force: boolean): Promise<void> {
    const run = this.queue.then(() => this.run(force))
    this.queue = run.catch(error => console.error('[neuroref] auto-export failed', error))
    return run
  }

  private async run(force: boolean): Promise<void> {
    const { db, store, api } = this.deps
    const [bindings, collections] = await Promise.all([readBindings(db), allCollections(db)])
    let changed = false
    for (const [id, binding] of Object.entries(bindings)) {
      const items = itemsToExport(store.items.values(), collections, binding.collectionId)
      if (!items) {
        changed ||= this.problems.get(id) !== GONE
        this.problems.set(id, GONE)
        continue
      }
      // The store replaces an item object whenever it changes: same objects, same file.
      if (!force && sameItems(this.lastItems.get(id), items)) continue
      this.lastItems.set(id, items)
      // the BibTeX writer (citation-js) loads with the first file to write, not with the window
      const { exportBibtex } = await import('@shared/export/bibtex')
      // written from the stored rows: the store's copies are light
      const content = exportBibtex(
        await fullItems(
          db,
          items.map(item => item.id)
        )
      )
      const hash = await sha256(content)
      if (hash === binding.contentHash && !this.problems.has(id)) continue
      const written = await api['autoexport.write']({ id, content })
      changed = true
      if (written.ok) {
        this.problems.delete(id)
        await updateBindings(db, all => {
          if (all[id]) all[id] = { ...all[id], contentHash: hash }
        })
      } else {
        // Main recorded the error with the target; try again after the next change.
        this.lastItems.delete(id)
        if (written.error.code === 'NOT_FOUND') await updateBindings(db, all => delete all[id])
        else this.problems.set(id, written.error.message)
      }
    }
    if (changed) for (const listener of this.listeners) listener()
  }

  /** After a binding is added or removed: forget what was last seen of it. */
  forget(id: string): void {
    this.lastItems.delete(id)
    this.problems.delete(id)
  }
}

const GONE = 'Its collection was deleted, so the file is no longer updated. Remove it, or add the file again for another collection.'

function sameItems(before: LightItem[] | undefined, now: LightItem[]): boolean {
  return !!before && before.length === now.length && before.every((item, index) => item === now[index])
}
