// The outgoing side writes a large push a batch at a time; another computer's
// edit that reaches the replica meanwhile is not overwritten by this
// computer's older copy: it is left for the incoming side to merge.
import { afterEach, beforeAll, expect, it } from 'vitest'
import { newItem } from '../library/add-paper'
import { applySyncedChanges, noSyncedChanges } from '../library/apply-synced'
import { openLibrary } from '../library/schema'
import type { PaperData, SyncDocument } from './documents'
import './computers.test-support'
import { pushLocalChanges } from './outgoing'
import { openReplica, type ReplicaStore } from './replica'
import { documentsNow } from './rows'
import { loadPeptideTagger } from '../library/peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

it('leaves a paper edited elsewhere during a large push to be merged, in a batch after the edit came', async () => {
  const db = openLibrary(`outgoing-${Math.random()}`)
  const replica = openReplica(`outgoing-replica-${Math.random()}`, 'memory')
  cleanups.push(
    () => db.delete(),
    () => replica.destroy()
  )
  const items = Array.from({ length: 1_200 }, (_, i) =>
    newItem({ csl: { type: 'article-journal', title: `Galanin paper ${i}` }, sources: ['manual'] }, 0, new Set(), `p${i}`)
  )
  await applySyncedChanges(db, { ...noSyncedChanges(), items })
  // the last of the three batches of 500 (ids in key order)
  const edited = items.map(item => item.id).sort()[1_100]
  const [mine] = await documentsNow(db, 'paper', [edited])
  const fromTheLab: SyncDocument = {
    ...mine,
    device: 'lab',
    data: { ...(mine.data as PaperData), csl: { type: 'article-journal', title: 'Galanin, edited in the lab' } }
  }
  // the lab's edit arrives (the pull writes it) while the first batch is written
  let arrived = false
  const writing: ReplicaStore = Object.assign(Object.create(replica) as ReplicaStore, {
    bulkDocs: async (docs: SyncDocument[]) => {
      const saved = await replica.bulkDocs(docs)
      if (!arrived) await replica.put(fromTheLab)
      arrived = true
      return saved
    }
  })

  const outcome = await pushLocalChanges(db, writing)

  expect(((await replica.get(`paper:${edited}`)).data as PaperData).csl.title).toBe('Galanin, edited in the lab')
  expect(outcome.written).not.toContain(`paper:${edited}`)
  expect(outcome.written).toHaveLength(1_199)
  expect(outcome.done).toBe(false)
})
