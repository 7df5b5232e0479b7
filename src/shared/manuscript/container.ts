// The zip package a .docx or .odt is: tell what a file is before touching it,
// read the few XML parts a manuscript needs, and write a copy in which only
// those parts change. Every other part (images, fonts, embedded objects) is
// copied as its compressed bytes, never inflated into memory whole: its CRC is
// checked by streaming it through an inflater that keeps nothing.
import { Inflate, Unzip, UnzipInflate, UnzipPassThrough, Zip, ZipDeflate, ZipPassThrough, strFromU8, strToU8, type UnzipFile } from 'fflate'
import { ServiceError } from '../result'
import { concatBytes } from '../bytes'

export type DocumentKind = 'docx' | 'odt'

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const ODT_MIME = 'application/vnd.oasis.opendocument.text'
/** A document's XML over this size is refused: 50 pages of text is a few MB. */
const MAX_XML_PART_BYTES = 64 * 1024 * 1024

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte)
}

/** UTF-16LE text inside an OLE file: stream names are stored that way. */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i)
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - needle.length
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/**
 * What kind of file this is, or a sentence saying why it cannot be formatted.
 * Word's password protection wraps the .docx in an OLE file with an
 * "EncryptionInfo" stream; an old binary .doc is an OLE file with a
 * "WordDocument" stream.
 */
function refuseNonZip(bytes: Uint8Array, name: string): never {
  if (startsWith(bytes, OLE_MAGIC)) {
    if (hasUtf16(bytes, 'EncryptionInfo') || hasUtf16(bytes, 'EncryptedPackage')) {
      throw new ServiceError(
        'PASSWORD_REQUIRED',
        `“${name}” is protected by a password. Remove the password in Word (File › Info › Protect Document), save, and try again.`
      )
    }
    throw new ServiceError(
      'UNSUPPORTED',
      `“${name}” is an old Word document (.doc). Open it in Word or LibreOffice and save it as .docx, then format that file.`
    )
  }
  throw new ServiceError('INVALID_INPUT', `“${name}” is not a Word (.docx) or LibreOffice (.odt) document.`)
}

interface Entry {
  name: string
  compression: number
}

