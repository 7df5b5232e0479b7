// The writer worker's code (write-papers.ts) in Node: batches the window hands over before their papers have come from
// the reader are written once they come, each of them (the window hands the next batch over while one is written).
import { afterEach, beforeAll, expect, it } from 'vitest'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { toItem } from '../../library/add-paper'
import { loadPeptideTagger } from '../../library/peptide-tagger'
import { WriterSender } from './items-wire'
import { PapersSender } from './papers-for-window'
import { paperWriter, type WriterReply } from './write-papers'

beforeAll(loadPeptideTagger)

let db: NeurorefDb | undefined
afterEach(() => db?.delete())

it('writes every batch that waited for its papers, once they come', async () => {
  db = openLibrary(`writer-${Math.random()}`)
  const items = Array.from({ length: 4 }, (_, n) => toItem({ csl: { type: 'article-journal', title: `Oxytocin and bonding ${n}` }, sources: ['file'] }, 1))
  const replies: WriterReply[] = []
  const bothReplied = new Promise<void>(resolve => {
    const handle = paperWriter(reply => (replies.push(reply), replies.length === 2 && resolve()))
    const channel = new MessageChannel()
    void handle({ kind: 'open', dbName: db!.name, papers: channel.port2 })
    const keys = (from: number): [string, string][] => items.slice(from, from + 2).map((item, n) => [item.id, `key${from + n}`])
    void handle({ kind: 'write', importId: 'import', batch: 1, keys: keys(0) })
    void handle({ kind: 'write', importId: 'import', batch: 2, keys: keys(2) })
    channel.port1.postMessage(new WriterSender().forWriter(items, new PapersSender().onTheWay(items)))
  })
  await bothReplied
  expect(replies.map(reply => reply.kind).sort()).toEqual(['written', 'written'])
  expect((await db.items.orderBy('citationKey').toArray()).map(item => [item.id, item.citationKey])).toEqual(items.map((item, n) => [item.id, `key${n}`]))
})
