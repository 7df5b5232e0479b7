// The server-side check before a PDF is deleted from the files database
// (docs/SYNC.md, "Deleting a PDF from the server"): which attachment documents
// of the library database still name the candidate hashes, asked with Mango's
// `_find` and no index, so the server reads every document. Measures that
// question on a library database of N documents (200,000 with
// NEUROREF_BENCH=1) on the CouchDB-compatible test server, for 1 and for 500
// hashes, and the same with a Mango index on type and hash (which a database
// admin would have to create: members may not write design documents).
// Prints figures (bench/RESULTS-sync.md); asserts only the answers.
import { loadavg } from 'node:os'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestCouch, type TestCouch } from '../e2e/support/couch-server'
import { filesReferenced } from '../src/renderer/src/sync/files'
import { newDatabase } from '../src/renderer/src/sync/computers.test-support'

const DOCUMENTS = process.env.NEUROREF_BENCH === '1' ? 200_000 : 20_000
/** one paper in ten has a PDF (its attachment document) */
const PDF_EVERY = 10
const ABSTRACT = 'Neuropeptide signalling in the hypothalamus shapes social behaviour. '.repeat(14)

let couch: TestCouch
beforeAll(async () => {
  couch = await startTestCouch()
})
afterAll(() => couch?.close())

const hashOf = (n: number): string => n.toString(16).padStart(64, '0')
const load = (): string =>
  loadavg()
    .map(l => l.toFixed(2))
    .join(' ')

function document(n: number): object {
  if (n % PDF_EVERY === 0)
    return { _id: `attachment:a${n}`, type: 'attachment', schema: 1, data: { id: `a${n}`, itemId: `p${n}`, hash: hashOf(n), size: 1000, fileName: `${n}.pdf` } }
  const csl = {
    type: 'article-journal',
    title: `Paper ${n} on oxytocin`,
    author: [{ family: 'Smith', given: 'Ann' }],
    abstract: ABSTRACT,
    'container-title': 'Neuron'
  }
  return { _id: `paper:p${n}`, type: 'paper', schema: 1, data: { id: `p${n}`, csl, tags: [], collectionIds: [], addedAt: n, modifiedAt: n } }
}

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const from = performance.now()
  const memoryFrom = process.memoryUsage().rss
  const value = await run()
  console.log(
    `[bench pdf-delete-check] ${what}: ${((performance.now() - from) / 1000).toFixed(2)} s, resident +${((process.memoryUsage().rss - memoryFrom) / 1e6).toFixed(0)} MB; load ${load()}`
  )
  return value
}

it(`asks which of ${DOCUMENTS.toLocaleString('en')} documents name a PDF`, async () => {
  const database = await newDatabase(couch)
  const url = `${couch.url}/${database}`
  for (let at = 0; at < DOCUMENTS; at += 2_000) {
    const docs = Array.from({ length: Math.min(2_000, DOCUMENTS - at) }, (_, i) => document(at + i))
    const stored = await couch.admin(`/${database}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs })
    })
    expect(stored.ok).toBe(true)
  }
  const fetch = (address: string | Request, init?: RequestInit) => couch.admin(String(address).slice(couch.url.length), init)
  const one = [hashOf(PDF_EVERY * 7)]
  const many = Array.from({ length: 500 }, (_, i) => hashOf(PDF_EVERY * i + (i % 2)))
  for (const index of ['no index', 'a Mango index on type and data.hash'])
    for (const hashes of [one, many]) {
      const named = await timed(`${DOCUMENTS} documents, ${hashes.length} hash(es), ${index}`, () => filesReferenced(fetch, url, hashes))
      expect(named.size).toBe(hashes.length === 1 ? 1 : 250)
      if (index === 'no index' && hashes === many) {
        const made = await couch.admin(`/${database}/_index`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ index: { fields: ['type', 'data.hash'] }, name: 'attachment-hash' })
        })
        expect(made.ok).toBe(true)
      }
    }
  // a benchmark: its time is the server's under whatever load the machine has, so only the answers are asserted
}, 180_000)
