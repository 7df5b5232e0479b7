// A sync worker that keeps failing is not started again forever, and the
// sidebar says in words that sync has stopped and how to start it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { statusText } from './status'
import { WorkerRestarts } from './worker-restarts'
import { startHeartbeat } from './heartbeat'

const shown = (message: string): string => statusText({ state: 'problem', message, waiting: 0, fromNewerApp: 0 })

describe('a failing sync worker', () => {
  it('is started again three times in a row, then sync stops and says how to start it', () => {
    const restarts = new WorkerRestarts()
    for (let i = 0; i < 3; i++) {
      const { again, message } = restarts.failed('the sync worker failed (out of memory)', 15_000)
      expect(again).toBe(true)
      expect(shown(message)).toBe('Sync stopped unexpectedly: the sync worker failed (out of memory); it starts again in 15 s')
    }
    const last = restarts.failed('the sync worker stopped answering', 15_000)
    expect(last.again).toBe(false)
    expect(shown(last.message)).toBe(
      'Sync has stopped after 4 failures of its worker in a row (the last: the sync worker stopped answering). ' +
        'It does not start again by itself: choose Save and sync in Settings → Sync, or open Neuroref again.'
    )
  })

  it('counts failures from nothing again once a round has finished', () => {
    const restarts = new WorkerRestarts()
    for (let i = 0; i < 3; i++) restarts.failed('the sync worker failed (x)', 1000)
    restarts.worked()
    expect(restarts.failed('the sync worker failed (x)', 1000).again).toBe(true)
  })
})

describe('the heartbeat', () => {
  const times = { every: 5, within: 100 }
  // the clock moves only as the test says: on the real one a busy machine that stalled the test's process for 100 ms
  // between a ping and its answer made the heartbeat take an answering worker for gone
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())
  const after = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
  const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms)

  it('takes a worker that stops answering for gone, once', async () => {
    let gone = 0
    let answering = true
    const beat = startHeartbeat(
      () => (answering ? Promise.resolve() : new Promise(() => undefined)),
      () => gone++,
      times
    )
    await pass(100)
    expect(gone).toBe(0)
    answering = false
    await pass(600)
    beat.stop()
    expect(gone).toBe(1)
  })

  it('leaves a worker that answers alone', async () => {
    let gone = 0
    const beat = startHeartbeat(
      () => after(10),
      () => gone++,
      times
    )
    await pass(300)
    beat.stop()
    expect(gone).toBe(0)
  })
})
