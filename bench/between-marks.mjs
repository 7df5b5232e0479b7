// The window's CPU samples of a Chromium trace (bench/task-trace.ts) between two of the app's performance marks
// (store/opening-marks.ts: "papers in", "papers shown", …): what the window did in that stretch, by function, its own
// time and with what it called. Tracing slows the thread: read the shares, not the milliseconds.
// Usage: node bench/between-marks.mjs FILE.json "papers in" "papers shown" [how many functions]
// A trace without the marks (taken before they were traced): the steps' times as the bench printed them (ms from the
// page's start, e.g. 4568 4988), counted from the page's request.
import { readFileSync } from 'node:fs'
import { forEachSample, frameName } from './trace-samples.mjs'

const [file, from, to, shown = '25'] = process.argv.slice(2)
const parsed = JSON.parse(readFileSync(file, 'utf8'))
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents
const mainThreads = new Set(events.filter(e => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(e => `${e.pid}:${e.tid}`))
const pageAsked = events.filter(e => e.name === 'ResourceSendRequest').sort((a, b) => a.ts - b.ts)[0]?.ts
const markAt = step =>
  /^\d+$/.test(step) ? pageAsked + Number(step) * 1000 : events.find(e => e.name === `neuroref:${step}` && mainThreads.has(`${e.pid}:${e.tid}`))?.ts
const [begin, end] = [markAt(from), markAt(to)]
if (begin === undefined || end === undefined) throw new Error(`marks not in the trace: ${from} ${begin}, ${to} ${end}`)

const own = new Map()
const within = new Map()
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms)
let busy = 0
forEachSample(
  events,
  ({ at, ms, frame, callers }) => {
    if (at < begin || at > end || frame.functionName === '(idle)') return
    busy += ms
    add(own, frameName(frame), ms)
    for (const name of new Set(callers().map(frameName))) add(within, name, ms)
  },
  thread => mainThreads.has(thread)
)
const top = map => [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(shown))
console.log(`${from} → ${to}: ${((end - begin) / 1000).toFixed(0)} ms, the window busy ${busy.toFixed(0)} ms`)
console.log('own time:')
for (const [name, ms] of top(own)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`)
console.log('with what it called:')
for (const [name, ms] of top(within)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`)
