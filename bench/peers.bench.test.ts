// Peers, side by side in the same run (issue 13): the same synthetic .bib
// files (10,000 and 100,000 entries with NEUROREF_BENCH=1; 200 otherwise)
// read by Neuroref (readBibliographyFile, in this process) and by the tools
// researchers compare it with: pandoc (`-f bibtex -t csljson`), bibutils
// (`bib2xml`) and JabRef (headless, BibTeX → BibTeXML). A peer that is not
// installed is skipped with a printed reason. Prints wall time, peak memory
// (GNU time's maximum resident set) and each peer's time as a ratio of ours;
// with NEUROREF_BENCH=1 writes bench/results/peers.json. Asserts only that
// every tool that ran gave back every entry.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { exportBibtex } from '@shared/export/bibtex'
import { readBibliographyFile } from '@shared/import'
import { createSyntheticLibrary } from './synthetic-library'

const FULL = process.env.NEUROREF_BENCH === '1'
/** NEUROREF_PEER_SIZES=10000 runs one size only (100,000 takes pandoc minutes and gigabytes). */
const SIZES = process.env.NEUROREF_PEER_SIZES?.split(',').map(Number) ?? (FULL ? [10_000, 100_000] : [200])
/** A peer that takes longer than this is stopped and reported as such. */
const TIMEOUT_MS = 15 * 60_000
/** pandoc holds the whole file in memory many times over (1.6 GB at 10k): its own heap cap keeps a shared machine alive. */
const PANDOC_HEAP = '12g'
const GNU_TIME = '/usr/bin/time'

interface Figure {
  tool: string
  entries: number
  seconds?: number
  peakMb?: number
  ratio?: number
  note?: string
}
const figures: Figure[] = []
const dir = mkdtempSync(path.join(tmpdir(), 'neuroref-peers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}

/** Runs a command under GNU time: wall seconds, peak resident MB, and what it wrote. */
function measure(command: string, args: string[]): { seconds: number; peakMb: number; status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(GNU_TIME, ['-f', 'NEUROREF_TIME %e %M', command, ...args], { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 2 ** 31 - 1 })
  const line = /NEUROREF_TIME ([\d.]+) (\d+)/.exec(run.stderr ?? '')
  return {
    seconds: line ? Number(line[1]) : NaN,
    peakMb: line ? Math.round(Number(line[2]) / 1024) : NaN,
    status: run.status,
    stdout: run.stdout ?? '',
    stderr: (run.stderr ?? '').replace(/NEUROREF_TIME.*\n?/, '')
  }
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0

interface Peer {
  tool: string
  command: string
  why?: string
  /** runs the peer on the file; returns how many entries it gave back */
  run: (bib: string, out: string) => ReturnType<typeof measure> & { entries: number }
}

const PEERS: Peer[] = [
  {
    tool: 'pandoc -f bibtex -t csljson',
    command: 'pandoc',
    run: (bib, out) => {
      const r = measure('pandoc', ['+RTS', `-M${PANDOC_HEAP}`, '-RTS', '-f', 'bibtex', '-t', 'csljson', bib, '-o', out])
      return { ...r, entries: r.status === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length : 0 }
    }
  },
  {
    tool: 'bibutils bib2xml',
    command: 'bib2xml',
    run: (bib, out) => {
      const r = measure('sh', ['-c', `bib2xml "${bib}" > "${out}"`])
      return { ...r, entries: r.status === 0 ? count(readFileSync(out, 'utf8'), /<mods ID=/g) : 0 }
    }
  },
  {
    tool: 'JabRef headless (BibTeX → BibTeXML)',
    command: 'jabref',
    why: FULL ? undefined : 'JabRef starts a Java VM (≈ 10 s); it runs with NEUROREF_BENCH=1',
    run: (bib, out) => {
      const r = measure('jabref', ['-n', '-i', `${bib},bibtex`, '-o', `${out},bibtexml`])
      return { ...r, entries: existsSync(out) ? count(readFileSync(out, 'utf8'), /<entry id=/g) : 0 }
    }
  }
]

for (const size of SIZES) {
  it(
    `reads the same ${size.toLocaleString('en')}-entry .bib as pandoc, bibutils and JabRef`,
    () => {
      const bibPath = path.join(dir, `library-${size}.bib`)
      {
        const { items } = createSyntheticLibrary(size, 7)
        writeFileSync(bibPath, exportBibtex(items))
      }
      const bytes = readFileSync(bibPath)
      const start = performance.now()
      const ours = readBibliographyFile(new Uint8Array(bytes), 'library.bib')
      const oursSeconds = (performance.now() - start) / 1000
      expect(ours.records).toHaveLength(size)
      figures.push({
        tool: 'Neuroref readBibliographyFile',
        entries: size,
        seconds: Number(oursSeconds.toFixed(2)),
        note: `${(bytes.length / 1e6).toFixed(1)} MB, in this process`
      })

      for (const peer of PEERS) {
        const missing = !installed(peer.command) && `${peer.command} is not installed`
        const skip = missing || peer.why
        if (skip) {
          console.log(`${peer.tool} at ${size}: skipped (${skip})`)
          figures.push({ tool: peer.tool, entries: size, note: `skipped: ${skip}` })
          continue
        }
        const r = peer.run(bibPath, path.join(dir, `out-${size}-${peer.command}`))
        if (r.status !== 0) {
          const why = r.status === null ? `stopped after ${TIMEOUT_MS / 60_000} min` : `exit ${r.status}: ${r.stderr.trim().split('\n').slice(-1)[0]}`
          console.log(`${peer.tool} at ${size}: did not finish (${why})`)
          figures.push({ tool: peer.tool, entries: size, seconds: r.seconds, peakMb: r.peakMb, note: `did not finish: ${why}` })
          continue
        }
        expect(r.entries, `${peer.tool} gave back every entry`).toBe(size)
        figures.push({ tool: peer.tool, entries: size, seconds: r.seconds, peakMb: r.peakMb, ratio: Number((r.seconds / oursSeconds).toFixed(2)) })
      }
    },
    4 * TIMEOUT_MS
  )
}

afterAll(() => {
  console.log('peers (seconds; ratio = peer time / Neuroref time):')
  console.table(figures)
  if (!FULL) return
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
  const machine = `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}`
  writeFileSync(new URL('./results/peers.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2)}\n`)
})
