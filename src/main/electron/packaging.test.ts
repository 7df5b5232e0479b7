// The packaging configuration itself (installers cannot be built here: that
// needs Electron's release archives): the icon set, electron-builder's config
// checked against electron-builder's own schema, the afterPack hook wired and
// flipping exactly the fuses it should in a binary laid out as Electron's, and
// `npm run dist` stopping with a sentence where no Electron is at hand.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const require = createRequire(join(ROOT, 'package.json'))
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8'))
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const scratch = mkdtempSync(join(tmpdir(), 'neuroref-packaging-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe('the icon set', () => {
  it('has a 1024 px resources/icon.png and a PNG of every size Linux wants', () => {
    expect(pngSize(join(ROOT, 'resources/icon.png'))).toEqual([1024, 1024])
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(pngSize(join(ROOT, `resources/icon/${size}x${size}.png`))).toEqual([size, size])
  })

  it('has a Windows .ico from 16 to 256 px', () => {
    const ico = readFileSync(join(ROOT, 'resources/icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256)
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256])
  })

  it('has a macOS .icns up to 1024 px (ic10)', () => {
    const icns = readFileSync(join(ROOT, 'resources/icon.icns'))
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const types: string[] = []
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('latin1'))
    expect(types).toEqual(expect.arrayContaining(['is32', 'il32', 'it32', 'ic08', 'ic09', 'ic10']))
  })
})

describe('electron-builder.json', () => {
  it('passes electron-builder’s own schema check', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config')
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined()
    // and that check does refuse a broken file association
    await expect(validateConfiguration({ ...config, fileAssociations: [{ ext: 'bib', open: 'import' }] }, { isEnabled: false, add: () => {} })).rejects.toThrow(
      /configuration/
    )
  })

  it('names the app, its installers, icons, file types and link scheme', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/)
    expect(config.productName).toBe('Neuroref')
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
    expect(pngSize(join(ROOT, config.linux.icon, '512x512.png'))).toEqual([512, 512])
    expect(readFileSync(join(ROOT, config.mac.icon)).subarray(0, 4).toString('latin1')).toBe('icns')
    expect(readFileSync(join(ROOT, config.win.icon)).readUInt16LE(2)).toBe(1)
    expect(config.fileAssociations.map((a: { ext: string }) => a.ext)).toEqual(['bib', 'ris', 'nbib'])
    for (const association of config.fileAssociations) expect(association.name).toMatch(/\w/)
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['neuroref'] })])
    expect(config.files).toContain('out/**/*')
    expect(packageJson.scripts.dist).toBe('node scripts/packaging/dist.mjs')
  })
})

interface FuseHook {
  FUSES: Record<string, unknown>
  afterPack: (context: unknown) => Promise<void>
  electronBinaryOf: (context: unknown) => string
}

describe('the fuses step', async () => {
  const hookPath = resolve(ROOT, config.afterPack)
  const hook = (await import(pathToFileURL(hookPath).href)) as FuseHook
  const fuses = (await import('@electron/fuses')) as typeof import('@electron/fuses')
  const { FuseV1Options, getCurrentFuseWire } = fuses
  const byName = (settings: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(settings).map(([key, value]) => [key === 'version' ? key : FuseV1Options[Number(key)], value]))

  it('is electron-builder’s afterPack hook', () => {
    expect(config.afterPack).toBe('./scripts/packaging/after-pack.mjs')
    expect(typeof hook.afterPack).toBe('function')
  })

  it('sets exactly these fuses', () => {
    expect(byName(hook.FUSES)).toEqual({
      version: '1',
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      GrantFileProtocolExtraPrivileges: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true
    })
  })

  it('flips them in a binary laid out as Electron’s, leaving the other fuses as they were', async () => {
    // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off,
    // only-asar off, browser V8 snapshot off, file:// privileges on, wasm trap handlers on.
    const wire = '101100011'
    const appOutDir = join(scratch, 'linux-unpacked')
    mkdirSync(appOutDir)
    const binary = join(appOutDir, 'neuroref')
    writeFileSync(
      binary,
      Buffer.concat([
        Buffer.from('\x7fELF pretend code '),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
        Buffer.from([1, 9]),
        Buffer.from(wire),
        Buffer.from(' more code')
      ])
    )
    const context = { appOutDir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Neuroref' }, executableName: 'neuroref' } }
    expect(hook.electronBinaryOf(context)).toBe(binary)
    await hook.afterPack(context)
    const after = await getCurrentFuseWire(binary)
    const on = (index: number) => String.fromCharCode(after[index as keyof typeof after] as number)
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(on).join('')).toBe('000011001')
  })

  it('finds the binary that holds the fuses on each platform', () => {
    const packager = { appInfo: { productFilename: 'Neuroref' } }
    expect(hook.electronBinaryOf({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(join('/o', 'Neuroref.exe'))
    expect(hook.electronBinaryOf({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(join('/o', 'Neuroref.app'))
  })
})

describe('npm run dist', () => {
  it('stops before building, with a sentence and status 1, where no Electron is at hand', () => {
    const electronDir = join(scratch, 'electron')
    mkdirSync(electronDir)
    writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ version: '45.5.0' }))
    const env = { ...process.env, NEUROREF_ELECTRON_DIR: electronDir, ELECTRON_CACHE: join(scratch, 'empty-cache'), NEUROREF_DIST_DOWNLOAD: '' }
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/packaging/dist.mjs')], { env, encoding: 'utf8', timeout: 30_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^npm run dist: no installer was built: electron-builder needs Electron 45\.5\.0's release archive/)
    expect(run.stderr).toContain('NEUROREF_DIST_DOWNLOAD=1 npm run dist')
    expect(run.stdout).not.toContain('electron-vite')
  })
})

describe('Node versions', () => {
  it('are stated in package.json, .nvmrc and the README, and the Node running this test is one of them', () => {
    // the intersection of what vite/electron-vite (^20.19 || >=22.12), ESLint (^20.19 || ^22.13 || >=24) and pdf.js declare
    expect(packageJson.engines).toEqual({ node: '^20.19.0 || ^22.13.0 || >=24.0.0' })
    // .nvmrc names the line that runs everything, the desktop tooling included (Electron's downloader and @electron/fuses: >= 22.12)
    expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toBe('22')
    const [major, minor] = process.versions.node.split('.').map(Number)
    expect((major === 20 && minor >= 19) || (major === 22 && minor >= 13) || major >= 24).toBe(true)
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toMatch(/desktop app[^\n]*Node 22\.13/i)
    expect(readme).toMatch(/web edition and the tests[^\n]*Node 20\.19/i)
  })
})
