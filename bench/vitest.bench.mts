import { defineConfig } from 'vitest/config'

// Benchmarks run as vitest files named *.bench.test.ts under bench/ and
// src/, with NEUROREF_BENCH=1 (full sizes). They print and save figures;
// they assert correctness only, never time.
export default defineConfig({
  // the path aliases of tsconfig.base.json
  resolve: { alias: { '@shared': `${import.meta.dirname}/../src/shared`, '@renderer': `${import.meta.dirname}/../src/renderer/src` } },
  test: {
    root: import.meta.dirname + '/..',
    include: ['bench/**/*.bench.test.ts', 'bench/search.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 600_000,
    fileParallelism: false
  }
})
