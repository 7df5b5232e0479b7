// The browser's CPU time while a benchmark runs, from /proc (Linux only): in all (every process of the browser,
// threads that ended included) and by thread name (the window's thread, each worker, IndexedDB's), sampled so that
// a worker stopped before the end still counts up to its last sample. On a machine shared with others the wall time
// follows the load; the CPU time says what the work itself cost.
import { readdirSync, readFileSync } from 'node:fs'
import type { Browser } from '@playwright/test'

const TICKS_PER_S = 100

/** utime + stime of a /proc stat line, in ticks, and the name between its parentheses. */
function statOf(path: string): { name: string; ticks: number } | undefined {
  try {
    const line = readFileSync(path, 'utf8')
    const close = line.lastIndexOf(')')
    const fields = line.slice(close + 2).split(' ')
    return { name: line.slice(line.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) }
  } catch {
    return undefined // ended meanwhile
  }
}

function threadsOf(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`)
  } catch {
    return [] // the process ended
  }
}

async function browserPids(browser: Browser): Promise<{ pid: number; type: string }[]> {
  if (process.platform !== 'linux') return []
  const session = await browser.newBrowserCDPSession()
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number; type: string }[] }
    return processInfo.map(({ id, type }) => ({ pid: id, type }))
  } finally {
    await session.detach()
  }
}

/** Samples every `everyMs` until `stop()`, which answers the CPU seconds used since the start, in all and by process type and thread name. */
export async function sampleBrowserCpu(browser: Browser | null, everyMs = 250) {
  const pids = browser ? await browserPids(browser) : []
  const processStart = new Map(pids.map(({ pid }) => [pid, statOf(`/proc/${pid}/stat`)?.ticks ?? 0]))
  const threads = new Map<string, { label: string; first: number; last: number }>()
  const sample = (atStart: boolean) => {
    for (const { pid, type } of pids) {
      for (const tid of threadsOf(pid)) {
        const stat = statOf(`/proc/${pid}/task/${tid}/stat`)
        if (!stat) continue
        const key = `${pid}/${tid}`
        const known = threads.get(key)
        if (known) known.last = stat.ticks
        else threads.set(key, { label: `${type}: ${stat.name}`, first: atStart ? stat.ticks : 0, last: stat.ticks })
      }
    }
  }
  sample(true)
  const timer = setInterval(() => sample(false), everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      sample(false)
      let total = 0
      for (const [pid, start] of processStart) total += (statOf(`/proc/${pid}/stat`)?.ticks ?? start) - start
      // one line per thread that worked (a worker's threads share a name: they are told apart by their thread id)
      const busiest = [...threads]
        .map(([key, { label, first, last }]) => [`${label} ${key.split('/')[1]}`, +((last - first) / TICKS_PER_S).toFixed(2)] as const)
        .filter(([, s]) => s >= 0.05)
        .sort((a, b) => b[1] - a[1])
      return { cpuS: +(total / TICKS_PER_S).toFixed(2), cpuByThreadS: Object.fromEntries(busiest) }
    }
  }
}
