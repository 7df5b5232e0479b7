// `npm run dev`: the developer loop.
//
// With an Electron binary: `electron-vite dev --watch`. The renderer comes from
// Vite's dev server with hot module replacement (main loads the address
// electron-vite gives in ELECTRON_RENDERER_URL); a change to main or preload
// rebuilds them and restarts the app.
//
// Without one (Electron cannot be downloaded here): the web edition, rebuilt
// after every saved change under src/ or resources/ and restarted on the same
// port with the same token, so the open tab keeps working. Reload the tab to
// see a change: there is no hot module replacement in this mode. A build that
// fails is reported and the last good one keeps running.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { watch } from 'node:fs'
import { findElectron } from './electron-binary.mjs'

const electron = findElectron()
if (electron.binary) {
  const dev = spawn('npx', ['electron-vite', 'dev', '--watch'], { stdio: 'inherit' })
  dev.on('exit', code => process.exit(code ?? 0))
} else {
  console.log(`Electron cannot start here: ${electron.reason}. Developing with the web edition: rebuilt on every change, reload the tab to see it.`)
  webEditionLoop()
}

function webEditionLoop() {
  const env = { ...process.env, NEUROREF_WEB_TOKEN: process.env.NEUROREF_WEB_TOKEN ?? randomBytes(24).toString('hex') }
  let host = null
  let building = false
  let again = false
  let timer = null

  const build = () =>
    new Promise(done => {
      const started = Date.now()
      const child = spawn('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
      child.on('exit', code => done({ ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }))
    })

  const stopHost = () =>
    new Promise(done => {
      if (!host || host.exitCode !== null) return done()
      host.once('exit', () => done())
      host.kill('SIGTERM')
    })

  async function rebuild() {
    if (building) return void (again = true)
    building = true
    const result = await build()
    if (result.ok) {
      await stopHost()
      host = spawn(process.execPath, ['out/main/web.js'], { stdio: 'inherit', env })
      console.log(`[dev] built in ${result.seconds} s; the web edition is running the new build (reload the tab).`)
    } else {
      console.log(`[dev] the build failed (above); ${host ? 'the last good build keeps running' : 'fix it and save again'}.`)
    }
    building = false
    if (again) {
      again = false
      void rebuild()
    }
  }

  for (const folder of ['src', 'resources']) {
    watch(folder, { recursive: true }, (_event, file) => {
      if (!file || /(^|\/)(\.|node_modules)|\.test\.tsx?$|\.test-support\.ts$|\.md$/.test(file)) return
      clearTimeout(timer)
      timer = setTimeout(() => void rebuild(), 300)
    })
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stopHost().then(() => process.exit(0)))
  void rebuild()
}
