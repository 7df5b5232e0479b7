// How long reading a large .bib takes (the parse step of Import file, which
// runs in the reader worker): readBibliographyFile on the scale benchmark's
// file of NEUROREF_BENCH_IMPORT entries (10,000: 18.9 MB), as wall time and
// as this process's CPU time (steadier on a shared machine). Figures only
// (bench/results/import-bibtex.json); with NEUROREF_BENCH=1, 5 runs.
import { cpus, loadavg } from 'node:os'
import { expect, it } from 'vitest'
import { readBibliographyFile } from '@shared/import'
import { saveFigures, stats } from './page-library'
import { syntheticBib } from './synthetic-bib'

const FULL = process.env.NEUROREF_BENCH === '1'
const SIZE = FULL ? Number(process.env.NEUROREF_BENCH_IMPORT ?? 10_000) : 200

it(`reads a .bib of ${SIZE.toLocaleString('en')} entries`, () => {
  const bytes = new TextEncoder().encode(syntheticBib(SIZE))
  readBibliographyFile(new TextEncoder().encode('@article{warm, title = {Warm up}}'), 'warm.bib')
  const wall: number[] = []
  const cpu: number[] = []
  for (let run = 0; run < (FULL ? 5 : 1); run++) {
    const began = performance.now()
    const used = process.cpuUsage()
    const { records, problems } = readBibliographyFile(bytes, 'imported.bib')
    const { user, system } = process.cpuUsage(used)
    wall.push(performance.now() - began)
    cpu.push((user + system) / 1000)
    expect(records).toHaveLength(SIZE)
    expect(problems).toEqual([])
  }
  const figures = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}`,
    loadAverage: loadavg().map(load => Math.round(load * 10) / 10),
    entries: SIZE,
    megabytes: Math.round(bytes.length / 1e5) / 10,
    wallMs: stats(wall),
    cpuMs: stats(cpu)
  }
  console.log('import-bibtex benchmark:', JSON.stringify(figures, null, 2))
  if (FULL) saveFigures('import-bibtex', figures)
})
