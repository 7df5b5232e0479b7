// Whether the sync worker is still there. A worker the browser ends without an
// error event (closed, killed for memory) says nothing: its calls would wait
// forever and the sidebar would go on saying "Syncing…". The window asks it
// every few seconds; one that has not answered in a while is taken for gone.

/** How often the window asks, and how long an answer may take: the worker answers between its own tasks, which are short. */
export interface HeartbeatTimes {
  every: number
  within: number
}

const HEARTBEAT: HeartbeatTimes = { every: 5_000, within: 20_000 }

/** Calls `gone` once when a `ping` has not answered within `times.within`; `stop` ends the asking. */
export function startHeartbeat(ping: () => Promise<unknown>, gone: () => void, times: HeartbeatTimes = HEARTBEAT): { stop(): void } {
  let askedAt: number | undefined
  const timer = setInterval(() => {
    if (askedAt === undefined) {
      const asked = (askedAt = Date.now())
      ping().then(
        () => askedAt === asked && (askedAt = undefined),
        () => undefined
      )
    } else if (Date.now() - askedAt >= times.within) {
      clearInterval(timer)
      gone()
    }
  }, times.every)
  return { stop: () => clearInterval(timer) }
}
