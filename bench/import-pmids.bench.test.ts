// Importing 500 PMIDs end to end: the app's HTTP client (NCBI spacing and
// all) against the replay server, resolveIdentifiers (network + parse), then
// the library on fake-indexeddb (store). The PubMed answers come from
// bench/pubmed-copies.ts, a benchmark-only corpus of copies of the recorded
// records under new PMIDs. Prints the figures; with NEUROREF_BENCH=1
// (`npm run bench`) runs 5 times and writes bench/results/import-pmids.json.
// Asserts correctness only (500 papers, ≤ 3 efetch requests), never time.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { ncbiRoutes, requestsPerSecondMax } from '../e2e/replay/ncbi-corpus'
import { replayEnvironment } from '../e2e/replay/recorded'
import { startReplayServer, type ReplayServer } from '../e2e/replay/server'
import { createNcbiAwareHttpClient } from '../src/main/app'
import { readConfig } from '../src/main/config'
import { defaultSleep, type Sleep } from '../src/main/services/http'
import { resolveIdentifiers, type ResolveDeps } from '../src/main/services/resolve-identifiers'
import { DuplicateFinder } from '@shared/duplicates'
import type { Identifier } from '@shared/identifiers'
import type { NeurorefApi } from '@shared/contract'
import { ok } from '@shared/result'
import { addRecordsToLibrary } from '@renderer/library/add-paper'
import { importRecords } from '@renderer/library/import-file'
import { openLibrary, type NeurorefDb } from '@renderer/library/schema'
import { importIdentifierList } from '@renderer/features/import/import-identifiers'
import { benchmarkCorpus } from './pubmed-copies'

// Time spent inside the efetch XML parser, measured around the real function
// (its slices, not the turns of the event loop between them), as wall time and
// as this process's CPU time (steadier on a shared machine).
const parsing = vi.hoisted(() => ({ ms: 0, cpuMs: 0 }))
vi.mock('../src/main/services/pubmed/parse-efetch', async importOriginal => {
  const real = await importOriginal<typeof import('../src/main/services/pubmed/parse-efetch')>()
  return {
    ...real,
    parsePubmedArticleSetInTurns: async (xml: string, nextTurn: () => Promise<void>) => {
      let start = performance.now()
      let cpu = process.cpuUsage()
      const pause = (): void => {
        parsing.ms += performance.now() - start
        const used = process.cpuUsage(cpu)
        parsing.cpuMs += (used.user + used.system) / 1000
      }
      try {
        return await real.parsePubmedArticleSetInTurns(xml, async () => {
          pause()
          await nextTurn()
          start = performance.now()
          cpu = process.cpuUsage()
        })
      } finally {
        pause()
      }
    }
  }
})

const FULL = process.env.NEUROREF_BENCH === '1'
const RUNS = FULL ? 5 : 1
const SIZE = 500
const { corpus, pmids } = benchmarkCorpus(SIZE)
const ids: Identifier[] = pmids.map(value => ({ kind: 'pmid', value }))

let replay: ReplayServer
beforeAll(async () => {
  replay = await startReplayServer(ncbiRoutes(corpus))
})
afterAll(() => replay.close())

/** The app's client and services; `waited` adds up what the client sleeps to keep NCBI's spacing. */
function services(): { deps: ResolveDeps; waited: { ms: number } } {
  const waited = { ms: 0 }
  const sleep: Sleep = (ms, signal) => {
    waited.ms += Math.max(ms, 0)
    return defaultSleep(ms, signal)
  }
  const config = readConfig(replayEnvironment(replay.url))
  const http = createNcbiAwareHttpClient(config, { sleep })
  const deps: ResolveDeps = {
    eutils: { http, eutilsUrl: config.eutilsUrl, idconvUrl: config.idconvUrl, email: config.email },
    crossref: { http, crossrefUrl: config.crossrefUrl, doiUrl: config.doiUrl, email: config.email }
  }
  return { deps, waited }
}

const freshLibrary = (): NeurorefDb => openLibrary(`bench-import-${Math.random()}`)
const round = (ms: number): number => Math.round(ms)

interface Run {
  efetchRequests: number
  ncbiRequests: number
  ncbiRequestsPerSecondMax: number
  networkMs: number
  waitingForNcbiSpacingMs: number
  networkWithoutWaitingMs: number
  parseMs: number
  parseCpuMs: number
  storeInBatchesMs: number
  storeOneTransactionMs: number
  totalMs: number
  asTheAppRunsItMs: number
  appLastReplyMs: number
  appAfterLastReplyMs: number
  appCpuMs: number
}

