// The browser's memory while a benchmark runs: the resident size of its whole
// process tree (the browser, its renderers and their workers), read from ps
// once a second; the peak is what a researcher's machine must have free.
import { execFileSync } from 'node:child_process'

/** Resident kB of the browsers this test process started and every process below them (not the web edition's Node). */
function browserKb(): number {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(line => line.trim().split(/\s+/))
  const inTree = new Set(rows.filter(([, ppid, , comm]) => Number(ppid) === process.pid && /chrom/i.test(comm)).map(([pid]) => Number(pid)))
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, ppid] of rows)
      if (inTree.has(Number(ppid)) && !inTree.has(Number(pid))) {
        inTree.add(Number(pid))
        grew = true
      }
  }
  return rows.reduce((sum, [pid, , rss]) => (inTree.has(Number(pid)) ? sum + Number(rss) : sum), 0)
}

/** Samples until `stop()`, which answers the peak in MB. */
export function samplePeakMemory(): { stop: () => number } {
  let peak = 0
  const sample = (): void => {
    peak = Math.max(peak, browserKb())
  }
  sample()
  const timer = setInterval(sample, 1000)
  return {
    stop: () => {
      clearInterval(timer)
      sample()
      return Math.round(peak / 1024)
    }
  }
}
