// Build time: the CSL repository archive (resources/csl/csl-styles-and-locales.tar.gz)
// becomes a catalogue (what the chooser searches: title, short title, ISSN,
// fields, format, parent) and a pack (every style and locale deflated on its
// own, so one style is read and inflated only when it is used). Run by the
// build (electron.vite.config.ts) and by tests; a few seconds for 10,857 styles.
// Imports here are types only or packages: electron-vite loads this file from its config.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { SaxesParser } from 'saxes'
import { t as listTar } from 'tar'
import type { CitationFormat, StyleEntry } from '@shared/styles/catalogue'
import { CATALOGUE_FILE, LOCALES_FILE, PACK_FILE, PACK_FORMAT, type PackCatalogue, type PackedStyle, type PackSlot } from './pack-format'

const STAMP_FILE = 'source.stamp'

const FORMATS = new Set<CitationFormat>(['numeric', 'author-date', 'author', 'note', 'label'])

/** Only <style …><info>…</info> is read, with a SAX parser: the rules are not needed to list a style (and would take ten times longer). */
function readEntry(id: string, xml: string): StyleEntry {
  const end = xml.indexOf('</info>')
  if (end < 0) throw new Error(`${id}.csl has no <info> section`)
  const found: { title?: string; shortTitle?: string; locale?: string; parent?: string; format?: CitationFormat; issn: string[]; fields: string[] } = {
    issn: [],
    fields: []
  }
  // depth 1 is <style>, 2 is <info>, 3 its children
  let depth = 0
  let text = ''
  const parser = new SaxesParser({ xmlns: false })
  parser.on('opentag', tag => {
    depth++
    text = ''
    const attr = (name: string): string | undefined => tag.attributes[name] || undefined
    if (depth === 1) found.locale = attr('default-locale')
    if (depth !== 3) return
    if (tag.name === 'category') {
      const field = attr('field')
      if (field && !found.fields.includes(field)) found.fields.push(field)
      const cites = attr('citation-format') as CitationFormat | undefined
      if (cites && FORMATS.has(cites)) found.format = cites
    } else if (tag.name === 'link' && attr('rel') === 'independent-parent') {
      found.parent = attr('href')?.replace(/\/+$/, '').split('/').pop()
    }
  })
  parser.on('text', chunk => (text += chunk))
  parser.on('closetag', tag => {
    const value = text.trim()
    if (depth-- !== 3 || !value) return
    if (tag.name === 'title') found.title = value
    else if (tag.name === 'title-short') found.shortTitle = value
    else if (tag.name === 'issn' || tag.name === 'eissn' || tag.name === 'issnl') found.issn.push(value)
  })
  parser.write(`${xml.slice(0, end + '</info>'.length)}</style>`).close()
  if (!found.title) throw new Error(`${id}.csl has no title`)
  const entry: StyleEntry = { id, title: found.title, fields: found.fields }
  if (found.shortTitle) entry.shortTitle = found.shortTitle
  if (found.issn.length) entry.issn = [...new Set(found.issn)]
  if (found.format) entry.format = found.format
  if (found.parent) entry.parent = found.parent
  if (found.locale) entry.locale = found.locale
  return entry
}

/** Online ISSNs a journal's CSL file does not list (issn-additions.json beside the archive says where each is from). */
const ADDITIONS_FILE = 'issn-additions.json'

function addIssns(styles: PackedStyle[], path: string): void {
  if (!existsSync(path)) return
  const { issn } = JSON.parse(readFileSync(path, 'utf8')) as { issn: Record<string, string[]> }
  for (const style of styles) {
    const more = issn[style.id]
    if (more) style.issn = [...new Set([...(style.issn ?? []), ...more])]
  }
}

/** Reads the archive and makes the catalogue and the pack in memory. */
function buildStylePack(archive: string): { catalogue: PackCatalogue; pack: Buffer } {
  const files = new Map<string, Buffer>()
  listTar({
    file: archive,
    sync: true,
    onReadEntry(entry) {
      const chunks: Buffer[] = []
      entry.on('data', (chunk: Buffer) => chunks.push(chunk))
      entry.on('end', () => files.set(entry.path, Buffer.concat(chunks)))
    }
  })
  const parts: Buffer[] = []
  let offset = 0
  function store(bytes: Buffer): PackSlot {
    const packed = deflateRawSync(bytes, { level: 6 })
    parts.push(packed)
    offset += packed.length
    return [offset - packed.length, packed.length]
  }

  const styles: PackedStyle[] = []
  const locales: PackCatalogue['locales'] = []
  let renamed: Record<string, string> = {}
  let languageNames: Record<string, string[]> = {}
  for (const [path, bytes] of files) {
    const style = /^styles\/(?:dependent\/)?([^/]+)\.csl$/.exec(path)
    const locale = /^locales\/locales-([^/]+)\.xml$/.exec(path)
    if (style) styles.push({ ...readEntry(style[1], bytes.toString('utf8')), at: store(bytes) })
    else if (locale) locales.push({ lang: locale[1], name: locale[1], at: store(bytes) })
    else if (path === 'styles/renamed-styles.json') renamed = JSON.parse(bytes.toString('utf8')) as Record<string, string>
    else if (path === 'locales/locales.json')
      languageNames = (JSON.parse(bytes.toString('utf8')) as { 'language-names': Record<string, string[]> })['language-names']
  }
  addIssns(styles, join(dirname(archive), ADDITIONS_FILE))
  for (const locale of locales) locale.name = languageNames[locale.lang]?.[1] ?? locale.lang
  styles.sort((a, b) => a.id.localeCompare(b.id))
  locales.sort((a, b) => a.lang.localeCompare(b.lang))
  return { catalogue: { format: PACK_FORMAT, styles, renamed, locales }, pack: Buffer.concat(parts) }
}

/**
 * Writes catalogue.json and styles.pack into `outDir`, unless they were made
 * from this very archive already (the build runs often; the archive rarely changes).
 */
export function writeStylePack(archive: string, outDir: string): { built: boolean } {
  const { size, mtimeMs } = statSync(archive)
  const additions = join(dirname(archive), ADDITIONS_FILE)
  const stamp = `${PACK_FORMAT} ${size} ${mtimeMs} ${existsSync(additions) ? statSync(additions).mtimeMs : 0}`
  const stampPath = join(outDir, STAMP_FILE)
  const fresh = [CATALOGUE_FILE, LOCALES_FILE, PACK_FILE].every(name => existsSync(join(outDir, name)))
  if (fresh && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return { built: false }
  const { catalogue, pack } = buildStylePack(archive)
  mkdirSync(outDir, { recursive: true })
  writeFileSync(join(outDir, PACK_FILE), pack)
  writeFileSync(join(outDir, CATALOGUE_FILE), JSON.stringify(catalogue))
  writeFileSync(join(outDir, LOCALES_FILE), JSON.stringify(catalogue.locales))
  writeFileSync(stampPath, stamp)
  return { built: true }
}
