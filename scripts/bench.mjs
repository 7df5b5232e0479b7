// `npm run bench`: every benchmark, on this machine, printing its figures and
// writing them to bench/results/*.json. Timed assertions never live in tests;
// the figures go into bench/RESULTS.md by hand, with machine and date.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'

mkdirSync('bench/results', { recursive: true })
const env = { ...process.env, NEUROREF_BENCH: '1' }
const steps = [
  ['build', 'npx', ['electron-vite', 'build']],
  ['node benchmarks (search, facets, import, bibliographies, PDF text, peptides, manuscripts)', 'npx', ['vitest', 'run', '--config', 'bench/vitest.bench.mts']],
  ['library at scale in Chromium', 'npx', ['playwright', 'test', '--config', 'bench/playwright.bench.config.ts']]
]
let failed = 0
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`)
  const run = spawnSync(command, args, { stdio: 'inherit', env })
  if (run.status !== 0) {
    failed += 1
    console.error(`${name}: failed (exit ${run.status})`)
  }
}
console.log(`\nFigures are in bench/results/. ${failed ? `${failed} step(s) failed.` : 'All steps ran.'}`)
process.exit(failed ? 1 : 0)
