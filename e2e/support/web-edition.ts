// Starts the built web edition (out/main/web.js) as a real process, the way
// a researcher does with `npm run web`, and reads the address it prints.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from '@playwright/test'

export interface RunningWebEdition {
  url: string
  origin: string
  port: number
  token: string
  /** the host process, whose CPU time a benchmark may read */
  pid: number | undefined
  output: () => string
  stop(): Promise<void>
}

const ROOT = path.resolve(__dirname, '..', '..')
const LINE = /Neuroref web edition: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+))/

/**
 * Unless the caller names one, the data folder is the running test's own (every start in a test shares it, as a
 * restart does), never the researcher's ~/.local/share/neuroref-web: tests in parallel workers would share
 * PDFs and sync accounts through it, and a test would see what earlier runs left there.
 */
function testDataFolder(): string {
  let folder: string
  try {
    folder = test.info().outputPath('web-edition-data')
  } catch {
    // started outside a test (a worker-scoped fixture, a script)
    return mkdtempSync(path.join(tmpdir(), 'neuroref-web-'))
  }
  mkdirSync(folder, { recursive: true })
  return folder
}

export async function startWebEditionProcess(env: Record<string, string>): Promise<RunningWebEdition> {
  const dataDir = env.NEUROREF_DATA_DIR ?? testDataFolder()
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'out/main/web.js')], {
    cwd: ROOT,
    env: { ...process.env, NEUROREF_PORT: '0', ...env, NEUROREF_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web edition did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const found = LINE.exec(output)
      if (found) {
        clearTimeout(timer)
        resolve(found)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', code => {
      clearTimeout(timer)
      reject(new Error(`web edition exited with ${code}:\n${output}`))
    })
  })
  child.removeAllListeners('exit')
  const port = Number(match[2])
  return {
    url: match[1],
    origin: `http://127.0.0.1:${port}`,
    port,
    token: match[3],
    pid: child.pid,
    output: () => output,
    stop: () =>
      new Promise(resolve => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

/** A loopback port nothing listens on: what "offline" looks like to the app. */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net')
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise(resolve => server.close(resolve))
  return port
}
