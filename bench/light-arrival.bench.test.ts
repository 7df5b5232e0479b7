// How long the window takes to take in the saved light form's papers at open (store/light-arrival.ts's part): the
// scale benchmark's papers packed in parts as the form saves them, then every line decoded and parsed, each paper
// kept (as the store keeps them), with the collector's time meanwhile. Figures only.
import { PerformanceObserver } from 'node:perf_hooks'
import { loadavg } from 'node:os'
import { expect, it } from 'vitest'
import { recognitionHashes } from '@shared/duplicates'
import { basics } from '@renderer/library/item-basics'
import { packPapers } from '@renderer/library/light-packing'
import { PartReceiver, PartSender, type PartOnTheWay } from '@renderer/store/part-bytes'
import { LIGHT } from '@renderer/store/light-item'
import { createSyntheticLibrary } from './synthetic-library'

const FULL = process.env.NEUROREF_BENCH === '1'
const SIZE = FULL ? Number(process.env.NEUROREF_BENCH_ITEMS ?? 100_000) : 2_000

it(`takes in ${SIZE.toLocaleString('en')} papers from the saved light form`, async () => {
  const parts: PartOnTheWay[] = []
  {
    const { items } = createSyntheticLibrary(SIZE)
    const sender = new PartSender()
    for (let start = 0; start < items.length; start += 500) {
      const chunk = items.slice(start, start + 500)
      parts.push(sender.onTheWay(packPapers(chunk.map(basics), chunk.map(recognitionHashes)), []))
    }
  }
  const runs = FULL ? 5 : 1
  for (let run = 0; run < runs; run++) {
    ;(globalThis as { gc?: () => void }).gc?.()
    const collections: PerformanceEntry[] = []
    const observer = new PerformanceObserver(list => collections.push(...list.getEntries()))
    observer.observe({ entryTypes: ['gc'] })
    const heapBefore = process.memoryUsage().heapUsed
    const kept = new Map<string, unknown>()
    const began = performance.now()
    const cpuBefore = process.cpuUsage()
    const receiver = new PartReceiver(LIGHT)
    for (const part of parts) for (const { papers } of receiver.lines(part)) for (const paper of papers) kept.set(paper.id, paper)
    const ms = performance.now() - began
    const cpu = process.cpuUsage(cpuBefore)
    ;(globalThis as { gc?: () => void }).gc?.()
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6
    // the collector's entries are delivered after this task
    await new Promise(resolve => setTimeout(resolve, 50))
    observer.disconnect()
    const during = collections.filter(entry => entry.startTime >= began && entry.startTime < began + ms)
    const gcMs = during.reduce((sum, entry) => sum + entry.duration, 0)
    const gcs = during.length
    expect(kept.size).toBe(SIZE)
    console.log(
      `run ${run}: ${ms.toFixed(0)} ms, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms of this process (gc ${gcMs.toFixed(0)} ms in ${gcs}), heap kept ${heapMb.toFixed(1)} MB, load ${loadavg()[0].toFixed(1)}`
    )
    if (run < runs - 1) kept.clear()
  }
})
