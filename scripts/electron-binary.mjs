// Where this machine's Electron binary is, or why there is none: `npm start`
// and `npm run dev` both ask before choosing the desktop app or the web edition.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** `{ binary }` when Electron can start, otherwise `{ reason }` in words. */
export function findElectron() {
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
