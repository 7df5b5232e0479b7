// Builds the PDF text worker (text-worker.ts) for tests, as electron-vite
// builds it for the app (out/main/pdf-text-worker.js). The output goes under
// node_modules/.cache so the worker finds pdfjs-dist the way the app does.
import { mkdirSync, mkdtempSync } from 'node:fs'
import path from 'node:path'
import { build } from 'vite'

const ROOT = path.resolve(import.meta.dirname, '../../../..')

export async function buildTextWorker(): Promise<string> {
  const cache = path.join(ROOT, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const outDir = mkdtempSync(path.join(cache, 'neuroref-pdf-worker-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    // the @shared alias of tsconfig.base.json, as electron-vite resolves it
    resolve: { alias: { '@shared': path.join(ROOT, 'src/shared') } },
    build: {
      ssr: path.join(import.meta.dirname, 'text-worker.ts'),
      outDir,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'pdf-text-worker.js' } }
    }
  })
  return path.join(outDir, 'pdf-text-worker.js')
}
