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

const TAG_LINE = /^([A-Z][A-Z0-9]{1,3}) {0,2}- ?(.*)$/
const CONTINUATION = /^\s+\S/

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
    } else if (text.startsWith('PMID', at) && TAG_LINE.exec(text.slice(at, end).trimEnd())?.[1] === 'PMID') {
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
  // a value's continuation lines, joined once at the end (joining line by line took minutes for 100,000 lines)
  const continued = new Map<MedlineField, string[]>()
  for (const raw of text.split('\n')) {
    const trimmed = raw.trimEnd() // not /\s+$/: on a long run of spaces inside a line that takes quadratic time
    if (!trimmed) continue // the piece after the last line break
    const tagged = TAG_LINE.exec(trimmed)
    if (tagged) {
      fields.push({ tag: tagged[1], value: tagged[2].trim() })
    } else if (fields.length && CONTINUATION.test(trimmed)) {
      const last = fields[fields.length - 1]
      const lines = continued.get(last)
      if (lines) lines.push(trimmed.trim())
      else continued.set(last, [trimmed.trim()])
    } else {
      fields.push({ tag: '', value: trimmed.trim() })
    }
  }
  for (const [field, lines] of continued) field.value = `${field.value} ${lines.join(' ')}`.trim()
  const byTag = new Map<string, string[]>()
  for (const { tag, value } of fields) {
    const values = byTag.get(tag)
    if (values) values.push(value)
    else byTag.set(tag, [value])
  }
  return { line, fields, byTag }
}

/** All values of `tag`, in order. */
export function valuesOf(record: MedlineRecord, tag: string): string[] {
  return record.byTag.get(tag) ?? []
}

export function valueOf(record: MedlineRecord, tag: string): string | undefined {
  return record.byTag.get(tag)?.[0]
}
