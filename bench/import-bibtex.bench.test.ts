// How long reading a large .bib takes (the parse step of Import file, which
// runs in the reader worker): readBibliographyFile on the scale benchmark's
// file of NEUROREF_BENCH_IMPORT entries (10,000: 18.9 MB; with
// NEUROREF_BENCH_IMPORT_FORMAT=ris or nbib, its .ris or .nbib), as wall time and
// as this process's CPU time (steadier on a shared machine); then what the
// worker does next, making each record an item (index fields and peptide
// tags), and the peptide tagging alone. Figures only
// (bench/results/import-bibtex.json, import-ris.json, import-nbib.json); with NEUROREF_BENCH=1, 5 runs.
import { cpus, loadavg } from 'node:os'
import { beforeAll, expect, it } from 'vitest'
import { readBibliographyFile, type ImportResult } from '@shared/import'
import { peptideMatcher } from '@shared/peptides/default-matcher'
import { toItem } from '@renderer/library/add-paper'
import { saveFigures, stats } from './page-library'
import { importFormat, syntheticFile } from './synthetic-files'
import { loadPeptideTagger } from '@renderer/library/peptide-tagger'

// papers made here are tagged at once: the tagger loads first (peptide-tagger.ts)
beforeAll(loadPeptideTagger)

const FULL = process.env.NEUROREF_BENCH === '1'
const SIZE = FULL ? Number(process.env.NEUROREF_BENCH_IMPORT ?? 10_000) : 200
const FORMAT = importFormat()

it(`reads a .${FORMAT} of ${SIZE.toLocaleString('en')} entries`, () => {
  const bytes = new TextEncoder().encode(syntheticFile(FORMAT, SIZE))
  readBibliographyFile(new TextEncoder().encode(syntheticFile(FORMAT, 1)), `warm.${FORMAT}`)
  const read = timed()
  const prepare = timed()
  const tag = timed()
  let result: ImportResult | undefined
  for (let run = 0; run < (FULL ? 5 : 1); run++) {
    const { records, problems } = (result = read.run(() => readBibliographyFile(bytes, `imported.${FORMAT}`)))
    expect(records).toHaveLength(SIZE)
    expect(problems).toEqual([])
  }
  const records = result!.records
  peptideMatcher()
  for (let run = 0; run < (FULL ? 5 : 1); run++) {
    const now = Date.now()
    expect(prepare.run(() => records.map(record => toItem(record, now)))).toHaveLength(SIZE)
    tag.run(() => records.forEach(record => peptideMatcher().tag(record)))
  }
  const figures = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}`,
    loadAverage: loadavg().map(load => Math.round(load * 10) / 10),
    format: FORMAT,
    entries: SIZE,
    megabytes: Math.round(bytes.length / 1e5) / 10,
    wallMs: stats(read.wall),
    cpuMs: stats(read.cpu),
    prepare: { wallMs: stats(prepare.wall), cpuMs: stats(prepare.cpu) },
    peptideTags: { wallMs: stats(tag.wall), cpuMs: stats(tag.cpu) }
  }
  const name = FORMAT === 'bib' ? 'import-bibtex' : `import-${FORMAT}`
  console.log(`${name} benchmark:`, JSON.stringify(figures, null, 2))
  if (FULL) saveFigures(name, figures)
})

/** Runs of one step: wall time and this process's CPU time (user + system) of each. */
function timed() {
  const wall: number[] = []
  const cpu: number[] = []
  return {
    wall,
    cpu,
    run<T>(step: () => T): T {
      const began = performance.now()
      const used = process.cpuUsage()
      const result = step()
      const { user, system } = process.cpuUsage(used)
      wall.push(performance.now() - began)
      cpu.push((user + system) / 1000)
      return result
    }
  }
}
