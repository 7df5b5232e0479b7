import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../channels'
import { testChannelDeps } from '../../channels/deps.test-support'
import { CATALOGUE_FILE, type PackCatalogue } from './pack-format'
import { StyleRepository } from './style-repository'
import { builtStylePack } from './style-pack.test-support'

let dir: string
let catalogue: PackCatalogue
let styles: StyleRepository

beforeAll(() => {
  dir = builtStylePack()
  catalogue = JSON.parse(readFileSync(join(dir, CATALOGUE_FILE), 'utf8')) as PackCatalogue
  styles = new StyleRepository(dir)
}, 120_000)

const ids = (query: string, limit = 10): string[] => styles.search(query, limit).styles.map(style => style.id)

describe('the CSL repository as the build packs it', () => {
  it('holds every style and locale of the archive', () => {
    expect(catalogue.styles).toHaveLength(10_857)
    expect(catalogue.styles.filter(style => !style.parent)).toHaveLength(2_858)
    expect(catalogue.styles.filter(style => style.parent)).toHaveLength(7_999)
    expect(catalogue.locales).toHaveLength(62)
    expect(styles.locales()).toContainEqual({ lang: 'de-DE', name: 'German (Germany)' })
  })

  it('lists what the chooser shows without reading a style: title, ISSN, format, parent, language', () => {
    expect(styles.describe(['psychoneuroendocrinology', 'apa'])).toEqual([
      {
        id: 'psychoneuroendocrinology',
        title: 'Psychoneuroendocrinology',
        issn: ['0306-4530', '1873-3360'],
        fields: [],
        format: 'author-date',
        parent: 'elsevier-harvard',
        parentTitle: 'Elsevier (author-date/Harvard, with titles)',
        locale: 'en-US'
      },
      expect.objectContaining({ id: 'apa', title: 'APA Style 7th edition', format: 'author-date', fields: expect.arrayContaining(['psychology']) })
    ])
  })

  it('names an existing independent style as the parent of every dependent one', () => {
    const independent = new Set(catalogue.styles.filter(style => !style.parent).map(style => style.id))
    expect(catalogue.styles.filter(style => style.parent && !independent.has(style.parent)).map(style => style.id)).toEqual([])
  })
})

describe('searching styles as the researcher types', () => {
  it('finds a journal by the start of its name', () => {
    expect(ids('psychoneuro')[0]).toBe('psychoneuroendocrinology')
    expect(ids('hormones and behavior')[0]).toBe('hormones-and-behavior')
  })

  it('finds a journal by its print or online ISSN, with or without the dash', () => {
    expect(ids('1873-3360')).toEqual(['psychoneuroendocrinology'])
    expect(ids('0306-4530')).toEqual(['psychoneuroendocrinology'])
    expect(ids('03064530')).toEqual(['psychoneuroendocrinology'])
  })

  it('puts journals named after a word first, among every style that mentions it', () => {
    const found = styles.search('neuroscience', 500)
    expect(found.total).toBeGreaterThan(20)
    expect(found.styles[0].title).toBe('Neuroscience')
    expect(found.styles.slice(0, 20).every(style => /neuroscience/i.test(style.title))).toBe(true)
    expect(found.styles.map(style => style.id)).toEqual(expect.arrayContaining(['the-journal-of-neuroscience', 'nature-neuroscience']))
  })

  it('finds styles by field and by short title', () => {
    const psychology = styles.search('psychology', 500)
    expect(psychology.styles.some(style => style.fields.includes('psychology') && !/psycholog/i.test(style.title))).toBe(true)
    expect(ids('apa')[0]).toBe('apa')
  })

  it('ignores accents and case, and finds nothing for nonsense', () => {
    expect(ids('ZEITSCHRIFT FÜR TECHNIKFOLGENABSCHÄTZUNG')).toContain('tatup-zeitschrift-fur-technikfolgenabschatzung-in-theorie-und-praxis')
    expect(styles.search('qqqxyzzy', 10)).toEqual({ total: 0, styles: [] })
  })
})

describe('reading one style when it is used', () => {
  it('gives a dependent style with the rules of its parent and its language file', () => {
    const files = styles.files('psychoneuroendocrinology')
    expect(files.style.title).toBe('Psychoneuroendocrinology')
    expect(files.xml).toContain('rel="independent-parent"')
    expect(files.parent?.style.title).toBe('Elsevier (author-date/Harvard, with titles)')
    expect(files.parent?.xml).toContain('<citation')
    expect(Object.keys(files.locales)).toEqual(['en-US'])
  })

  it('adds the locale file asked for', () => {
    expect(Object.keys(styles.files('nature', 'de-DE').locales)).toEqual(['en-GB', 'de-DE'])
    // APA names no language: the app formats it in the system's or en-US
    expect(Object.keys(styles.files('apa').locales)).toEqual([])
  })

  it('still finds a style under the name it had before the CSL project renamed it', () => {
    const [old, now] = Object.entries(catalogue.renamed).find(([, to]) => to === 'american-anthropological-association') ?? []
    expect(old).toBe('aaa')
    expect(styles.files(old ?? '').style.id).toBe(now)
    expect(styles.describe(['aaa']).map(style => style.id)).toEqual(['american-anthropological-association'])
  })

  it('says so when a style does not exist', () => {
    expect(() => styles.files('no-such-style')).toThrow('There is no citation style “no-such-style” in the CSL repository.')
  })

  it('says so when the pack is missing, instead of failing at start', () => {
    expect(() => new StyleRepository(join(dir, 'nowhere')).search('apa', 5)).toThrow('The journal styles are missing from this installation')
  })
})

describe('styles.* channels', () => {
  it('search, describe, get and list locales through the contract', async () => {
    const handlers = createHandlers(testChannelDeps({}, {}, { styles }))
    expect((await handlers['styles.search']({ query: 'psychoneuro', limit: 3 })).styles[0].id).toBe('psychoneuroendocrinology')
    expect((await handlers['styles.search']({ ids: ['nature'] })).styles.map(style => style.title)).toEqual(['Nature'])
    expect((await handlers['styles.get']({ id: 'nature' })).xml).toContain('<title>Nature</title>')
    expect(await handlers['styles.locales']()).toHaveLength(62)
    expect((await handlers['styles.locale']({ lang: 'fr-FR' })).xml).toContain('xml:lang="fr-FR"')
    await expect(handlers['styles.locale']({ lang: 'xx-YY' })).rejects.toThrow('Citations cannot be formatted in “xx-YY”: there is no CSL locale for it.')
  })

  it('refuses what is not a style name', async () => {
    const handlers = createHandlers(testChannelDeps({}, {}, { styles }))
    await expect(handlers['styles.get']({ id: '../../etc/passwd' })).rejects.toThrow('is not the name of a citation style')
    await expect(handlers['styles.search']({ ids: 'apa' as unknown as string[] })).rejects.toThrow('At most 200 styles')
  })
})
