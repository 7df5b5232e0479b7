import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  // the path aliases of tsconfig.base.json
  resolve: { alias: { '@shared': `${import.meta.dirname}/src/shared`, '@renderer': `${import.meta.dirname}/src/renderer/src` } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'tests/**/*.test.ts'],
    // the bad-input benchmark only has a full size (minutes); it runs in npm run bench, not here
    exclude: [...configDefaults.exclude, 'bench/bad-input.bench.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    testTimeout: 20_000
  }
})
