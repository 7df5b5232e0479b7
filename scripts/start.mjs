// `npm start`: the desktop app when an Electron binary is present, otherwise
// the web edition (and it says why).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The path of a usable Electron binary, or the reason there is none. */
function findElectron() {
  let packageDir
  try {
    packageDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { reason: 'the electron package is not installed' }
  }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return { reason: 'its binary was never downloaded (this machine cannot reach Electron’s download server)' }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { binary } : { reason: `its binary is missing (${binary})` }
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', env: process.env })
  child.on('exit', code => process.exit(code ?? 0))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const electron = findElectron()
if (electron.binary) {
  run(electron.binary, ['.'])
} else {
  console.log(`Electron cannot start here: ${electron.reason}. Starting the web edition instead.`)
  run(process.execPath, ['out/main/web.js'])
}
