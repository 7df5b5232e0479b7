// Bytes of a bibliography file → text. Reference managers write many
// encodings: UTF-8 with or without a byte-order mark, UTF-16 (JabRef, old
// EndNote), latin-1 / latin-9 / windows-1252 from older tools. The file may
// say which one it uses (JabRef's "% Encoding: …", an Emacs "coding: …"
// cookie, an XML declaration), and may lie: JabRef's own tests contain a
// file that declares UTF-8 but holds windows-1252 bytes. A file can also
// mix them (one entry pasted from an old latin-1 file): then each line is
// read in the encoding it is in, and the lines that were not UTF-8 are named.
// NUL bytes (left by crashes, bad copies, sync tools) are removed and named.
import type { ImportProblem } from './imported-record'
import { count } from './limits'

export interface DecodedText {
  /** the text, line endings normalised to "\n" (old Mac files end lines with CR alone) */
  text: string
  /** the WHATWG name of the encoding used, e.g. "utf-8", "utf-16be", "windows-1252" */
  encoding: string
  /** lines read as windows-1252 in a UTF-8 file, NUL bytes removed */
  problems: ImportProblem[]
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
/** Lines named one by one in a problem; beyond that, one sentence says how many more. */
const LINES_NAMED = 20

/**
 * Decode `bytes`, honouring `override` (a label such as "windows-1252") when
 * given; throws RangeError for an override TextDecoder does not know.
 */
export function decodeBibliography(bytes: Uint8Array, override?: string): DecodedText {
  const detected: { encoding: string | null; text?: string } = override ? { encoding: knownLabel(override) } : detectEncoding(bytes)
  const { encoding } = detected
  if (!encoding) throw new RangeError(`"${override}" is not a text encoding Neuroref knows.`)
  const problems: ImportProblem[] = []
  const decoded = detected.text ?? (encoding === MIXED ? decodeLineByLine(bytes, problems) : new TextDecoder(encoding).decode(bytes))
  // each pass over a 190 MB file costs a few hundred milliseconds: a search for CR first, and NUL looked for in the bytes
  const lines = decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded
  const text = encoding.startsWith('utf-16') || bytes.includes(0) ? withoutNuls(lines, problems) : lines
  return { text, encoding: encoding === MIXED ? 'utf-8' : new TextDecoder(encoding).encoding, problems }
}

/** UTF-8 with some lines in windows-1252: what detectEncoding says for such a file. */
const MIXED = 'utf-8, some lines windows-1252'

/** The encoding `bytes` are most likely in; for valid UTF-8 also the text (decoding a large file twice took a second). */
function detectEncoding(bytes: Uint8Array): { encoding: string; text?: string } {
  const bom = byteOrderMark(bytes)
  if (bom) return { encoding: bom }
  const wide = utf16WithoutBom(bytes)
  if (wide) return { encoding: wide }
  const declared = declaredEncoding(bytes)
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) return { encoding: declared }
  const text = utf8Text(bytes)
  if (text !== null) return { encoding: 'utf-8', text }
  return { encoding: hasUtf8Sequence(bytes) ? MIXED : 'windows-1252' }
}

/** Each line as UTF-8 when it is valid UTF-8, otherwise as windows-1252; those lines become problems. */
function decodeLineByLine(bytes: Uint8Array, problems: ImportProblem[]): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  const latin = new TextDecoder('windows-1252')
  const parts: string[] = []
  const latinLines: number[] = []
  let line = 1
  let start = 0
  while (start < bytes.length) {
    let end = start
    while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++
    // the line break goes with its line: \r\n, \n or \r (old Mac files)
    const breakLength = bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : end < bytes.length ? 1 : 0
    const segment = bytes.subarray(start, end + breakLength)
    try {
      parts.push(utf8.decode(segment))
    } catch {
      parts.push(latin.decode(segment))
      latinLines.push(line)
    }
    start = end + breakLength
    line++
  }
  for (const n of latinLines.slice(0, LINES_NAMED)) {
    problems.push({ line: n, reason: 'This line is not valid UTF-8 like the rest of the file; it was read as Windows-1252 (check its accented letters).' })
  }
  if (latinLines.length > LINES_NAMED) {
    const more = latinLines.length - LINES_NAMED
    problems.push({ line: latinLines[LINES_NAMED], reason: `${more} more lines are not valid UTF-8; they were read as Windows-1252.` })
  }
  return parts.join('')
}

/** The text without NUL characters, each line that had some named. */
function withoutNuls(text: string, problems: ImportProblem[]): string {
  if (!text.includes('\0')) return text
  const byLine = new Map<number, number>()
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a) line++
    else if (c === 0) byLine.set(line, (byLine.get(line) ?? 0) + 1)
  }
  const lines = [...byLine]
  for (const [n, nuls] of lines.slice(0, LINES_NAMED)) {
    const what =
      nuls === 1
        ? 'A NUL byte (an invisible control character, often left by a crash or a bad copy) was'
        : `${count(nuls)} NUL bytes (invisible control characters, often left by a crash or a bad copy) were`
    problems.push({ line: n, reason: `${what} removed from this line.` })
  }
  if (lines.length > LINES_NAMED) {
    problems.push({ line: lines[LINES_NAMED][0], reason: `NUL bytes were removed from ${lines.length - LINES_NAMED} more lines.` })
  }
  return text.replace(/\0/g, '')
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

/** True when the bytes hold at least one well-formed multi-byte UTF-8 character. */
function hasUtf8Sequence(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const lead = b[i]
    if (lead < 0xc2 || lead > 0xf4) continue
    const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4
    let ok = i + length <= b.length
    for (let k = 1; ok && k < length; k++) ok = (b[i + k] & 0xc0) === 0x80
    if (ok) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(i, i + length))
        return true
      } catch {
        // an overlong or surrogate form: keep looking
      }
    }
  }
  return false
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function utf8Text(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b)
  } catch {
    return null
  }
}
