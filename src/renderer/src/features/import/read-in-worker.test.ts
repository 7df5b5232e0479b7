// The file reader's workers, with a stand-in for Web Workers (Node has none): each file is read by a fresh worker,
// the next one started when asked; a reader that fails, or a file that takes too long, is reported and that worker is
// stopped and never used again; an unused spare is stopped after a while.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReadRequest } from './read-file'
import { FakeReader } from './fake-reader.test-support'

const file = (name: string, title: string): ReadRequest => ({
  name,
  bytes: new TextEncoder().encode(`@article{k,\n  title = {${title}},\n  author = {Neumann, Inga},\n  year = {2024}\n}\n`)
})

/** The module afresh (its spare reader is module state). */
const reader = () => import('./read-in-worker')

beforeEach(() => {
  vi.resetModules()
  FakeReader.started = []
  FakeReader.next = []
  vi.stubGlobal('Worker', FakeReader)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('reading files in workers', () => {
  it('reads the next file with the reader started after the previous read, when its caller asks', async () => {
    const { readInWorker, prepareReader } = await reader()
    const first = await readInWorker(file('a.bib', 'Oxytocin and pair bonding'))
    expect(first.ok && first.items?.map(item => item.csl.title)).toEqual(['Oxytocin and pair bonding'])
    // none started as the read finished: the import that asked for it still writes and announces its papers
    expect(FakeReader.started).toHaveLength(1)
    prepareReader()
    const [used, spare] = FakeReader.started
    expect(used.terminated).toBe(true)
    expect(spare.terminated).toBe(false)

    const second = await readInWorker(file('b.bib', 'Vasopressin in the septum'))
    expect(second.ok && second.items?.map(item => item.csl.title)).toEqual(['Vasopressin in the septum'])
    expect(spare.readFiles).toEqual(['b.bib'])
  })

  it('says a reader stopped unexpectedly, and reads the next file with another', async () => {
    const { readInWorker } = await reader()
    FakeReader.next = ['crashes']
    const read = await readInWorker(file('big.bib', 'Oxytocin and pair bonding'))
    expect(read).toEqual({ ok: false, sentence: 'big.bib could not be read (out of memory).' })
    const crashed = FakeReader.started[0]
    expect(crashed.terminated).toBe(true)

    const next = await readInWorker(file('b.bib', 'Vasopressin in the septum'))
    expect(next.ok && next.items?.map(item => item.csl.title)).toEqual(['Vasopressin in the septum'])
    expect(crashed.readFiles).toEqual(['big.bib'])
  })

  it('does not hand a file to a spare that failed while it waited', async () => {
    const { readInWorker, prepareReader } = await reader()
    prepareReader()
    const spare = FakeReader.started[0]
    spare.fail('the reader could not load')
    expect(spare.terminated).toBe(true)

    const read = await readInWorker(file('a.bib', 'Oxytocin and pair bonding'))
    expect(read.ok && read.items?.map(item => item.csl.title)).toEqual(['Oxytocin and pair bonding'])
    expect(spare.readFiles).toEqual([])
  })

  it('stops a file that takes too long, and its reader', async () => {
    const { readInWorker } = await reader()
    FakeReader.next = ['never answers']
    const read = await readInWorker(file('slow.bib', 'Oxytocin and pair bonding'), undefined, 60_000 / 1000)
    expect(read.ok).toBe(false)
    expect(!read.ok && read.sentence).toMatch(/^Reading slow\.bib took longer than .* so it was stopped\.$/)
    expect(FakeReader.started[0].terminated).toBe(true)
  })

  it('stops a spare nobody used after two minutes', async () => {
    vi.useFakeTimers()
    const { prepareReader } = await reader()
    prepareReader()
    prepareReader()
    expect(FakeReader.started).toHaveLength(1)
    vi.advanceTimersByTime(119_000)
    expect(FakeReader.started[0].terminated).toBe(false)
    vi.advanceTimersByTime(1_000)
    expect(FakeReader.started[0].terminated).toBe(true)
  })
})
