// The CPU samples of a Chromium trace (bench/task-trace.ts records them) summed for every thread, the workers
// included: each thread's busy time and the functions sampled most in it, by their own time and with what they called
// (file:line:column of the built bundle: find them in out/renderer/assets). long-tasks.mjs reads only the window's
// thread; an import's reader and writer workers are where most of its CPU goes (NEUROREF_BENCH_TRACE_ALL traces it).
// Tracing slows every thread 2-4x: read the shares, not the milliseconds.
// Usage: node bench/thread-samples.mjs FILE.json [how many functions per thread]
import { readFileSync } from 'node:fs'
import { forEachSample, frameName } from './trace-samples.mjs'

const [file, shown = '20'] = process.argv.slice(2)
const parsed = JSON.parse(readFileSync(file, 'utf8'))
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents
const threadNames = new Map(events.filter(e => e.name === 'thread_name').map(e => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']))

const threads = new Map()
const threadOf = key => {
  if (!threads.has(key)) threads.set(key, { busy: 0, own: new Map(), within: new Map() })
  return threads.get(key)
}
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms)

forEachSample(events, ({ thread: key, ms, frame, callers }) => {
  if (frame.functionName === '(idle)') return
  const thread = threadOf(key)
  thread.busy += ms
  add(thread.own, frameName(frame), ms)
  // a function that calls itself counts once per sample
  for (const name of new Set(callers().map(frameName))) add(thread.within, name, ms)
})

const top = (map, busy) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(shown))
    .map(([name, ms]) => `  ${String(Math.round(ms)).padStart(6)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${name}`)
for (const [key, thread] of [...threads].sort((a, b) => b[1].busy - a[1].busy)) {
  if (thread.busy < 1) continue
  console.log(`\n${threadNames.get(key) ?? '?'} (${key}): ${Math.round(thread.busy)} ms sampled busy`)
  console.log(' own time')
  console.log(top(thread.own, thread.busy).join('\n'))
  console.log(' with what it called')
  console.log(top(new Map([...thread.within].filter(([name]) => !name.startsWith('(root)'))), thread.busy).join('\n'))
}
