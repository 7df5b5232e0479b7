// RIS text → records of tags. We read the lines ourselves (exports differ: one
// or two spaces before the dash, values continued on untagged lines, CRLF,
// blank lines, records without TY). A TY or an ER closes the record before it.
//
// The file is first cut into its records' texts, looking closely only at lines
// that may start or end a record, and each is read into tags only when it is
// converted: the first papers of a 100,000-record file go out at once.

import { forEachLine } from './file-lines'

/** Tags and their values, as citation-js's "@ris/record" expects: a string, or a list when repeated. */
export type RisTags = Record<string, string | string[]>

export interface RisRecord {
  /** 1-based line where the record starts */
  line: number
  tags: RisTags
}

/** A record's lines as they stand in the file, not yet read. */
export interface RisText {
  line: number
  text: string
}

// "TY  - JOUR"; EndNote sometimes writes one space ("TY - JOUR"); "ER  -" may end the line.
const TAG_LINE = /^\s*([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$/
// Tags whose continuation lines are further values (one link per line), not more text.
const ONE_PER_LINE = new Set(['L1', 'L2', 'L3', 'L4', 'UR'])
const T = 0x54
const Y = 0x59
const E = 0x45
const R = 0x52

/** The texts of the file's records, each from the tag line that starts it to the line before the next record or its ER. */
export function risRecordTexts(text: string): RisText[] {
  const records: RisText[] = []
  let start = -1
  let startLine = 0
  // the record so far holds a TY and nothing else: another TY only changes its type
  let onlyType = false
  const close = (at: number) => {
    if (start >= 0) records.push({ line: startLine, text: text.slice(start, at) })
    start = -1
    onlyType = false
  }
  forEachLine(text, (at, end, line) => {
    // inside a record, only a TY or ER line (or one that may be indented) can end it, and only while it holds just a TY can a line change that
    const first = text.charCodeAt(at)
    const second = text.charCodeAt(at + 1)
    const mayMatter: boolean = start < 0 || onlyType || (first === T && second === Y) || (first === E && second === R) || first <= 0x20 || first >= 0x7f
    const match: RegExpExecArray | null = mayMatter ? TAG_LINE.exec(text.slice(at, end)) : null
    if (match) {
      const tag: string = match[1]
      const filled: boolean = !!match[2]?.trim()
      if (tag === 'ER') close(at)
      else if (tag === 'TY' && onlyType) onlyType = filled
      else if (tag === 'TY' || start < 0) {
        close(at)
        start = at
        startLine = line
        onlyType = tag === 'TY' && filled
      } else if (filled) onlyType = false
    }
  })
  close(text.length)
  return records
}

/** One record's tags (the lines `risRecordTexts` cut out hold exactly one record). */
export function readRisRecord({ line, text }: RisText): RisRecord {
  const tags: RisTags = {}
  let lastTag: string | null = null
  for (const raw of text.split('\n')) {
    const match = TAG_LINE.exec(raw)
    if (!match) {
      const more = raw.trim()
      if (lastTag && more) addValue(tags, lastTag, more, !ONE_PER_LINE.has(lastTag))
      continue
    }
    const [, tag, value = ''] = match
    const trimmed = value.trim()
    if (tag === 'TY') tags.TY = trimmed.toUpperCase()
    else if (trimmed) addValue(tags, tag, trimmed, false)
    lastTag = trimmed ? tag : null
  }
  return { line, tags }
}

/** Adds in place: copying the list for every value made 200,000 KW lines take minutes. */
function addValue(tags: RisTags, tag: string, value: string, continues: boolean): void {
  const old = tags[tag]
  if (old === undefined) tags[tag] = value
  else if (typeof old === 'string') tags[tag] = continues ? `${old} ${value}` : [old, value]
  else if (continues) old[old.length - 1] = `${old[old.length - 1]} ${value}`
  else old.push(value)
}
