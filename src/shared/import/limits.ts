// How much of a file Neuroref takes in. A record is stored, indexed and
// shown whole every time the library opens, so one absurd field (a title of
// 16 million characters made by doubling @string macros) would slow every
// later start; a value nested thousands of braces deep overflows the stack
// of any recursive reader. No real reference comes near these.

/** characters in one field of a record, after @string abbreviations are expanded */
export const FIELD_LIMIT = 1_000_000
/** brace (or, in CSL-JSON, array and object) nesting inside one field */
export const DEPTH_LIMIT = 100
/** characters that @string expansion may add to a whole file (1,000 entries each using a 1 MB macro would be 1 GB) */
export const EXPANSION_LIMIT = 16_000_000

/**
 * 1234567 → "1,234,567" (a length or depth: never negative); lengths that overflowed are "countless". Commas put in
 * by hand: the first toLocaleString of a renderer sets up ICU's number formatting (46 ms in a fresh Chromium worker),
 * and the BibTeX reader makes a message with a count as it loads, so an import's reader paid it before reading a byte.
 */
export function count(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ',') : 'countless'
}

/** How deeply a parsed JSON value nests (a string or number is 0) and how many characters its strings hold; a loop, not recursion. */
function measure(value: unknown): { depth: number; length: number } {
  let depth = 0
  let length = 0
  // values and their levels side by side: a pair per value was most of a MEDLINE record's measuring
  const values: unknown[] = [value]
  const levels: number[] = [0]
  while (values.length) {
    const v = values.pop()
    const level = levels.pop()!
    if (typeof v === 'string') length += v.length
    else if (v && typeof v === 'object') {
      depth = Math.max(depth, level + 1)
      if (depth > DEPTH_LIMIT) return { depth: Infinity, length }
      for (const child of Array.isArray(v) ? v : Object.values(v)) {
        values.push(child)
        levels.push(level + 1)
      }
    }
  }
  return { depth, length }
}

/** Why a field's value is too big to keep, or null. */
export function oversized(field: string, value: unknown): string | null {
  // most fields are one string: nothing to walk
  const { depth, length } = typeof value === 'string' ? { depth: 0, length: value.length } : measure(value)
  if (depth > DEPTH_LIMIT) return `The ${field} field nests more than ${DEPTH_LIMIT} levels deep, so it was left out.`
  if (length > FIELD_LIMIT)
    return `The ${field} field is ${count(length)} characters long (Neuroref keeps up to ${count(FIELD_LIMIT)} characters per field), so it was left out.`
  return null
}
