// `npm start`: the desktop app when an Electron binary is present, otherwise
// the web edition (and it says why).
import { spawn, spawnSync } from 'node:child_process'
import { findElectron } from './electron-binary.mjs'

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
