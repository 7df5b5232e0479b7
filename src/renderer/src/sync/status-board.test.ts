// The sidebar's sync line during a large sync: a new state is shown at once,
// the counts catch up within a fraction of a second, and the window is not
// made to render again for each pulled batch or round.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { statusText, type SyncStatus } from './status'
import { StatusBoard } from './status-board'

beforeEach(() => void vi.useFakeTimers({ now: new Date('2026-12-05T14:02:00') }))
afterEach(() => void vi.useRealTimers())

function watched(): { board: StatusBoard; shown: () => string; tellings: () => number } {
  const board = new StatusBoard(
    () => ({}),
    () => undefined
  )
  const told: SyncStatus[] = []
  board.subscribe(status => told.push(status))
  return { board, shown: () => statusText(told.at(-1) ?? board.status), tellings: () => told.length }
}

describe('the sync line', () => {
  it('shows the number of changes waiting as it ends up, without a render for every batch', () => {
    const { board, shown, tellings } = watched()
    board.set({ state: 'syncing' })
    for (let batch = 1; batch <= 100; batch++) {
      board.written([`paper:${batch}`])
      board.set({})
    }
    expect(board.status.waiting).toBe(100)
    vi.advanceTimersByTime(250)
    expect(shown()).toBe('100 changes waiting')
    expect(tellings()).toBeLessThanOrEqual(3)
  })

  it('shows a new state at once, even right after a count', () => {
    const { board, shown } = watched()
    board.set({ state: 'syncing' })
    board.written(['paper:1'])
    board.set({})
    board.unsent.clear()
    board.set({ state: 'synced', syncedAt: Date.now() })
    expect(shown()).toBe('Synced at 14:02')
    board.fail('wrong-password')
    expect(shown()).toBe('Wrong user name or password')
  })

  it('tells nothing stale after a state that came meanwhile', () => {
    const { board, shown } = watched()
    board.set({ state: 'syncing' })
    board.written(['paper:1', 'paper:2'])
    board.set({})
    board.unsent.clear()
    board.set({ state: 'synced', syncedAt: Date.now() })
    vi.advanceTimersByTime(1000)
    expect(shown()).toBe('Synced at 14:02')
  })

  it('says a sync just after midnight happened at 00:02', () => {
    const { board, shown } = watched()
    board.set({ state: 'synced', syncedAt: new Date('2026-12-06T00:02:00').getTime() })
    expect(shown()).toBe('Synced at 00:02')
  })
})
