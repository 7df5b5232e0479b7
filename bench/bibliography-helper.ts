// Starts the app's bibliography helper on a Node worker thread (another core)
// for the benchmark: bundled by Vite first (the styles are imported as text),
// then joined to the maker through a MessagePort, as the app's two workers are.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { MessageChannel, Worker } from 'node:worker_threads'
import { build } from 'vite'
import type { PieceHelper } from '@shared/export/bibliography-maker'
import { helperThrough } from '@renderer/features/export/piece-helper'

export async function helperThread(): Promise<{ helper: PieceHelper; stop: () => Promise<void> }> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'neuroref-helper-'))
  const root = path.resolve(import.meta.dirname, '..')
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    resolve: { alias: { '@shared': `${root}/src/shared`, '@renderer': `${root}/src/renderer/src` } },
    ssr: { noExternal: true },
    build: { ssr: path.join(root, 'bench/bibliography-helper.worker.ts'), outDir, emptyOutDir: true, minify: false }
  })
  const { port1, port2 } = new MessageChannel()
  const worker = new Worker(path.join(outDir, 'bibliography-helper.worker.mjs'), { workerData: { port: port2 }, transferList: [port2] })
  worker.unref()
  return {
    helper: helperThrough(port1 as unknown as MessagePort).helper,
    stop: async () => {
      port1.close()
      await worker.terminate()
      rmSync(outDir, { recursive: true, force: true })
    }
  }
}
