// Every style of the CSL repository, as the build packed them (build-pack.ts):
// the catalogue is read on the first question (not at start), a style's XML
// only when it is used.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { ServiceError } from '@shared/result'
import type { StyleEntry, StyleFiles, StyleLocale, StyleSearchResult } from '@shared/styles/catalogue'
import { StyleIndex } from '@shared/styles/search'
import { CATALOGUE_FILE, LOCALES_FILE, PACK_FILE, type PackCatalogue, type PackedStyle, type PackSlot } from './pack-format'

interface Loaded {
  index: StyleIndex
  byId: Map<string, PackedStyle>
  renamed: Record<string, string>
}

/** The entry without where it lies in the pack. */
function entryOf({ at: _at, ...entry }: PackedStyle): StyleEntry {
  return entry
}

/** What the chooser shows of a dependent style: the journal and whose rules it follows. */
function withParentTitles(styles: PackedStyle[]): PackedStyle[] {
  const titles = new Map(styles.map(style => [style.id, style.title]))
  return styles.map(style => (style.parent && titles.has(style.parent) ? { ...style, parentTitle: titles.get(style.parent) } : style))
}

export class StyleRepository {
  private loaded?: Loaded
  private shippedLocales?: PackCatalogue['locales']

  constructor(private readonly dir: string) {}

  /** One of the pack's JSON files; without it, the repository is missing. */
  private readJson<T>(file: string): T {
    try {
      return JSON.parse(readFileSync(join(this.dir, file), 'utf8')) as T
    } catch {
      throw new ServiceError('NOT_FOUND', 'The journal styles are missing from this installation; the 12 bundled styles and your own still work.')
    }
  }

  private load(): Loaded {
    if (this.loaded) return this.loaded
    const catalogue = this.readJson<PackCatalogue>(CATALOGUE_FILE)
    const styles = withParentTitles(catalogue.styles)
    const byId = new Map(styles.map(style => [style.id, style]))
    this.loaded = { index: new StyleIndex(styles.map(entryOf)), byId, renamed: catalogue.renamed }
    return this.loaded
  }

  /** A style by its id, or by the id it had before the CSL project renamed it. */
  private find(id: string): PackedStyle | undefined {
    const { byId, renamed } = this.load()
    return byId.get(id) ?? byId.get(renamed[id] ?? '')
  }

  search(query: string, limit: number): StyleSearchResult {
    return this.load().index.search(query, limit)
  }

  /** The named styles (favourites, recently used) in the order asked; unknown ids are left out. */
  describe(ids: string[]): StyleEntry[] {
    return ids.flatMap(id => {
      const style = this.find(id)
      return style ? [entryOf(style)] : []
    })
  }

  /** The languages, read from their own small file: listing them does not read the catalogue. */
  private localeSlots(): PackCatalogue['locales'] {
    this.shippedLocales ??= this.readJson<PackCatalogue['locales']>(LOCALES_FILE)
    return this.shippedLocales
  }

  locales(): StyleLocale[] {
    return this.localeSlots().map(({ lang, name }) => ({ lang, name }))
  }

  locale(lang: string): string {
    const locale = this.localeSlots().find(entry => entry.lang === lang)
    if (!locale) throw new ServiceError('NOT_FOUND', `Citations cannot be formatted in “${lang}”: there is no CSL locale for it.`)
    return this.read(locale.at)
  }

  /** What formatting in a style needs: its XML, its parent's (dependent styles), its language's and `lang`'s locale files. */
  files(id: string, lang?: string): StyleFiles {
    const style = this.find(id)
    if (!style) throw new ServiceError('NOT_FOUND', `There is no citation style “${id}” in the CSL repository.`)
    const parentStyle = style.parent ? this.find(style.parent) : undefined
    if (style.parent && !parentStyle) throw new ServiceError('NOT_FOUND', `“${style.title}” uses the rules of ${style.parent}, which is missing.`)
    const locales: Record<string, string> = {}
    for (const code of new Set([style.locale ?? parentStyle?.locale, lang])) {
      const locale = code && this.localeSlots().find(entry => entry.lang === code)
      if (locale) locales[locale.lang] = this.read(locale.at)
    }
    return {
      style: entryOf(style),
      xml: this.read(style.at),
      parent: parentStyle && { style: entryOf(parentStyle), xml: this.read(parentStyle.at) },
      locales
    }
  }

  private read([offset, length]: PackSlot): string {
    const bytes = Buffer.alloc(length)
    const fd = openSync(join(this.dir, PACK_FILE), 'r')
    try {
      readSync(fd, bytes, 0, length, offset)
    } finally {
      closeSync(fd)
    }
    return inflateRawSync(bytes).toString('utf8')
  }
}
