import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary, type NeurorefDb } from '../../library/schema'
import { listStyles } from '@shared/export/styles'
import {
  addCustomStyle,
  loadCustomStyles,
  readChosenStyle,
  readShortlists,
  toggleFavouriteStyle,
  writeChosenStyle,
  writeCitationLocale
} from './style-settings'

const ieee = readFileSync('resources/csl/ieee.csl', 'utf8')
const myStyle = ieee
  .replace(/<title>[^<]*<\/title>/, '<title>Lab Report Style</title>')
  .replace(/<id>[^<]*<\/id>/, '<id>http://example.org/styles/lab-report</id>')

let db: NeurorefDb
beforeEach(async () => {
  db = openLibrary(`styles-${Math.random()}`)
  await db.open()
})
afterEach(() => db.delete())

describe('style settings', () => {
  it('keeps an added .csl file and lists it again after a restart', async () => {
    const style = await addCustomStyle(db, myStyle)
    expect(style.label).toBe('Lab Report Style')
    await addCustomStyle(db, myStyle)
    const saved = (await db.settings.get('customStyles'))?.value as { id: string; xml: string }[]
    expect(saved).toEqual([{ id: style.id, xml: myStyle }])
    expect(await loadCustomStyles(db)).toEqual([style])
    expect(listStyles().map(s => s.label)).toContain('Lab Report Style')
  })

  it('refuses a file that is not a style and saves nothing', async () => {
    await expect(addCustomStyle(db, '<html><body>not a style</body></html>')).rejects.toThrow('not a CSL citation style')
    expect(await db.settings.get('customStyles')).toBeUndefined()
  })

  it('remembers the chosen style, falling back to APA for one that is gone', async () => {
    expect(await readChosenStyle(db)).toBe('apa')
    await writeChosenStyle(db, 'vancouver-nlm')
    expect(await readChosenStyle(db)).toBe('vancouver-nlm')
    await writeChosenStyle(db, 'custom-deleted-123')
    expect(await readChosenStyle(db)).toBe('apa')
    // a journal's style from the repository is fetched when the chooser opens
    await writeChosenStyle(db, 'psychoneuroendocrinology')
    expect(await readChosenStyle(db)).toBe('psychoneuroendocrinology')
  })

  it('keeps the recently used styles, the latest first, and the favourites in the order starred', async () => {
    for (const id of ['apa', 'nature', 'psychoneuroendocrinology', 'nature']) await writeChosenStyle(db, id)
    await toggleFavouriteStyle(db, 'ieee')
    await toggleFavouriteStyle(db, 'cell')
    await toggleFavouriteStyle(db, 'ieee')
    await writeCitationLocale(db, 'de-DE')
    expect(await readShortlists(db)).toEqual({ favourites: ['cell'], recent: ['nature', 'psychoneuroendocrinology', 'apa'], locale: 'de-DE' })
  })
})