/** Reads every entry's name and, for the wanted ones, its bytes. */
function scan(bytes: Uint8Array, name: string, wanted: (entry: string) => boolean): { entries: Entry[]; parts: Map<string, Uint8Array> } {
  const entries: Entry[] = []
  const parts = new Map<string, Uint8Array>()
  const unzip = new Unzip((file: UnzipFile) => {
    entries.push({ name: file.name, compression: file.compression })
    if (!wanted(file.name)) return
    if (file.compression !== 0 && file.compression !== 8) throw new Error(`unsupported compression ${file.compression}`)
    if ((file.originalSize ?? 0) > MAX_XML_PART_BYTES) {
      throw new ServiceError('INVALID_INPUT', `“${name}” has a text part of ${Math.round((file.originalSize ?? 0) / 1e6)} MB, more than a manuscript can have.`)
    }
    const chunks: Uint8Array[] = []
    let total = 0
    file.ondata = (error, chunk, final) => {
      if (error) throw error
      total += chunk.length
      if (total > MAX_XML_PART_BYTES) throw new ServiceError('INVALID_INPUT', `“${name}” has a text part larger than a manuscript can have.`)
      chunks.push(chunk)
      if (final) parts.set(file.name, concatBytes(chunks, total))
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    unzip.push(bytes, true)
  } catch (error) {
    if (error instanceof ServiceError) throw error
    throw damaged(name)
  }
  if (entries.length === 0) throw damaged(name)
  return { entries, parts }
}

function damaged(name: string): ServiceError {
  return new ServiceError(
    'INVALID_INPUT',
    `“${name}” is damaged (its zip container cannot be read). Open it in Word or LibreOffice, save a new copy, and try again.`
  )
}

export interface DocumentPackage {
  kind: DocumentKind
  name: string
  /** the original file, kept to copy untouched parts from */
  bytes: Uint8Array
  entries: string[]
  /** the XML parts read, as text */
  xml: Map<string, string>
}

/** Parts a docx manuscript may need; everything else stays compressed. */
const DOCX_PARTS =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/(document|footnotes|endnotes|styles|settings)\.xml|word\/_rels\/document\.xml\.rels|docProps\/custom\.xml)$/
const ODT_PARTS = /^(mimetype|content\.xml|styles\.xml|meta\.xml|META-INF\/manifest\.xml)$/

/** Opens a manuscript, or throws a ServiceError whose message is the sentence to show. */
export function openDocument(bytes: Uint8Array, name: string): DocumentPackage {
  if (bytes.length < 4) throw new ServiceError('INVALID_INPUT', `“${name}” is empty or not a document.`)
  if (!startsWith(bytes, ZIP_MAGIC)) refuseNonZip(bytes, name)
  const { entries, parts } = scan(bytes, name, entry => DOCX_PARTS.test(entry) || ODT_PARTS.test(entry))
  const xml = new Map<string, string>()
  for (const [part, data] of parts) xml.set(part, strFromU8(data))
  const names = entries.map(entry => entry.name)
  let kind: DocumentKind
  if (xml.get('mimetype')?.trim() === ODT_MIME && xml.has('content.xml')) {
    if (/<manifest:encryption-data\b/.test(xml.get('META-INF/manifest.xml') ?? '')) {
      throw new ServiceError('PASSWORD_REQUIRED', `“${name}” is protected by a password. Save it without a password in LibreOffice and try again.`)
    }
    kind = 'odt'
  } else if (xml.has('[Content_Types].xml') && xml.has('word/document.xml')) {
    kind = 'docx'
  } else if (xml.has('mimetype')) {
    throw new ServiceError('UNSUPPORTED', `“${name}” is an OpenDocument file but not a text document (.odt).`)
  } else {
    throw new ServiceError('INVALID_INPUT', `“${name}” is a zip file but not a Word (.docx) or LibreOffice (.odt) document.`)
  }
  return { kind, name, bytes, entries: names, xml }
}

/**
 * A raw copy of a deflated entry: the compressed bytes pass through as they
 * are, and an inflater that keeps nothing checks them and computes the CRC
 * the new archive needs.
 */
function copyDeflated(file: UnzipFile, zip: Zip): void {
  const out = {
    filename: file.name,
    compression: 8,
    crc: 0,
    size: 0,
    ondata: undefined as ((error: Error | null, chunk: Uint8Array, final: boolean) => void) | undefined
  }
  zip.add(out)
  const checksum = new ZipPassThrough(file.name)
  checksum.ondata = () => {}
  const inflate = new Inflate((data, final) => checksum.push(data, final))
  file.ondata = (error, chunk, final) => {
    if (error) throw error
    inflate.push(chunk, final)
    if (final) {
      out.crc = checksum.crc
      out.size = checksum.size
    }
    out.ondata!(null, chunk, final)
  }
}

/** A decoder that hands the stored bytes on untouched (fflate calls it for deflated entries we copy). */
class KeepCompressed {
  static compression = 8
  ondata: (error: Error | null, chunk: Uint8Array, final: boolean) => void = () => {}
  push(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, chunk, final)
  }
}

/**
 * A new package: the original's entries in their order, the `replaced` parts
 * with new content, `added` parts at the end. Untouched parts keep their
 * bytes exactly.
 */
export function writeDocument(pkg: DocumentPackage, replaced: Map<string, string>, added = new Map<string, string>()): Uint8Array {
  const chunks: Uint8Array[] = []
  let failure: Error | null = null
  const zip = new Zip((error, chunk) => {
    if (error) failure = error
    else chunks.push(chunk)
  })
  const addText = (filename: string, text: string, store = false) => {
    const file = store ? new ZipPassThrough(filename) : new ZipDeflate(filename, { level: 6 })
    zip.add(file)
    file.push(strToU8(text), true)
  }
  const unzip = new Unzip((file: UnzipFile) => {
    if (replaced.has(file.name)) {
      addText(file.name, replaced.get(file.name)!)
      return
    }
    if (file.compression === 0) {
      const copy = new ZipPassThrough(file.name)
      zip.add(copy)
      file.ondata = (error, chunk, final) => {
        if (error) throw error
        copy.push(chunk, final)
      }
    } else if (file.compression === 8) {
      copyDeflated(file, zip)
    } else {
      throw new ServiceError('UNSUPPORTED', `“${pkg.name}” uses a zip compression Neuroref cannot copy (method ${file.compression}).`)
    }
    file.start()
  })
  unzip.register(UnzipPassThrough)
  unzip.register(KeepCompressed)
  try {
    unzip.push(pkg.bytes, true)
  } catch (error) {
    if (error instanceof ServiceError) throw error
    throw damaged(pkg.name)
  }
  for (const [filename, text] of added) addText(filename, text)
  zip.end()
  if (failure) throw damaged(pkg.name)
  return concatBytes(chunks)
}
