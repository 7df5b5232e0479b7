// One entry made safe for citation-js: @string names replaced by their
// expansions in braces, and fields that are too long or too deeply nested
// left out with a sentence. The rest of the entry's text is kept as written
// (and on the same lines), so citation-js still reads the LaTeX and still
// reports a real syntax error at the file's line. An entry whose fields were
// all read here is also handed back read, so citation-js need not tokenise
// it a second time (a third of its time on a large file).
import type { BibtexBlock } from './bibtex-blocks'
import { partText, readFields, type Field, type FieldList } from './bibtex-fields'
import type { Expansion, Macros } from './bibtex-macros'
import type { RawEntry } from './bibtex-values'
import { DEPTH_LIMIT, EXPANSION_LIMIT, FIELD_LIMIT, count } from './limits'

export interface ExpandedEntry {
  /** the entry's text for citation-js, or null when it cannot be handed over at all; not written for an entry read whole here unless asked for */
  text?: string | null
  problems: { line: number; reason: string }[]
  /** the entry as citation-js's BibTeX grammar would give it, when every field was read here */
  entry?: RawEntry
}

/** What is left of the file's expansion allowance (EXPANSION_LIMIT characters in all). */
export class ExpansionBudget {
  left = EXPANSION_LIMIT
}

const LIMITS = `(Neuroref keeps up to ${count(FIELD_LIMIT)} characters per field)`

/**
 * `text`: the block's text (with a stand-in key when it had none); `at`: the block's offset in the file. The text for
 * citation-js is written only where the entry was not read whole here, or `withText` asks for it: copying every entry's
 * text was work thrown away for nearly every entry of a large file.
 */
