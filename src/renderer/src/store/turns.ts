// Waiting for the window's next turn: work done in slices gives the window its
// turns in between (painting, answering the researcher).
import { runInSlices } from '@shared/work-in-steps'

/**
 * One channel for every turn, each message the turn of the one waiting longest. A channel made, listened to and closed
 * for each turn was 105 ms of the window's 3.4 s of work in a traced reopen at 100,000 papers (load 12), hundreds of
 * turns taken while the light copies arrive and the index is restored.
 */
let turns: { channel: MessageChannel; waiting: (() => void)[] } | undefined

/** The next turn of the event loop, without setTimeout's 4 ms clamp when nested. */
export function nextTask(): Promise<void> {
  if (!turns) {
    const waiting: (() => void)[] = []
    const channel = new MessageChannel()
    channel.port1.onmessage = () => waiting.shift()?.()
    // in Node (unit tests) a port listened to would keep the process alive
    ;(channel.port1 as { unref?: () => void }).unref?.()
    turns = { channel, waiting }
  }
  const { channel, waiting } = turns
  return new Promise(resolve => {
    waiting.push(resolve)
    channel.port2.postMessage(null)
  })
}

/** After the browser painted what was just rendered (a frame, then a task); at once where there are no frames (tests), within 100 ms in a hidden window (no frames). */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve()
  return new Promise(resolve => {
    const latest = setTimeout(resolve, 100)
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(latest), resolve()), 0))
  })
}

/** the longest a slice of work done beforehand waits for the window to be idle (ms) */
const IDLE_WAIT_MS = 1000

/**
 * How long the next slice of work done beforehand may take, once the window has nothing else to do: such work waits
 * behind what the researcher asked for (searches, the list), at most a second. The next task where there are no
 * idle callbacks (tests).
 */
export function idleSlice(most: number): Promise<number> {
  if (typeof requestIdleCallback === 'undefined') return nextTask().then(() => most)
  return new Promise(resolve =>
    requestIdleCallback(deadline => resolve(deadline.didTimeout ? most : Math.max(1, Math.min(most, deadline.timeRemaining()))), { timeout: IDLE_WAIT_MS })
  )
}

/** work done beforehand waits until the researcher has not searched for this long (ms): a pause in typing */
const QUIET_MS = 400
let searchedAt = -Infinity

/** The researcher asked a search (a keystroke in the search box): work done beforehand waits until they pause (`quietSlice`). */
export function searchAsked(): void {
  searchedAt = performance.now()
}

/**
 * Like `idleSlice`, but also waits until the researcher has paused searching, checked again when the window is idle:
 * at open the sorts of the prepared columns, the duplicate finder and the index's numbers by id took idle slices of
 * 10-20 ms between the keystrokes of the first searches, each keystroke's answer waiting behind one.
 */
export async function quietSlice(most: number): Promise<number> {
  for (;;) {
    const wait = searchedAt + QUIET_MS - performance.now()
    if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
    const slice = await idleSlice(most)
    if (performance.now() - searchedAt >= QUIET_MS) return slice
  }
}

/** work done between two turns of the event loop (a long task is 50 ms; the window shares it with rendering) */
const SLICE_MS = 10

/** Runs the work a slice at a time, letting the window paint and answer between slices. */
export function inTurns<T>(work: Generator<void, T>): Promise<T> {
  return runInSlices(work, SLICE_MS, () => nextTask().then(() => SLICE_MS))
}

/**
 * `inTurns` from the next task on, none of it in the caller's: for work a React effect starts, or work a message
 * brings. React runs the effects of a render still waiting when the next keystroke comes in that keystroke's task: the
 * tag and facet counts' first slices made a search keystroke at 100,000 papers a task of 58 ms of CPU (traced, load 19).
 * A task that read a large message (an arriving search index) has already taken its time.
 */
export function inTurnsFromNextTask<T>(work: Generator<void, T>): Promise<T> {
  return nextTask().then(() => inTurns(work))
}

/**
 * Runs work done beforehand a slice at a time in the window's idle time (or after a second's wait), so it waits behind
 * what the researcher asks for: at open the sorts of the prepared columns ran beside the first searches.
 */
export async function inIdleTurns<T>(work: Generator<void, T>): Promise<T> {
  return runInSlices(work, await idleSlice(SLICE_MS), () => idleSlice(SLICE_MS))
}

/** The same, each slice also waiting until the researcher pauses searching (`quietSlice`): work no search needs. */
export async function inQuietTurns<T>(work: Generator<void, T>): Promise<T> {
  return runInSlices(work, await quietSlice(SLICE_MS), () => quietSlice(SLICE_MS))
}

/** The work, given up (undefined) at its next pause once `stop.stopped` is set: work for a list the window has moved on from. */
export function* untilStopped<T>(work: Generator<void, T>, stop: { stopped: boolean }): Generator<void, T | undefined> {
  for (;;) {
    if (stop.stopped) return undefined
    const step = work.next()
    if (step.done) return step.value
    yield
  }
}

export { atOnce } from '@shared/work-in-steps'
