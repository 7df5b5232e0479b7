// MEDLINE text (PubMed's .nbib / "MEDLINE" download, also ERIC's export) →
// records of tagged lines. A line is "TAG - value" with the tag padded to
// four characters ("PMID- ", "AU  - ", "LID - "); a value goes on over lines
// indented by six spaces; records are separated by a blank line.
//
// The file is first cut into its records' texts (one pass, no array of its
// lines), and each is read into fields only when it is converted: a 100,000-record
// download (300 MB) never holds every line and field of every record at once.

import { forEachLine } from './file-lines'

export interface MedlineField {
  tag: string
  value: string
}

export interface MedlineRecord {
  /** 1-based line where the record starts */
  line: number
  /** fields in file order (an author's AD lines follow its FAU/AU line) */
  fields: MedlineField[]
  /** the values of each tag, in order */
  byTag: Map<string, string[]>
}

/** A record's lines as they stand in the file, not yet read. */
export interface MedlineText {
  /** 1-based line where the record starts */
  line: number
  text: string
}

/** True when `text` looks like MEDLINE: "PMID- …" or four-letter tags such as "FAU - ", "OWN - ". */
export function looksLikeMedline(text: string): boolean {
  return /^(?:PMID|OWN |STAT|FAU |DCOM)- /m.test(text.slice(0, 8000))
}

/** The texts of the file's records: a blank line ends one, and "PMID-" always starts one, even without the blank line before it. */
export function medlineRecordTexts(text: string): MedlineText[] {
  const records: MedlineText[] = []
  let start = -1
  let startLine = 0
  forEachLine(text, (at, end, line) => {
    if (isBlank(text, at, end)) {
      if (start >= 0) records.push({ line: startLine, text: text.slice(start, at) })
      start = -1
    } else if (start < 0) {
      start = at
      startLine = line
    } else if (text.startsWith('PMID', at) && valueStart(text.slice(at, end).trimEnd()) > 0) {
      records.push({ line: startLine, text: text.slice(start, at) })
      start = at
      startLine = line
    }
  })
  if (start >= 0) records.push({ line: startLine, text: text.slice(start) })
  return records
}

/** A line holding nothing but white space (as trimEnd sees it); most lines answer at their first character. */
function isBlank(text: string, from: number, to: number): boolean {
  if (from === to) return true
  const first = text.charCodeAt(from)
  if (first > 0x20 && first < 0x7f) return false
  return !text.slice(from, to).trim()
}

/** One record's fields, its continuation lines joined to the value they continue. */
export function readMedlineRecord({ line, text }: MedlineText): MedlineRecord {
  const fields: MedlineField[] = []
  // the last field's continuation lines, joined once when the next field starts (joining line by line took minutes for 100,000 lines)
  let continued: string[] | null = null
  const close = () => {
    if (!continued) return
    const last = fields[fields.length - 1]
    last.value = `${last.value} ${continued.join(' ')}`.trim()
    continued = null
  }
  // the lines walked where they stand, each read by its characters: split() and a regular expression per line were
  // most of the time reading a record took
  for (let at = 0; at < text.length;) {
    const newline = text.indexOf('\n', at)
    const end = newline < 0 ? text.length : newline
    const raw = text.slice(at, end)
    at = end + 1
    const trimmed = raw.trimEnd() // not /\s+$/: on a long run of spaces inside a line that takes quadratic time
    if (!trimmed) continue
    const valueAt = valueStart(trimmed)
    if (valueAt > 0) {
      close()
      fields.push({ tag: trimmed.slice(0, tagLength(trimmed)), value: trimmed.slice(valueAt).trim() })
    } else if (fields.length && isSpace(trimmed, 0)) {
      // a line of white space alone was trimmed to nothing: this one goes on with text (as /^\s+\S/ saw it)
      const piece = trimmed.trim()
      if (continued) continued.push(piece)
      else continued = [piece]
    } else {
      close()
      fields.push({ tag: '', value: trimmed.trim() })
    }
  }
  close()
  const byTag = new Map<string, string[]>()
  for (const { tag, value } of fields) {
    const values = byTag.get(tag)
    if (values) values.push(value)
    else byTag.set(tag, [value])
  }
  return { line, fields, byTag }
}

const isCapital = (code: number): boolean => code >= 65 && code <= 90
const isCapitalOrDigit = (code: number): boolean => isCapital(code) || (code >= 48 && code <= 57)

/** How long the tag of a line is ("AU  - …": 2): a capital, then up to three capitals or digits. */
function tagLength(line: string): number {
  let length = 1
  while (length < 4 && isCapitalOrDigit(line.charCodeAt(length))) length++
  return length
}

/**
 * Where the value of a tagged line starts, or 0 when the line is not one: as /^([A-Z][A-Z0-9]{1,3}) {0,2}- ?(.*)$/
 * reads it, the tag, at most two spaces, a hyphen and a space that may be left out; the value ends the line.
 */
function valueStart(line: string): number {
  if (!isCapital(line.charCodeAt(0))) return 0
  let at = tagLength(line)
  if (at < 2) return 0
  for (let spaces = 0; spaces < 2 && line.charCodeAt(at) === 32; spaces++) at++
  if (line.charCodeAt(at) !== 45) return 0
  at++
  if (line.charCodeAt(at) === 32) at++
  return hasLineBreak(line) ? 0 : at
}

/** A line break that String.trimEnd leaves inside a line: a carriage return or a line or paragraph separator (the expression's "." does not take them). */
function hasLineBreak(line: string): boolean {
  return LINE_BREAK.test(line)
}

// one pass over the line (three indexOf calls read each abstract three times); a tag holds none of them
const LINE_BREAK = /[\r\u2028\u2029]/

const SPACE = /\s/

/** White space as /\s/ sees it; a space or tab answers without the expression. */
function isSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code === 32 || code === 9) return true
  if (code > 32 && code < 127) return false
  return SPACE.test(text[at])
}

/** All values of `tag`, in order. */
export function valuesOf(record: MedlineRecord, tag: string): string[] {
  return record.byTag.get(tag) ?? []
}

export function valueOf(record: MedlineRecord, tag: string): string | undefined {
  return record.byTag.get(tag)?.[0]
}
