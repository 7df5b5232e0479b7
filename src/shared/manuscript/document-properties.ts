// A document's own named properties, where Zotero keeps its preferences:
// Word's custom document properties (docProps/custom.xml) and LibreOffice's
// user-defined properties (meta:user-defined in meta.xml). Reading gives
// every property as text; writing replaces the ZOTERO_PREF_n ones (and the
// style Mendeley keeps, where it does) and keeps every other property exactly
// as it was.
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom'
import type { DocumentPackage } from './container'
import { MENDELEY_STYLE_PROPERTY, PREF_PROPERTY, prefChunkNumber, prefProperties, type DocumentPrefs } from './document-prefs'

const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties'
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes'
const CUSTOM_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties'
const CUSTOM_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml'
/** the property set every custom document property belongs to */
const CUSTOM_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}'
const CUSTOM_PART = 'docProps/custom.xml'

const OFFICE_NS = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0'
const META_NS = 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0'
const META_PART = 'meta.xml'

function parse(text: string | undefined): Document | undefined {
  if (!text) return undefined
  let broken = false
  const doc = new DOMParser({ onError: level => void (level !== 'warning' && (broken = true)) }).parseFromString(text, 'text/xml')
  return broken || !doc.documentElement ? undefined : doc
}

function serialize(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc)
  return text.startsWith('<?xml') ? text : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`
}

const elements = (parent: Element, ns: string, name: string): Element[] => Array.from(parent.getElementsByTagNameNS(ns, name))

function firstElementChild(parent: Element): Element | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) return node as Element
  return undefined
}

/** Where _rels/.rels puts the custom properties: the usual part, another one, or nowhere yet. */
function customTarget(rels: string | undefined): string | undefined {
  const doc = parse(rels)
  if (!doc) return undefined
  for (const rel of Array.from(doc.documentElement!.getElementsByTagName('Relationship'))) {
    if (rel.getAttribute('Type') === CUSTOM_TYPE) return (rel.getAttribute('Target') ?? '').replace(/^\//, '')
  }
  return undefined
}

export function readProperties(pkg: DocumentPackage): Map<string, string> {
  const out = new Map<string, string>()
  if (pkg.kind === 'docx') {
    const doc = parse(pkg.xml.get(CUSTOM_PART))
    for (const property of doc ? elements(doc.documentElement!, CUSTOM_NS, 'property') : []) {
      const name = property.getAttribute('name')
      if (name) out.set(name, firstElementChild(property)?.textContent ?? '')
    }
  } else {
    const doc = parse(pkg.xml.get(META_PART))
    for (const property of doc ? elements(doc.documentElement!, META_NS, 'user-defined') : []) {
      const name = property.getAttributeNS(META_NS, 'name')
      if (name) out.set(name, property.textContent ?? '')
    }
  }
  return out
}

const EMPTY_CUSTOM = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${CUSTOM_NS}" xmlns:vt="${VT_NS}"></Properties>`

/** The parts a writer replaces and adds; what it already changed is the text to change further. */
export interface ChangedParts {
  replaced: Map<string, string>
  added: Map<string, string>
}

/**
 * Changes the parts so the document carries these ZOTERO_PREF properties
 * (and no stale ones), every other property untouched. Nothing changes when
 * the properties live somewhere this cannot safely edit.
 */
export function setPrefProperties(pkg: DocumentPackage, prefs: DocumentPrefs, parts: ChangedParts): void {
  const properties = prefProperties(prefs)
  if (pkg.kind === 'docx') docxParts(pkg, properties, prefs.styleId, parts)
  else odtParts(pkg, properties, prefs.styleId, parts)
}

/** Text put in place of an element's text. */
function setText(element: Element, text: string): void {
  while (element.firstChild) element.removeChild(element.firstChild)
  element.appendChild(element.ownerDocument!.createTextNode(text))
}