export function expandEntry(block: BibtexBlock, text: string, at: number, macros: Macros, budget: ExpansionBudget, withText = false): ExpandedEntry {
  const problems: ExpandedEntry['problems'] = []
  const head = /^@[^{(]*[{(][^,]*,/.exec(text)
  if (!head) return { text, problems }
  const list = readFields(text, head[0].length)
  const lineAt = lineCounter(text, block.line)
  let entry = wholeEntry(head[0], text, list)
  const verdicts: Verdict[] = []
  for (const field of list.fields) {
    const verdict = judge(text, field, at, macros, budget)
    verdicts.push(verdict)
    const line = lineAt(field.start)
    for (const reason of verdict.notes) problems.push({ line, reason })
    if (verdict.drop) problems.push({ line, reason: verdict.drop })
    else if (entry) {
      const value = valueOf(text, field, verdict.expansions)
      if (value === undefined) entry = undefined
      else entry.properties[field.name] = value
    }
  }
  const copied = list.fields.length ? list.fields[list.fields.length - 1].end : head[0].length
  // Something the field reader could not follow: citation-js will report the syntax error, unless the rest
  // is nested so deeply that its recursive reader would overflow the stack first.
  const deepest = list.complete ? 0 : maxDepth(text.slice(copied))
  if (deepest > DEPTH_LIMIT) {
    problems.push({ line: lineAt(copied), reason: tooDeep('The entry', deepest, 'it was skipped') })
    return { text: null, problems }
  }
  if (entry && !withText) return { problems, entry }
  return { text: textForCitationJs(text, head[0].length, list.fields, verdicts), problems, ...(entry && { entry }) }
}

/** The entry's text with each dropped field left out (its line breaks kept) and each macro replaced by {its expansion}. */
function textForCitationJs(text: string, headEnd: number, fields: Field[], verdicts: Verdict[]): string {
  const out: string[] = [text.slice(0, headEnd)]
  let copied = headEnd
  fields.forEach((field, n) => {
    out.push(text.slice(copied, field.start))
    // a dropped field and its comma go; its line breaks stay, so later lines keep their numbers
    out.push(verdicts[n].drop ? '\n'.repeat(newlines(text, field.start, field.end)) : rewritten(text, field, verdicts[n].expansions))
    copied = field.end
  })
  out.push(text.slice(copied))
  return out.join('')
}

interface Verdict {
  /** why the field is left out, or null */
  drop: string | null
  /** sentences about a kept field (an undefined abbreviation read as empty) */
  notes: string[]
  /** the text for each macro part, by part index */
  expansions: Map<number, string>
}

function judge(text: string, field: Field, at: number, macros: Macros, budget: ExpansionBudget): Verdict {
  const verdict: Verdict = { drop: null, notes: [], expansions: new Map() }
  const name = `The ${field.name} field`
  const depth = field.parts.reduce((deepest, part) => Math.max(deepest, part.depth), 0)
  if (depth > DEPTH_LIMIT) return { ...verdict, drop: tooDeep(name, depth, 'it was left out') }
  let length = 0
  let expanded = 0
  field.parts.forEach((part, index) => {
    if (part.kind !== 'macro') {
      length += part.end - part.start - (part.kind === 'literal' ? 2 : 0)
      return
    }
    const value: Expansion = macros.expand(text.slice(part.start, part.end), at)
    if (value.kind === 'text') {
      length += value.text.length
      expanded += value.text.length
      verdict.expansions.set(index, value.text)
    } else if (value.kind === 'too-long') {
      length += value.length
      expanded += value.length
    } else {
      verdict.notes.push(
        value.kind === 'undefined'
          ? `${name} uses the @string abbreviation "${value.name}", which the file does not define; it was read as empty.`
          : `${name} uses an @string abbreviation defined through itself (${value.cycle}); it was read as empty.`
      )
      verdict.expansions.set(index, '')
    }
  })
  if (length > FIELD_LIMIT) {
    const what = expanded ? `would be ${count(length)} characters long with its @string abbreviations expanded` : `is ${count(length)} characters long`
    return { ...verdict, drop: `${name} ${what} ${LIMITS}, so it was left out.` }
  }
  if (expanded > budget.left) {
    return {
      ...verdict,
      drop: `${name} was left out: this file's @string abbreviations expand to more than ${count(EXPANSION_LIMIT)} characters in all, and Neuroref stops expanding there.`
    }
  }
  budget.left -= expanded
  return verdict
}

// "@type{key,": the head citation-js reads as type and label (a key that starts with a brace or a
// comment, or a type it reads as @string, @preamble or @comment, is left to citation-js)
const PLAIN_HEAD = /^@\s*([A-Za-z][\w-]*)\s*[{(]\s*([^,\s{(%][^,\s]*)\s*,$/
const NOT_AN_ENTRY = /^(?:string|preamble|comment)/

/** An empty entry to fill, when the head is plain and the fields were read to the block's closing delimiter. */
function wholeEntry(head: string, text: string, list: FieldList): RawEntry | undefined {
  const match = PLAIN_HEAD.exec(head)
  if (!match || !list.complete || list.end !== text.length - 1) return undefined
  const type = match[1].toLowerCase()
  return NOT_AN_ENTRY.test(type) ? undefined : { type, label: match[2], properties: {} }
}

/**
 * A field's value as citation-js's grammar joins it: literals without their
 * delimiters, numbers as numbers, @strings as expanded; undefined for what
 * only citation-js should read (biber annotations, an expansion with braces).
 */
function valueOf(text: string, field: Field, expansions: Map<number, string>): string | number | undefined {
  if (field.name.includes('+an')) return undefined
  let value: string | number | undefined
  for (const [index, part] of field.parts.entries()) {
    const piece =
      part.kind === 'number' ? parseInt(text.slice(part.start, part.end), 10) : part.kind === 'literal' ? partText(text, part) : expansions.get(index)
    if (piece === undefined || (part.kind === 'macro' && /[{}]/.test(String(piece)))) return undefined
    value = index === 0 ? piece : value + String(piece)
  }
  return value
}

/** The field's text with each macro part replaced by {its expansion}. */
function rewritten(text: string, field: Field, expansions: Map<number, string>): string {
  if (expansions.size === 0) return text.slice(field.start, field.end)
  const out: string[] = []
  let copied = field.start
  field.parts.forEach((part, index) => {
    const value = expansions.get(index)
    if (value === undefined) return
    out.push(text.slice(copied, part.start), `{${value}}`)
    copied = part.end
  })
  out.push(text.slice(copied, field.end))
  return out.join('')
}

function tooDeep(what: string, depth: number, outcome: string): string {
  return `${what} nests braces ${count(depth)} levels deep (Neuroref reads up to ${DEPTH_LIMIT}), so ${outcome}.`
}

function maxDepth(text: string): number {
  let depth = 0
  let deepest = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '{' && ++depth > deepest) deepest = depth
    else if (c === '}' && depth > 0) depth--
  }
  return deepest
}

function newlines(text: string, from: number, to: number): number {
  let n = 0
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** Offset in the block → line in the file (offsets only grow, so one forward scan). */
function lineCounter(text: string, firstLine: number): (offset: number) => number {
  let line = firstLine
  let scanned = 0
  return offset => {
    line += newlines(text, scanned, offset)
    scanned = Math.max(scanned, offset)
    return line
  }
}
