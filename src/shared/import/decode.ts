// Bytes of a bibliography file → text. Reference managers write many
// encodings: UTF-8 with or without a byte-order mark, UTF-16 (JabRef, old
// EndNote), latin-1 / latin-9 / windows-1252 from older tools. The file may
// say which one it uses (JabRef's "% Encoding: …", an Emacs "coding: …"
// cookie, an XML declaration), and may lie: JabRef's own tests contain a
// file that declares UTF-8 but holds windows-1252 bytes.

export interface DecodedText {
  /** the text, line endings normalised to "\n" (old Mac files end lines with CR alone) */
  text: string
  /** the WHATWG name of the encoding used, e.g. "utf-8", "utf-16be", "windows-1252" */
  encoding: string
}

/** Names people and tools write that TextDecoder does not know as labels. */
const ALIASES: Record<string, string> = {
  'latin-1': 'iso-8859-1',
  'latin-2': 'iso-8859-2',
  'latin-9': 'iso-8859-15',
  latin9: 'iso-8859-15',
  'latin-0': 'iso-8859-15',
  utf8: 'utf-8',
  cp1252: 'windows-1252',
  ansi: 'windows-1252'
}

/** How many leading bytes the NUL-pattern and header sniffing look at. */
const SNIFF_BYTES = 1024

/**
 * Decode `bytes`, honouring `override` (a label such as "windows-1252") when
 * given; throws RangeError for an override TextDecoder does not know.
 */
export function decodeBibliography(bytes: Uint8Array, override?: string): DecodedText {
  const encoding = override ? knownLabel(override) : detectEncoding(bytes)
  if (!encoding) throw new RangeError(`"${override}" is not a text encoding Neuroref knows.`)
  const decoder = new TextDecoder(encoding)
  return { text: decoder.decode(bytes).replace(/\r\n?/g, '\n'), encoding: decoder.encoding }
}

/** The encoding `bytes` are most likely in. */
export function detectEncoding(bytes: Uint8Array): string {
  const bom = byteOrderMark(bytes)
  if (bom) return bom
  const wide = utf16WithoutBom(bytes)
  if (wide) return wide
  const declared = declaredEncoding(bytes)
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) return declared
  // Declared UTF-8, or nothing declared: believe UTF-8 only if the bytes are valid UTF-8.
  return isValidUtf8(bytes) ? 'utf-8' : 'windows-1252'
}

function byteOrderMark(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8'
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le'
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be'
  return null
}

/**
 * UTF-16 text that is mostly ASCII has a NUL in every other byte: at even
 * offsets for big-endian, odd offsets for little-endian. No 8-bit text file
 * has that pattern.
 */
function utf16WithoutBom(b: Uint8Array): string | null {
  const n = Math.min(b.length, SNIFF_BYTES) & ~1
  if (n < 4) return null
  let evenNuls = 0
  let oddNuls = 0
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNuls++
    if (b[i + 1] === 0) oddNuls++
  }
  const pairs = n / 2
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return 'utf-16be'
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return 'utf-16le'
  return null
}

/** The encoding the file names near its start, when TextDecoder knows it. */
function declaredEncoding(b: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(b.subarray(0, SNIFF_BYTES))
  const match =
    /^%\s*Encoding:\s*([\w.:-]+)/im.exec(head) ?? // JabRef
    /-\*-.*?\bcoding:\s*([\w.:-]+?)(?:-(?:unix|dos|mac))?\s*(?:;|-\*-)/i.exec(head) ?? // Emacs
    /^<\?xml[^>]*\bencoding=["']([\w.:-]+)["']/i.exec(head) // XML declaration
  return match ? knownLabel(match[1]) : null
}

/** The canonical name for `label`, or null when TextDecoder does not know it. */
function knownLabel(label: string): string | null {
  const lower = label.trim().toLowerCase()
  try {
    return new TextDecoder(ALIASES[lower] ?? lower).encoding
  } catch {
    return null
  }
}

function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b)
    return true
  } catch {
    return false
  }
}
