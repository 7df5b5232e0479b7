// @string abbreviations, expanded by Neuroref before citation-js sees an
// entry. citation-js would expand them too, but without limits: a 700-byte
// file whose macros each double the one before makes a 268-million-character
// title, and handing it every definition an entry might need made a chain of
// 3,000 macros cost minutes. Here each definition is expanded at most once
// (memoised, an explicit stack instead of recursion), only when an entry
// uses it, never past FIELD_LIMIT characters; names that are not defined or
// that are defined through themselves are reported by name.
import { plugins, type BibtexPluginConfig } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import type { BibtexBlock } from './bibtex-blocks'
import { partText, readFields, type ValuePart } from './bibtex-fields'
import { FIELD_LIMIT } from './limits'

/** What an @string name stands for at one place in the file. */
export type Expansion =
  | { kind: 'text'; text: string }
  /** longer than FIELD_LIMIT: only its length (possibly Infinity) is kept */
  | { kind: 'too-long'; length: number }
  | { kind: 'undefined'; name: string }
  /** `cycle`: the loop in words, e.g. "ping → pong → ping" */
  | { kind: 'circular'; cycle: string }

interface Definition {
  name: string
  /** offset of the @string block in the file: which definition is in force where */
  at: number
  line: number
  parts: ValuePart[]
  text: string
}

export interface MacroProblem {
  line: number
  reason: string
}

export class Macros {
  private readonly byName = new Map<string, Definition[]>()
  private readonly values = new Map<Definition, Expansion>()
  private readonly reported = new Set<string>()
  /** problems found while expanding definitions (unreadable, undefined or circular names), by the @string's line */
  readonly problems: MacroProblem[] = []

  /** `blocks`: the file's @string blocks */
  constructor(blocks: BibtexBlock[]) {
    blocks.forEach(block => {
      const open = /^@[^{(]*[{(]/.exec(block.text)
      const list = open ? readFields(block.text, open[0].length) : null
      const field = list?.fields[0]
      if (!list || !field || list.fields.length !== 1 || !list.complete) {
        this.problems.push({ line: block.line, reason: 'This @string definition could not be read, so it was skipped.' })
        return
      }
      const definition = { name: field.name, at: block.offset, line: block.line, parts: field.parts, text: block.text }
      const same = this.byName.get(field.name)
      if (same) same.push(definition)
      else this.byName.set(field.name, [definition])
    })
  }

  /** What `name` means at offset `at`: the last definition before it, else the first after (BibTeX needs the order; files do not always keep it). */
  expand(name: string, at: number): Expansion {
    const definition = this.definitionFor(name.toLowerCase(), at)
    if (definition) return this.valueOf(definition)
    const builtIn = defaultStrings()[name.toLowerCase()]
    return builtIn === undefined ? { kind: 'undefined', name } : { kind: 'text', text: builtIn }
  }

  private definitionFor(name: string, at: number): Definition | undefined {
    const all = this.byName.get(name)
    if (!all) return undefined
    // binary search: the last definition before `at` (a file may redefine one name thousands of times)
    let lo = 0
    let hi = all.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (all[mid].at < at) lo = mid + 1
      else hi = mid
    }
    return all[lo - 1] ?? all[0]
  }

  /** A definition's expansion, computed once; a loop instead of recursion, so a chain of 100,000 cannot overflow the stack. */
  private valueOf(root: Definition): Expansion {
    const done = this.values.get(root)
    if (done) return done
    const stack: Frame[] = [newFrame(root)]
    const active = new Map([[root, 0]]) // definition → its place on the stack
    while (stack.length) {
      const frame = stack[stack.length - 1]
      const part = frame.definition.parts[frame.next]
      if (!part) {
        stack.pop()
        active.delete(frame.definition)
        this.values.set(frame.definition, finish(frame))
        continue
      }
      if (part.kind !== 'macro') {
        // an expansion goes back into an entry inside braces, on the entry's line (so citation-js's line numbers stay the file's)
        add(frame, { kind: 'text', text: partText(frame.definition.text, part).replace(/\n/g, ' ') })
        frame.next++
        continue
      }
      const name = partText(frame.definition.text, part)
      const target = this.definitionFor(name.toLowerCase(), frame.definition.at)
      const from = target && active.get(target)
      if (target && from !== undefined) {
        const cycle = cycleOf(stack, from)
        this.reportCycle(target, cycle)
        add(frame, { kind: 'circular', cycle })
      } else if (target && !this.values.has(target)) {
        active.set(target, stack.length)
        stack.push(newFrame(target))
        continue // this part again once the target is done
      } else {
        const value = target ? this.values.get(target)! : this.expand(name, frame.definition.at)
        if (value.kind === 'undefined') this.report(frame.definition, `undefined ${name}`, undefinedInString(frame.definition.name, name))
        add(frame, value)
      }
      frame.next++
    }
    return this.values.get(root)!
  }

  private reportCycle(first: Definition, cycle: string): void {
    this.report(
      first,
      `cycle ${first.name} ${first.at}`,
      `The @string abbreviation "${first.name}" is defined through itself (${cycle}), so it was read as empty.`
    )
  }

  private report(definition: Definition, key: string, reason: string): void {
    if (this.reported.has(key)) return
    this.reported.add(key)
    this.problems.push({ line: definition.line, reason })
  }
}

interface Frame {
  definition: Definition
  next: number
  /** built with +, which V8 keeps as a rope: a chain of 20,000 macros each one longer is not copied 20,000 times */
  text: string
  length: number
  circular?: string
}

function newFrame(definition: Definition): Frame {
  return { definition, next: 0, text: '', length: 0 }
}

/** Adds one part's expansion; past FIELD_LIMIT only the length is counted. */
function add(frame: Frame, value: Expansion): void {
  if (value.kind === 'circular') frame.circular ??= value.cycle
  if (value.kind === 'text') {
    frame.length += value.text.length
    if (frame.length <= FIELD_LIMIT) frame.text += value.text
  } else if (value.kind === 'too-long') {
    frame.length += value.length
  }
}

function finish(frame: Frame): Expansion {
  if (frame.circular) return { kind: 'circular', cycle: frame.circular }
  if (frame.length > FIELD_LIMIT) return { kind: 'too-long', length: frame.length }
  return { kind: 'text', text: frame.text }
}

/** "ping → pong → ping"; a long loop is shortened, it only has to be recognisable. */
function cycleOf(stack: Frame[], from: number): string {
  const name = (i: number) => stack[i].definition.name
  const count = stack.length - from
  const shown =
    count <= 6 ? stack.slice(from).map(f => f.definition.name) : [name(from), name(from + 1), name(from + 2), `… ${count - 4} more …`, name(stack.length - 1)]
  return [...shown, name(from)].join(' → ')
}

function undefinedInString(definition: string, name: string): string {
  return `The @string abbreviation "${definition}" uses "${name}", which the file does not define; it was read as empty.`
}

/** BibTeX's built-in abbreviations (jan … dec and a few journals) as citation-js knows them. */
function defaultStrings(): Record<string, string> {
  return (plugins.config.get('@bibtex') as BibtexPluginConfig).constants.defaultStrings
}
