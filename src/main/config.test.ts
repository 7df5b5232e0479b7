// The data folder is decided in one place for both editions.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirFor, readConfig } from './config'

describe('dataDirFor', () => {
  it('NEUROREF_DATA_DIR wins, then Electron’s userData', () => {
    expect(dataDirFor({ NEUROREF_DATA_DIR: ' /srv/neuroref ' }, '/home/a/.config/Neuroref')).toBe('/srv/neuroref')
    expect(dataDirFor({ HOME: '/home/a' }, '/home/a/.config/Neuroref')).toBe('/home/a/.config/Neuroref')
    expect(readConfig({ NEUROREF_DATA_DIR: '/srv/x' }).dataDir).toBe('/srv/x')
  })

  it('the web edition keeps a per-user folder of its own on each system', () => {
    expect(dataDirFor({ HOME: '/home/a' }, undefined, 'linux')).toBe(path.join('/home/a', '.local', 'share', 'neuroref-web'))
    expect(dataDirFor({ HOME: '/home/a', XDG_DATA_HOME: '/data/a' }, undefined, 'linux')).toBe(path.join('/data/a', 'neuroref-web'))
    expect(dataDirFor({ HOME: '/Users/a' }, undefined, 'darwin')).toBe(path.join('/Users/a', 'Library', 'Application Support', 'Neuroref Web'))
    expect(dataDirFor({ HOME: 'C:\\Users\\a', APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, undefined, 'win32')).toBe(
      path.join('C:\\Users\\a\\AppData\\Roaming', 'Neuroref Web')
    )
  })
})