/** resolveIdentifiers, then the two ways of storing, then the whole Add-by-identifier path. */
async function oneRun(): Promise<Run> {
  replay.requests.length = 0
  parsing.ms = 0
  parsing.cpuMs = 0
  const { deps, waited } = services()
  const startResolve = performance.now()
  const found = await resolveIdentifiers(ids, deps)
  const resolveMs = performance.now() - startResolve
  const parseMs = parsing.ms
  const parseCpuMs = parsing.cpuMs
  expect(found.failures).toEqual([])
  expect(found.papers).toHaveLength(SIZE)
  const efetchRequests = replay.requests.filter(r => r.path === '/eutils/efetch.fcgi').length
  expect(efetchRequests).toBeLessThanOrEqual(3)
  const ncbiRequestsPerSecondMax = requestsPerSecondMax(replay.requests, '/eutils/')
  const ncbiRequests = replay.requests.length

  // As Add by identifier stores: a lookup batch (200) a transaction, with the store's finder.
  const batched = freshLibrary()
  const finder = new DuplicateFinder()
  const startStore = performance.now()
  const statuses = []
  for (let at = 0; at < found.papers.length; at += 200) {
    const outcomes = await addRecordsToLibrary(
      batched,
      found.papers.slice(at, at + 200).map(p => p.record),
      finder
    )
    for (const { status, item } of outcomes) {
      finder.add(item)
      statuses.push(status)
    }
  }
  const storeInBatchesMs = performance.now() - startStore
  expect(statuses.filter(s => s === 'added')).toHaveLength(SIZE)
  await batched.delete()

  // As a file import stores: one transaction for all (the alternative worth knowing).
  const bulk = freshLibrary()
  const startBulk = performance.now()
  const outcome = await importRecords(
    bulk,
    found.papers.map(p => p.record),
    new DuplicateFinder()
  )
  const storeOneTransactionMs = performance.now() - startBulk
  expect(outcome.added).toHaveLength(SIZE)
  await bulk.delete()

  // The whole path: 3 lookup calls of ≤ 200 ids, each one efetch, each paper stored.
  replay.requests.length = 0
  const app = services()
  // When the last reply has been read: what comes after it is the last batch's store.
  let lastReply = 0
  const lookup = async ({ ids: batch }: { ids: Identifier[] }) => {
    const answer = ok(await resolveIdentifiers(batch, app.deps))
    lastReply = performance.now()
    return answer
  }
  const api = { 'lookup.identifiers': lookup } as Partial<NeurorefApi> as NeurorefApi
  const library = freshLibrary()
  const appCpu = process.cpuUsage()
  const startApp = performance.now()
  const summary = await importIdentifierList(ids, { api, db: library, known: new DuplicateFinder() })
  const asTheAppRunsItMs = performance.now() - startApp
  const appCpuUsed = process.cpuUsage(appCpu)
  expect(summary).toMatchObject({ added: SIZE, failed: 0, cancelled: false })
  expect(replay.requests.filter(r => r.path === '/eutils/efetch.fcgi')).toHaveLength(3)
  await library.delete()

  const networkMs = resolveMs - parseMs
  return {
    efetchRequests,
    ncbiRequests,
    ncbiRequestsPerSecondMax,
    networkMs: round(networkMs),
    waitingForNcbiSpacingMs: round(waited.ms),
    networkWithoutWaitingMs: round(networkMs - waited.ms),
    parseMs: round(parseMs),
    parseCpuMs: round(parseCpuMs),
    storeInBatchesMs: round(storeInBatchesMs),
    storeOneTransactionMs: round(storeOneTransactionMs),
    totalMs: round(resolveMs + storeInBatchesMs),
    asTheAppRunsItMs: round(asTheAppRunsItMs),
    appLastReplyMs: round(lastReply - startApp),
    appAfterLastReplyMs: round(startApp + asTheAppRunsItMs - lastReply),
    appCpuMs: round((appCpuUsed.user + appCpuUsed.system) / 1000)
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

it(`imports ${SIZE} PMIDs from the replay in at most 3 efetch requests`, async () => {
  const runs: Run[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun())
  const medians = Object.fromEntries((Object.keys(runs[0]) as (keyof Run)[]).map(key => [key, median(runs.map(r => r[key]))])) as unknown as Run

  const bytes = corpus.records.reduce((sum, r) => sum + Buffer.byteLength(r.xml), 0)
  console.log(
    [
      `Import of ${SIZE} PMIDs (benchmark corpus, ${(bytes / 1e6).toFixed(1)} MB of PubMed XML), median of ${RUNS} run(s):`,
      `  requests: ${medians.efetchRequests} efetch (goal ≤ 3), ${medians.ncbiRequests} to NCBI in all, at most ${medians.ncbiRequestsPerSecondMax} in any second`,
      `  network ${medians.networkMs} ms, of which waiting for NCBI's 340 ms spacing ${medians.waitingForNcbiSpacingMs} ms (without the wait: ${medians.networkWithoutWaitingMs} ms)`,
      `  parse ${medians.parseMs} ms (${medians.parseCpuMs} ms of CPU: ${(medians.parseCpuMs / SIZE).toFixed(2)} ms a record, goal ≤ 0.5)`,
      `  store ${medians.storeInBatchesMs} ms one transaction per lookup batch of 200 (as Add by identifier does), ${medians.storeOneTransactionMs} ms all in one`,
      `  network + parse + store one after the other: ${medians.totalMs} ms`,
      `  the whole Add-by-identifier path (overlapped): ${medians.asTheAppRunsItMs} ms (goal < 1000 ms), ${medians.appCpuMs} ms of CPU (replay server included);`,
      `    last reply read at ${medians.appLastReplyMs} ms (NCBI's spacing puts the 3rd request ≥ 680 ms after the 1st), then ${medians.appAfterLastReplyMs} ms to store it`
    ].join('\n')
  )

  if (FULL) {
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
    const result = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version },
      papers: SIZE,
      corpusBytes: bytes,
      runs: RUNS,
      median: medians,
      all: runs
    }
    writeFileSync(new URL('./results/import-pmids.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`)
  }
}, 300_000)
