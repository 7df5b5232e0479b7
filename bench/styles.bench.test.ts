// Style search over the whole CSL repository (10,857 styles), in Node: the
// build of the catalogue and pack, the first question (reading the catalogue),
// every keystroke of what researchers type, and reading one style. Figures go
// to bench/results/styles.json and, by hand, bench/RESULTS-styles.md.
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from 'vitest'
import { writeStylePack } from '../src/main/services/styles/build-pack'
import { StyleRepository } from '../src/main/services/styles/style-repository'

const ARCHIVE = resolve(import.meta.dirname, '../resources/csl/csl-styles-and-locales.tar.gz')

/** Typed one key at a time, as the chooser asks on every key. */
const TYPED = ['psychoneuroendocrinology', '1873-3360', 'neuroscience', 'hormones and behavior', 'journal of neuro', 'vancouver', 'apa', 'zeitschrift für']

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const p95 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]
const round = (ms: number): number => Math.round(ms * 100) / 100

test('style search over every style of the CSL repository', () => {
  const dir = mkdtempSync(join(tmpdir(), 'neuroref-styles-'))
  try {
    let start = performance.now()
    writeStylePack(ARCHIVE, dir)
    const buildMs = performance.now() - start

    const styles = new StyleRepository(dir)
    start = performance.now()
    expect(styles.search('psychoneuro', 50).styles[0].id).toBe('psychoneuroendocrinology')
    const firstQuestionMs = performance.now() - start

    const keystrokes: number[] = []
    for (let round = 0; round < 5; round++) {
      for (const query of TYPED) {
        for (let n = 1; n <= query.length; n++) {
          const began = performance.now()
          styles.search(query.slice(0, n), 50)
          keystrokes.push(performance.now() - began)
        }
      }
    }

    const reads: number[] = []
    for (const id of ['psychoneuroendocrinology', 'apa', 'chicago-author-date', 'hormones-and-behavior', 'biological-psychiatry']) {
      const began = performance.now()
      expect(styles.files(id).xml).toContain('<style')
      reads.push(performance.now() - began)
    }

    const figures = {
      date: new Date().toISOString(),
      cpus: cpus().length,
      load: loadavg().map(round),
      buildMs: round(buildMs),
      catalogueBytes: statSync(join(dir, 'catalogue.json')).size,
      packBytes: statSync(join(dir, 'styles.pack')).size,
      firstQuestionMs: round(firstQuestionMs),
      keystrokes: keystrokes.length,
      keystrokeMedianMs: round(median(keystrokes)),
      keystrokeP95Ms: round(p95(keystrokes)),
      keystrokeMaxMs: round(Math.max(...keystrokes)),
      readStyleMedianMs: round(median(reads)),
      readStyleMaxMs: round(Math.max(...reads))
    }
    console.log(figures)
    mkdirSync('bench/results', { recursive: true })
    writeFileSync('bench/results/styles.json', `${JSON.stringify(figures, null, 2)}\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000) // every style of the CSL repository: 3.1 s at load 2, 24.5 s at load 10-13, past the 20 s default
