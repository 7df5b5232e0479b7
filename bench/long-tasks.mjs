// The long tasks (over 50 ms) of a Chromium trace (bench/task-trace.ts), the longest first, each with what ran in
// it: the callback (function, file:line), the timer, the message or event dispatched, garbage collection, layout,
// and the functions sampled most in it (file:line:column of the built bundle: find them in out/renderer/assets).
// Each task also says how much of it the thread was on a CPU ('cpu', the trace's thread time): on a loaded machine a
// task can be long only because the thread waited for a core, and then only its CPU time says what the app asked.
// Usage: node bench/long-tasks.mjs FILE.json [how many] [cpu: the most on a CPU first]
import { readFileSync } from 'node:fs'
import { forEachSample, frameName } from './trace-samples.mjs'

const [file, shown = '25', order = 'wall'] = process.argv.slice(2)
const parsed = JSON.parse(readFileSync(file, 'utf8'))
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents
const mainThreads = new Set(events.filter(e => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(e => `${e.pid}:${e.tid}`))
const onMain = e => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && typeof e.dur === 'number'
const tasks = events.filter(e => onMain(e) && e.name === 'RunTask' && e.dur > 50_000)
const inside = events.filter(e => onMain(e) && e.name !== 'RunTask').sort((a, b) => a.ts - b.ts)

const what = e => {
  const d = e.args?.data ?? {}
  if (e.name === 'FunctionCall')
    return `call ${d.functionName || '(anonymous)'} ${String(d.url ?? '')
      .split('/')
      .pop()}:${(d.lineNumber ?? 0) + 1}`
  if (e.name === 'EventDispatch') return `event ${d.type}`
  if (e.name === 'TimerFire') return 'timer'
  return e.name
}
const interesting = new Set([
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'MajorGC',
  'MinorGC',
  'V8.GC_MC_BACKGROUND',
  'Layout',
  'UpdateLayoutTree',
  'Paint',
  'ParseHTML',
  'RunMicrotasks',
  'v8.evaluateModule',
  'V8.DeserializeContext'
])

// The CPU samples of the trace (task-trace.ts records them): what ran in a task that resumed an await shows as its
// callback alone ('call t.port1.onmessage 0'); the functions sampled most in it say what it was.
const samples = []
forEachSample(
  events,
  ({ at, thread, frame }) => samples.push({ at, thread, name: frameName(frame) }),
  thread => mainThreads.has(thread)
)
const sampledIn = task => {
  const counts = new Map()
  for (const { at, thread, name } of samples)
    if (thread === `${task.pid}:${task.tid}` && at >= task.ts && at <= task.ts + task.dur) counts.set(name, (counts.get(name) ?? 0) + 1)
  const top = [...counts]
    .filter(([name]) => !name.startsWith('('))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
  return top.length ? `\n          sampled: ${top.map(([name, n]) => `${name} ×${n}`).join(', ')}` : ''
}

const cpuMs = task => (task.tdur ?? task.dur) / 1000
const onCpu = tasks.map(cpuMs).sort((a, b) => b - a)
console.log(`${file}: ${tasks.length} tasks over 50 ms on the renderers' main threads, ${tasks.filter(t => t.dur > 100_000).length} over 100 ms`)
console.log(`  of them on a CPU over 50 ms: ${onCpu.filter(ms => ms > 50).length}; the most on a CPU: ${(onCpu[0] ?? 0).toFixed(0)} ms`)
const sums = new Map()
for (const task of tasks.sort(order === 'cpu' ? (a, b) => cpuMs(b) - cpuMs(a) : (a, b) => b.dur - a.dur)) {
  const parts = new Map()
  for (const e of inside) {
    if (e.pid !== task.pid || e.tid !== task.tid || e.ts < task.ts || e.ts > task.ts + task.dur || !interesting.has(e.name)) continue
    parts.set(what(e), (parts.get(what(e)) ?? 0) + e.dur / 1000)
  }
  const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 4)
  for (const [name] of top.slice(0, 1)) sums.set(name, (sums.get(name) ?? 0) + 1)
  if (sums.size && Number(shown) > 0 && tasks.indexOf(task) < Number(shown))
    console.log(
      `${(task.dur / 1000).toFixed(0).padStart(6)} ms (cpu ${cpuMs(task).toFixed(0)}): ${top.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')}${sampledIn(task)}`
    )
}
console.log('\nlong tasks by what took most of them:')
for (const [name, n] of [...sums].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${name}`)