function docxParts(pkg: DocumentPackage, properties: [string, string][], styleId: string, { replaced, added }: ChangedParts): void {
  const current = (part: string) => replaced.get(part) ?? pkg.xml.get(part)
  const target = customTarget(current('_rels/.rels'))
  // a package that keeps its custom properties in an unusual part (or a broken one) is left as it is
  if (target !== undefined && target !== CUSTOM_PART) return
  const existing = pkg.xml.get(CUSTOM_PART)
  const doc = parse(existing ?? EMPTY_CUSTOM)
  if (!doc || (existing === undefined && pkg.entries.includes(CUSTOM_PART))) return
  const root = doc.documentElement!
  const old = elements(root, CUSTOM_NS, 'property')
  for (const property of old) if (prefChunkNumber(property.getAttribute('name') ?? '') !== undefined) root.removeChild(property)
  // Mendeley keeps only the style's id: a document it wrote says the new style too
  const mendeley = old.find(property => property.getAttribute('name') === MENDELEY_STYLE_PROPERTY)
  const mendeleyValue = mendeley && firstElementChild(mendeley)
  if (mendeleyValue) setText(mendeleyValue, styleId)
  // pid 0 and 1 are reserved; every property needs its own
  let pid = Math.max(1, ...old.map(property => Number(property.getAttribute('pid')) || 0))
  for (const [name, value] of properties) {
    const property = doc.createElementNS(CUSTOM_NS, 'property')
    property.setAttribute('fmtid', CUSTOM_FMTID)
    property.setAttribute('pid', String(++pid))
    property.setAttribute('name', name)
    const text = doc.createElementNS(VT_NS, 'vt:lpwstr')
    text.appendChild(doc.createTextNode(value))
    property.appendChild(text)
    root.appendChild(property)
  }
  if (existing !== undefined) return void replaced.set(CUSTOM_PART, serialize(doc))
  added.set(CUSTOM_PART, serialize(doc))
  const types = current('[Content_Types].xml')!
  if (!types.includes('PartName="/docProps/custom.xml"')) {
    replaced.set('[Content_Types].xml', types.replace(/<\/Types>\s*$/, `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_CONTENT_TYPE}"/></Types>`))
  }
  if (target === undefined) {
    const rels = current('_rels/.rels')!
    const relation = `<Relationship Id="rIdNeurorefCustom" Type="${CUSTOM_TYPE}" Target="${CUSTOM_PART}"/>`
    replaced.set('_rels/.rels', rels.replace(/<\/Relationships>\s*$/, `${relation}</Relationships>`))
  }
}

const EMPTY_META = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office="${OFFICE_NS}" xmlns:meta="${META_NS}" office:version="1.3"><office:meta/></office:document-meta>`

function odtParts(pkg: DocumentPackage, properties: [string, string][], styleId: string, { replaced, added }: ChangedParts): void {
  const existing = pkg.xml.get(META_PART)
  const doc = parse(existing ?? EMPTY_META)
  const meta = doc && elements(doc.documentElement!, OFFICE_NS, 'meta')[0]
  if (!doc || !meta) return
  for (const property of elements(meta, META_NS, 'user-defined')) {
    const name = property.getAttributeNS(META_NS, 'name') ?? ''
    if (prefChunkNumber(name, PREF_PROPERTY) !== undefined) meta.removeChild(property)
    else if (name === MENDELEY_STYLE_PROPERTY) setText(property, styleId)
  }
  for (const [name, value] of properties) {
    const property = doc.createElementNS(META_NS, 'meta:user-defined')
    property.setAttributeNS(META_NS, 'meta:name', name)
    property.setAttributeNS(META_NS, 'meta:value-type', 'string')
    property.appendChild(doc.createTextNode(value))
    meta.appendChild(property)
  }
  if (existing !== undefined) return void replaced.set(META_PART, serialize(doc))
  added.set(META_PART, serialize(doc))
  const manifest = replaced.get('META-INF/manifest.xml') ?? pkg.xml.get('META-INF/manifest.xml')
  if (manifest && !manifest.includes('manifest:full-path="meta.xml"')) {
    const entry = '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    replaced.set('META-INF/manifest.xml', manifest.replace(/<\/manifest:manifest>\s*$/, `${entry}</manifest:manifest>`))
  }
}
