// `npm run dist`: installers with electron-builder (AppImage and .deb, .dmg,
// NSIS; see electron-builder.json). electron-builder packs a copy of
// Electron's release archive for each target, which it downloads unless one
// is already here. Whether the download server is reachable cannot be known
// without calling it, and this project's build machines reach only the npm
// registry: so when no Electron is here, this says so in one sentence and
// exits with status 1 before building anything (no installer was made, and a
// script that runs `npm run dist` must not think otherwise), unless
// NEUROREF_DIST_DOWNLOAD=1 says the machine may download.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const require = createRequire(import.meta.url)
const root = resolve(dirname(new URL(import.meta.url).pathname), '../..')

function electronPackageDir() {
  if (process.env.NEUROREF_ELECTRON_DIR) return process.env.NEUROREF_ELECTRON_DIR
  try {
    return dirname(require.resolve('electron/package.json', { paths: [root] }))
  } catch {
    return null
  }
}

/** Where electron-builder's downloader keeps Electron archives (ELECTRON_CACHE, else the per-user cache). */
function electronCacheDir() {
  if (process.env.ELECTRON_CACHE) return process.env.ELECTRON_CACHE
  const home = process.env.HOME || homedir()
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'electron')
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'electron', 'Cache')
  return join(process.env.XDG_CACHE_HOME || join(home, '.cache'), 'electron')
}

function cachedArchives(dir, version, depth = 2) {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (name.startsWith(`electron-v${version}-`) && name.endsWith('.zip')) return [path]
    return depth > 0 && statSync(path).isDirectory() ? cachedArchives(path, version, depth - 1) : []
  })
}

/** Arguments that let electron-builder use an Electron already on this machine, or the reason there is none. */
function electronSource() {
  if (process.env.NEUROREF_ELECTRON_DIST) return { args: [`-c.electronDist=${process.env.NEUROREF_ELECTRON_DIST}`] }
  const packageDir = electronPackageDir()
  if (!packageDir || !existsSync(join(packageDir, 'package.json'))) return { reason: 'the electron package is not installed (run npm ci)' }
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version
  // The binary npm's electron package unpacked: enough for an installer of this machine's own platform.
  if (existsSync(join(packageDir, 'path.txt')) && existsSync(join(packageDir, 'dist'))) return { args: [`-c.electronDist=${join(packageDir, 'dist')}`] }
  if (cachedArchives(electronCacheDir(), version).length > 0 || process.env.NEUROREF_DIST_DOWNLOAD === '1') return { args: [] }
  return {
    reason:
      `electron-builder needs Electron ${version}'s release archive for each installer and it is not on this machine ` +
      `(no binary in ${join(packageDir, 'dist')}, no electron-v${version}-*.zip in ${electronCacheDir()}), so it would have to download it`
  }
}

const source = electronSource()
if (source.reason) {
  console.error(
    `npm run dist: no installer was built: ${source.reason}. On a machine that can reach Electron's download server run NEUROREF_DIST_DOWNLOAD=1 npm run dist; here, npm start runs the web edition.`
  )
  process.exit(1)
}
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1
const built = run('npm', ['run', 'build'])
if (built !== 0) process.exit(built)
process.exit(run(join(root, 'node_modules', '.bin', 'electron-builder'), ['--config', 'electron-builder.json', ...source.args, ...process.argv.slice(2)]))
