// Work done beforehand (the sorts of the prepared columns, the duplicate finder, the index's numbers by id) waits while
// the researcher searches, so each keystroke's answer does not wait behind one of its slices; work a search needs does not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { idleSlice, inQuietTurns, inTurnsFromNextTask, quietSlice, searchAsked } from './turns'

/** A few turns of the event loop (the window's turns come as messages, which the fake clock does not hold), the clock standing still. */
async function turnsPass(): Promise<void> {
  for (let n = 0; n < 20; n++) await new Promise<void>(resolve => setImmediate(resolve))
}

describe('work done beforehand while the researcher searches', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits until the researcher pauses, then runs', async () => {
    searchAsked()
    let ran = false
    void quietSlice(10).then(() => (ran = true))
    await vi.advanceTimersByTimeAsync(200)
    await turnsPass()
    expect(ran).toBe(false)
    // another keystroke: the pause starts again
    searchAsked()
    await vi.advanceTimersByTimeAsync(300)
    await turnsPass()
    expect(ran).toBe(false)
    await vi.advanceTimersByTimeAsync(200)
    await turnsPass()
    expect(ran).toBe(true)
  })

  it('does every step of the work once the researcher pauses, none before', async () => {
    searchAsked()
    let steps = 0
    function* work(): Generator<void, string> {
      for (let n = 0; n < 5; n++) {
        steps++
        yield
      }
      return 'done'
    }
    const done = inQuietTurns(work())
    await turnsPass()
    expect(steps).toBe(0)
    await vi.advanceTimersByTimeAsync(1000)
    await turnsPass()
    expect(await done).toBe('done')
    expect(steps).toBe(5)
  })

  it('does not hold back what a search itself reads in idle time', async () => {
    searchAsked()
    let ran = false
    void idleSlice(10).then(() => (ran = true))
    await turnsPass()
    expect(ran).toBe(true)
  })
})

describe("work a keystroke's effects start", () => {
  it('does none of its steps in the task that starts it, all of them after', async () => {
    let steps = 0
    function* work(): Generator<void, string> {
      for (let n = 0; n < 3; n++) {
        steps++
        yield
      }
      return 'counted'
    }
    const done = inTurnsFromNextTask(work())
    // still the keystroke's task: nothing counted yet
    expect(steps).toBe(0)
    expect(await done).toBe('counted')
    expect(steps).toBe(3)
  })
})
