// Sums a Chromium .cpuprofile (bench/cpu-profile.ts): self and total time per function, the busiest first,
// and the longest stretches of busy samples (no idle sample between them): the window's long tasks.
// Usage: node bench/profile-summary.mjs FILE.cpuprofile [how many rows]
import { readFileSync } from 'node:fs'

const [file, rows = '40'] = process.argv.slice(2)
const profile = JSON.parse(readFileSync(file, 'utf8'))
const nodes = new Map(profile.nodes.map(node => [node.id, node]))
const parent = new Map()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
const label = node => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`
const idle = new Set(['(idle)', '(program)', '(garbage collector)'])

const self = new Map()
const total = new Map()
const stretches = []
let stretch
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
  const node = nodes.get(id)
  self.set(label(node), (self.get(label(node)) ?? 0) + ms)
  const seen = new Set()
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const name = label(nodes.get(at))
    if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + ms)
    seen.add(name)
  }
  if (node.callFrame.functionName === '(idle)') stretch = undefined
  else {
    if (!stretch) stretches.push((stretch = { ms: 0, self: new Map() }))
    stretch.ms += ms
    if (!idle.has(node.callFrame.functionName)) stretch.self.set(label(node), (stretch.self.get(label(node)) ?? 0) + ms)
  }
})
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
const all = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000
console.log(`${file}: ${(all / 1000).toFixed(1)} s sampled`)
console.log('\nself ms')
for (const [name, ms] of top(self, Number(rows))) console.log(`${ms.toFixed(0).padStart(8)}  ${name}`)
console.log('\ntotal ms')
for (const [name, ms] of top(total, Number(rows))) console.log(`${ms.toFixed(0).padStart(8)}  ${name}`)
const long = stretches.filter(s => s.ms > 50).sort((a, b) => b.ms - a.ms)
console.log(`\n${long.length} busy stretches over 50 ms, ${long.filter(s => s.ms > 100).length} over 100 ms; the longest:`)
for (const s of long.slice(0, 8))
  console.log(
    `${s.ms.toFixed(0).padStart(6)} ms: ${top(s.self, 4)
      .map(([n, ms]) => `${n} ${ms.toFixed(0)}`)
      .join(', ')}`
  )
