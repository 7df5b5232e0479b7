// A worker whose script cannot be loaded (the web edition's page cut off from its server: e2e/sync.spec.ts trashes a
// paper offline) fails before it says anything: the papers still move to the Trash and back, the change made by the window.
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { createSyntheticLibrary } from '../../../../../bench/synthetic-library'
import { recordOf } from '../../store/random-changes.test-support'
import { addRecordsToLibrary } from '../../library/add-paper'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { moveToTrashInWorker, restoreFromTrashInWorker } from './filing-in-worker'

/** A worker as the browser gives one whose module script failed to load: an error event, no message. */
class UnloadableWorker {
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  terminated = false
  postMessage(): void {
    setTimeout(() => this.onerror?.(new Event('error')))
  }
  terminate(): void {
    this.terminated = true
  }
}

let db: NeurorefDb
let ids: string[]

beforeEach(async () => {
  vi.stubGlobal('Worker', UnloadableWorker)
  db = openLibrary(`filing-in-worker-${Math.random()}`)
  await addRecordsToLibrary(db, createSyntheticLibrary(30, 3).items.map(recordOf))
  ids = (await db.items.toCollection().primaryKeys()) as string[]
})
afterEach(async () => {
  vi.unstubAllGlobals()
  await db.delete()
})

it('moves papers to the Trash and back when the worker fails before it replies', async () => {
  const told: string[] = []
  const stop = db.events.subscribe(events => told.push(...events.map(event => event.kind)))
  const said: number[] = []
  expect(await moveToTrashInWorker(db, ids.slice(0, 10), { progress: done => said.push(done) })).toBe(10)
  expect(await db.items.where('trashedAt').above(0).count()).toBe(10)
  expect(said.at(-1)).toBe(1)
  expect(told).toContain('trash')
  expect(await restoreFromTrashInWorker(db, ids.slice(0, 10))).toBe(10)
  expect(await db.items.where('trashedAt').above(0).count()).toBe(0)
  stop()
})
